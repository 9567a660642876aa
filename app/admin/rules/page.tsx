import Link from "next/link";
import { requirePageUser, runQuery } from "@/lib/auth/guard";
import { ruleSetListQuery } from "@/lib/admin/load-admin-pages";
import { RULE_SET_STATE_LABELS as STATE_LABELS } from "@/lib/admin/rule-set-editing";
import { formatBeijing } from "@/lib/csv";
import { AdminBack } from "@/components/admin/admin-nav";
import { ListTable } from "@/components/ui/list-table";

export const metadata = { title: "规则集" };

/** Every version of the rules: published versions stay readable (filings point to the one that judged them). */
export default async function RuleSetsPage() {
  const user = await requirePageUser(["admin"], "/admin/rules");
  const rows = await runQuery(user, ruleSetListQuery);
  const current = rows.find((r) => r.current);
  return (
    <div className="space-y-4">
      <AdminBack />
      <h1 className="page-title">规则集</h1>
      <p className="text-slate-700">
        规则集规定各通道所需材料、办理时限和不予批准理由。修改时以某一版本为基础另存为新版本，发布前由规则校验拒绝任何把购房、投资纳税、积分或退出农村土地权益作为条件的内容（二(二)、三(五)）。
      </p>
      <ListTable caption="规则集版本" columns={["版本", "状态", "生效日期", "发布时间", "说明", "操作"]} testId="rulesets-table">
        {rows.map((r) => (
          <tr key={r.id} className={r.current ? "bg-green-50" : ""}>
            <td className="font-mono">
              <Link href={`/admin/rules/${r.id}`} className="text-brand-700 underline">
                {r.version}
              </Link>
            </td>
            <td>{STATE_LABELS[r.state]}</td>
            <td className="whitespace-nowrap">{formatBeijing(r.effectiveFrom).slice(0, 10)}</td>
            <td className="whitespace-nowrap">{r.publishedAt ? formatBeijing(r.publishedAt) : "—"}</td>
            <td>{r.notes ?? "—"}</td>
            <td className="space-x-3 whitespace-nowrap">
              <Link href={`/admin/rules/new?from=${r.id}`} className="text-brand-700 underline">
                基于此版本修改<span className="sr-only">（{r.version}）</span>
              </Link>
              {current && current.id !== r.id && (
                <Link href={`/admin/rules/compare?a=${current.id}&b=${r.id}`} className="text-brand-700 underline">
                  与现行版本对比<span className="sr-only">（{r.version}）</span>
                </Link>
              )}
            </td>
          </tr>
        ))}
      </ListTable>
      {rows.length > 1 && (
        <p>
          <Link href="/admin/rules/compare" className="text-brand-700 underline">
            任选两个版本对比
          </Link>
        </p>
      )}
    </div>
  );
}
