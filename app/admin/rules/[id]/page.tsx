import Link from "next/link";
import { requirePageUser, pageError, runQuery } from "@/lib/auth/guard";
import { ruleSetQuery } from "@/lib/admin/load-admin-pages";
import { DOCUMENT_SLOTS, RULE_SET_STATE_LABELS as STATE_LABELS, describeGroups, slotGroups } from "@/lib/admin/rule-set-editing";
import { formatBeijing } from "@/lib/csv";
import { permitValidityDaysOf } from "@/lib/rules/default-rule-set";
import { AdminBack } from "@/components/admin/admin-nav";
import { PublishButton } from "./publish-button";

export const metadata = { title: "规则集版本" };

export default async function RuleSetPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(["admin"], `/admin/rules/${encodeURIComponent(id)}`);
  const { ruleSet: rs, state } = await runQuery(user, ruleSetQuery, id).catch(pageError);
  const d = rs.data;
  return (
    <div className="space-y-4">
      <AdminBack />
      <h1 className="page-title">
        规则集 <span className="font-mono">{rs.version}</span>（{STATE_LABELS[state]}）
      </h1>
      <p className="text-slate-700">
        生效日期 {formatBeijing(rs.effectiveFrom).slice(0, 10)}
        {rs.publishedAt ? `，发布于 ${formatBeijing(rs.publishedAt)}` : "，尚未发布"}。{rs.notes}
      </p>
      <div className="flex flex-wrap gap-3">
        {!rs.publishedAt && <PublishButton id={rs.id} version={rs.version} />}
        <Link href={`/admin/rules/new?from=${rs.id}`} className="btn-secondary">
          基于此版本修改
        </Link>
        <Link href={`/admin/rules/compare?b=${rs.id}`} className="btn-secondary">
          与其他版本对比
        </Link>
      </div>
      <div className="card overflow-x-auto">
        <table className="table-basic">
          <caption className="px-2 py-2 text-left font-semibold">所需材料（身份证明之外，每组任选其一）</caption>
          <tbody>
            {DOCUMENT_SLOTS.map((s) => (
              <tr key={s.key}>
                <th scope="row" className="whitespace-nowrap text-left font-medium">
                  {s.label}
                </th>
                <td>{describeGroups(slotGroups(d, s))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="card overflow-x-auto">
        <table className="table-basic">
          <caption className="px-2 py-2 text-left font-semibold">办理时限</caption>
          <tbody>
            <tr>
              <th scope="row" className="text-left font-medium">
                受理（提交后）
              </th>
              <td>{d.timeLimits.acceptanceWorkingDays} 个工作日</td>
            </tr>
            <tr>
              <th scope="row" className="text-left font-medium">
                决定（受理后）
              </th>
              <td>{d.timeLimits.decisionWorkingDays} 个工作日</td>
            </tr>
            <tr>
              <th scope="row" className="text-left font-medium">
                补正期限
              </th>
              <td>{d.timeLimits.supplementWorkingDays} 个工作日</td>
            </tr>
            <tr>
              <th scope="row" className="text-left font-medium">
                草稿保留期
              </th>
              <td>{d.timeLimits.draftRetentionDays} 天</td>
            </tr>
            <tr>
              <th scope="row" className="text-left font-medium">
                准予迁入证明有效期
              </th>
              <td>{permitValidityDaysOf(d.timeLimits)} 天</td>
            </tr>
          </tbody>
        </table>
      </div>
      <div className="card overflow-x-auto">
        <table className="table-basic">
          <caption className="px-2 py-2 text-left font-semibold">不予批准理由</caption>
          <thead>
            <tr>
              <th scope="col">代码</th>
              <th scope="col">理由</th>
              <th scope="col">条款</th>
            </tr>
          </thead>
          <tbody>
            {d.refusalReasons.map((r) => (
              <tr key={r.code}>
                <td className="font-mono">{r.code}</td>
                <td>{r.label}</td>
                <td>{r.clause}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
