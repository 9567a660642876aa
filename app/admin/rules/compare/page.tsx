import { requirePageUser, pageError, runQuery } from "@/lib/auth/guard";
import { compareRuleSetsQuery } from "@/lib/admin/load-admin-pages";
import { compareRuleSetData } from "@/lib/admin/rule-set-editing";
import { AdminBack } from "@/components/admin/admin-nav";

export const metadata = { title: "规则集版本对比" };

/** Two versions side by side; changed rows are marked (and only they are shown unless asked). */
export default async function CompareRuleSetsPage({ searchParams }: { searchParams: Promise<{ a?: string; b?: string; all?: string }> }) {
  const user = await requirePageUser(["admin"], "/admin/rules/compare");
  const sp = await searchParams;
  const { versions, aId, bId, a, b } = await runQuery(user, compareRuleSetsQuery, { a: sp.a, b: sp.b }).catch(pageError);
  const rows = a && b ? compareRuleSetData(a.data, b.data) : [];
  const shown = sp.all ? rows : rows.filter((r) => r.changed);
  const select = (name: "a" | "b", value: string | undefined, label: string) => (
    <div>
      <label htmlFor={`cmp-${name}`} className="label">
        {label}
      </label>
      <select id={`cmp-${name}`} name={name} defaultValue={value} className="input">
        {versions.map((v) => (
          <option key={v.id} value={v.id}>
            {v.version}
            {v.current ? "（现行）" : v.publishedAt ? "" : "（草稿）"}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div className="space-y-4">
      <AdminBack />
      <h1 className="page-title">规则集版本对比</h1>
      <form method="get" className="card flex flex-wrap items-end gap-3">
        {select("a", aId, "左侧版本")}
        {select("b", bId, "右侧版本")}
        <label className="flex items-center gap-2">
          <input type="checkbox" name="all" value="1" defaultChecked={!!sp.all} className="h-5 w-5" />
          显示相同的项目
        </label>
        <button type="submit" className="btn-primary">
          对比
        </button>
      </form>
      {a && b && (
        <div className="card overflow-x-auto">
          <table className="table-basic" data-testid="compare-table">
            <caption className="px-2 py-2 text-left font-semibold">
              {a.version} 与 {b.version}：{rows.filter((r) => r.changed).length} 处不同
            </caption>
            <thead>
              <tr>
                <th scope="col">类别</th>
                <th scope="col">项目</th>
                <th scope="col" className="font-mono">
                  {a.version}
                </th>
                <th scope="col" className="font-mono">
                  {b.version}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={`${r.section}-${r.label}`} className={r.changed ? "bg-amber-50" : ""}>
                  <td className="whitespace-nowrap">{r.section}</td>
                  <th scope="row" className="text-left font-medium">
                    {r.label}
                    {r.changed && <span className="sr-only">（有变化）</span>}
                  </th>
                  <td>{r.a}</td>
                  <td>{r.b}</td>
                </tr>
              ))}
              {shown.length === 0 && (
                <tr>
                  <td colSpan={4} className="text-slate-600">
                    两个版本的材料、时限、理由和条件完全相同。
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
