import Link from "next/link";
import { requirePageUser, pageError, runQuery } from "@/lib/auth/guard";
import { ruleSetQuery } from "@/lib/admin/load-admin-pages";
import { DOCUMENT_SLOTS, RULE_SET_STATE_LABELS as STATE_LABELS, describeGroups, slotGroups } from "@/lib/admin/rule-set-editing";
import { formatBeijing } from "@/lib/csv";
import { permitValidityDaysOf } from "@/lib/rules/default-rule-set";
import { AdminBack } from "@/components/admin/admin-nav";
import { HeadedRows, ListTable } from "@/components/ui/list-table";
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
      <ListTable caption="所需材料（身份证明之外，每组任选其一）" showCaption>
        <HeadedRows rows={DOCUMENT_SLOTS.map((s) => [s.label, describeGroups(slotGroups(d, s))])} headClassName="whitespace-nowrap text-left font-medium" />
      </ListTable>
      <ListTable caption="办理时限" showCaption>
        <HeadedRows
          rows={[
            ["受理（提交后）", `${d.timeLimits.acceptanceWorkingDays} 个工作日`],
            ["决定（受理后）", `${d.timeLimits.decisionWorkingDays} 个工作日`],
            ["补正期限", `${d.timeLimits.supplementWorkingDays} 个工作日`],
            ["草稿保留期", `${d.timeLimits.draftRetentionDays} 天`],
            ["准予迁入证明有效期", `${permitValidityDaysOf(d.timeLimits)} 天`],
          ]}
        />
      </ListTable>
      <ListTable caption="不予批准理由" showCaption columns={["代码", "理由", "条款"]}>
        {d.refusalReasons.map((r) => (
          <tr key={r.code}>
            <td className="font-mono">{r.code}</td>
            <td>{r.label}</td>
            <td>{r.clause}</td>
          </tr>
        ))}
      </ListTable>
    </div>
  );
}
