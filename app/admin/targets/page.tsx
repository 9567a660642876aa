import Link from "next/link";
import { requirePageUser, runQuery } from "@/lib/auth/guard";
import { settlementPlansQuery, transferTargetsQuery } from "@/lib/admin/load-admin-pages";
import { COUNTIES } from "@/lib/places";
import { planFor } from "@/lib/stats/plans";
import { AdminBack } from "@/components/admin/admin-nav";
import { TargetsForm } from "./targets-form";
import { PlanForm } from "./plan-form";
import { formValues } from "@/components/forms/form-values";

export const metadata = { title: "落户工作方案与转户目标" };

const EMPTY_PLAN = {
  documentNumber: "",
  title: "",
  startYear: "",
  endYear: "",
  baselineYear: "",
  transfersPerYear: "",
  rateRisePerYear: "",
  endRate: "",
  gapNarrowing: "",
};

/** Plans as data (document number, years, targets) and, for a year of a plan, the city's breakdown among the counties. */
export default async function TargetsPage({ searchParams }: { searchParams: Promise<{ year?: string; plan?: string }> }) {
  const user = await requirePageUser(["admin"], "/admin/targets");
  const sp = await searchParams;
  const plans = await runQuery(user, settlementPlansQuery);
  const years = plans.flatMap((p) => Array.from({ length: p.endYear - p.startYear + 1 }, (_, i) => p.startYear + i));
  const y = Number(sp.year);
  const year = Number.isInteger(y) && years.includes(y) ? y : (years.at(-1) ?? null);
  const plan = year !== null ? planFor(plans, year) : null;
  const targets = year !== null ? await runQuery(user, transferTargetsQuery, year) : null;
  const editing = plans.find((p) => p.documentNumber === sp.plan);
  return (
    <div className="space-y-4">
      <AdminBack />
      <h1 className="page-title">落户工作方案与转户目标</h1>
      <section className="card space-y-3" aria-labelledby="plans-h">
        <h2 id="plans-h" className="text-lg font-semibold">
          已录入的方案
        </h2>
        <p className="text-slate-700">
          统计页面按所查看年份适用的方案显示目标；方案期限以后的年份只显示实际数字，并注明“没有已录入的方案”。方案的转户、城镇化率目标是全市的期内年均数和期末目标，不是每年、每县的硬性下限。
        </p>
        <div className="overflow-x-auto">
          <table className="data-table w-full">
            <caption className="sr-only">已录入的落户工作方案</caption>
            <thead>
              <tr>
                <th scope="col">文号</th>
                <th scope="col">名称</th>
                <th scope="col">期限</th>
                <th scope="col">年均转户（人）</th>
                <th scope="col">城镇化率年均提高（百分点）</th>
                <th scope="col">期末目标</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {plans.map((p) => (
                <tr key={p.id}>
                  <td>{p.documentNumber}</td>
                  <td>{p.title}</td>
                  <td>
                    {p.startYear}—{p.endYear}年（基期{p.baselineYear}年）
                  </td>
                  <td>{p.transfersPerYear.toLocaleString("zh-CN")}</td>
                  <td>{p.rateRisePerYear}</td>
                  <td>
                    {p.endRate !== null ? `全市户籍人口城镇化率≥${p.endRate}%` : "—"}
                    {p.gapNarrowing !== null ? `；两率差距较${p.baselineYear}年缩小≥${p.gapNarrowing}个百分点` : ""}
                  </td>
                  <td>
                    <Link className="text-brand-700 underline" href={`/admin/targets?plan=${encodeURIComponent(p.documentNumber)}#plan-form`}>
                      修改
                    </Link>
                  </td>
                </tr>
              ))}
              {!plans.length && (
                <tr>
                  <td colSpan={7}>尚未录入方案。</td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
        <h3 id="plan-form" className="font-semibold">
          {editing ? `修改方案 ${editing.documentNumber}` : "录入新方案"}
        </h3>
        <PlanForm key={editing?.id ?? "new"} initial={formValues(EMPTY_PLAN, editing)} />
      </section>

      <section className="card space-y-3" aria-labelledby="targets-h">
        <h2 id="targets-h" className="text-lg font-semibold">
          转户目标分解{year !== null ? `（${year}年）` : ""}
        </h2>
        <p className="text-slate-700">
          各县（市、区）的分解数是全市对方案目标的分解，便于各地掌握进度，不是方案本身规定的目标；方案考核的是全市期内年均数。转户指农业转移人口落户（原农业户口人员在城镇办结落户）。
        </p>
        {year !== null && plan && targets ? (
          <>
            <nav aria-label="年度" className="flex flex-wrap gap-2">
              {years.map((x) => (
                <Link
                  key={x}
                  href={`/admin/targets?year=${x}`}
                  className={x === year ? "btn-primary" : "btn-secondary"}
                  aria-current={x === year ? "page" : undefined}
                >
                  {x}年
                </Link>
              ))}
            </nav>
            <TargetsForm
              key={year}
              year={year}
              planAverage={plan.transfersPerYear}
              planNumber={plan.documentNumber}
              counties={COUNTIES.map((c) => ({ code: c.code, name: c.name }))}
              initial={Object.fromEntries(COUNTIES.map((c) => [c.code, targets[c.code] === null ? "" : String(targets[c.code])]))}
            />
          </>
        ) : (
          <p>没有已录入的方案，无法分解目标。请先录入方案。</p>
        )}
      </section>
    </div>
  );
}
