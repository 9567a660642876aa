import { formatInt } from "@/lib/format";
import Link from "next/link";
import { COUNTIES } from "@/lib/places";
import { viewSummaryEvaluationDef } from "@/lib/stats/summary-evaluation";
import { scopeLabel } from "@/lib/stats/dashboard-scope";
import { loadOfficialPage, one } from "@/lib/stats/official-page";
import { PrintButton } from "./print-button";
import { AlertMessage } from "@/components/forms/alert-message";
import { BackLink } from "@/components/ui/links";
import type { PageArgs } from "@/lib/http/page-args";

export const metadata = { title: "落户工作总结评估" };

const fmt = (v: number | null, d = 2) => (v === null ? "—" : v.toFixed(d));

/** 四(二) 总结评估: the plan's period for the city or one county, against the plan's targets — printable. */
export default async function SummaryPage({ searchParams }: PageArgs) {
  const sp = await searchParams;
  const {
    user,
    data: e,
    error,
  } = await loadOfficialPage("/official/summary", viewSummaryEvaluationDef, {
    county: one(sp.county),
    plan: one(sp.plan),
  });
  return (
    <article className="space-y-5">
      <style>{`@media print { body > header, body > footer, body > a { display: none !important; } .official-wide { left: 0 !important; width: auto !important; transform: none !important; } }`}</style>
      <BackLink href={e?.scope.kind === "county" ? `/official/county/${encodeURIComponent(e.scope.countyCode)}` : "/official"} className="text-sm print:hidden">
        返回统计
      </BackLink>
      <AlertMessage message={error} />
      {e && (
        <>
          <header className="space-y-1">
            <h1 className="page-title">
              {scopeLabel(e.scope)}非户籍人口在城市落户情况总结评估（
              {e.plan.startYear}—{e.plan.endYear}年）
            </h1>
            <p className="text-slate-700">
              依据：{e.plan.documentNumber}《{e.plan.title}》四(二)“做好
              {e.plan.endYear}年非户籍人口在城市落户情况的总结评估”。
            </p>
          </header>
          <div className="flex flex-wrap items-center gap-3 print:hidden">
            <PrintButton />
            {!user.countyCode && (
              <nav aria-label="选择评估范围" className="flex flex-wrap gap-2 text-sm">
                <Link href="/official/summary" className="text-brand-700 underline" aria-current={e.scope.kind === "city" ? "page" : undefined}>
                  全市
                </Link>
                {COUNTIES.map((c) => (
                  <Link
                    key={c.code}
                    href={`/official/summary?county=${encodeURIComponent(c.code)}`}
                    className="text-brand-700 underline"
                    aria-current={e.scope.kind === "county" && e.scope.countyCode === c.code ? "page" : undefined}
                  >
                    {c.name}
                  </Link>
                ))}
              </nav>
            )}
          </div>
          <section aria-labelledby="eval-h" className="space-y-2">
            <h2 id="eval-h" className="text-lg font-semibold">
              一、对照方案目标
            </h2>
            <table className="table-basic" data-testid="evaluation">
              <thead>
                <tr>
                  <th scope="col">项目</th>
                  <th scope="col">方案目标</th>
                  <th scope="col">实际</th>
                  <th scope="col">评估</th>
                </tr>
              </thead>
              <tbody>
                {e.lines.map((l) => (
                  <tr key={l.label}>
                    <th scope="row" className="text-left">
                      {l.label}
                    </th>
                    <td>{l.target}</td>
                    <td>{l.actual}</td>
                    <td className={l.met === false ? "font-semibold text-red-800" : l.met ? "font-semibold text-green-800" : ""}>
                      {l.met === null ? "供参考" : l.met ? "达到" : "未达到"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="text-sm text-slate-700">{e.note}</p>
            {e.shareOfCity !== null && <p>期内转户占全市的 {(e.shareOfCity * 100).toFixed(1)}%。</p>}
          </section>
          <section aria-labelledby="years-h" className="space-y-2">
            <h2 id="years-h" className="text-lg font-semibold">
              二、逐年情况
            </h2>
            <table className="table-basic">
              <thead>
                <tr>
                  <th scope="col">年份</th>
                  <th scope="col" className="text-right">
                    转户（人）
                  </th>
                  <th scope="col" className="text-right">
                    户籍人口城镇化率（%）
                  </th>
                  <th scope="col" className="text-right">
                    常住人口城镇化率（%）
                  </th>
                  <th scope="col" className="text-right">
                    两率差距（百分点）
                  </th>
                </tr>
              </thead>
              <tbody>
                {[e.baseline, ...e.years].map((y, i) => (
                  <tr key={`${y.year}-${i}`}>
                    <th scope="row" className="text-left">
                      {y.year}年{i === 0 ? "（基期）" : ""}
                    </th>
                    <td className="text-right tabular-nums">{i === 0 ? "—" : formatInt(y.transfers)}</td>
                    <td className="text-right tabular-nums">{fmt(y.registeredRate)}</td>
                    <td className="text-right tabular-nums">{fmt(y.residentRate)}</td>
                    <td className="text-right tabular-nums">{fmt(y.gap)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="text-sm text-slate-600">
              转户：农业转移人口落户，即原农业户口人员在城镇办结落户的人数。城镇化率依据管理员录入的各年末人口统计；全市为八个县级单位之和（两个管理区单独统计，不计入所在县、市、区），某年有单位未报送时全市不计算。
            </p>
          </section>
          {e.counties.length > 0 && (
            <section aria-labelledby="counties-h" className="space-y-2">
              <h2 id="counties-h" className="text-lg font-semibold">
                三、各县（市、区）情况（全市的构成，供参考）
              </h2>
              <table className="table-basic">
                <thead>
                  <tr>
                    <th scope="col">单位</th>
                    <th scope="col" className="text-right">
                      期内转户（人）
                    </th>
                    <th scope="col" className="text-right">
                      户籍人口城镇化率年均提高（百分点）
                    </th>
                    <th scope="col" className="text-right">
                      两率差距较基期缩小（百分点）
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {e.counties.map((c) => (
                    <tr key={c.code}>
                      <th scope="row" className="text-left">
                        <Link href={`/official/summary?county=${encodeURIComponent(c.code)}`} className="text-brand-700 underline">
                          {c.name}
                        </Link>
                      </th>
                      <td className="text-right tabular-nums">{formatInt(c.totalTransfers)}</td>
                      <td className="text-right tabular-nums">{fmt(c.averageRise)}</td>
                      <td className="text-right tabular-nums">{fmt(c.gapNarrowed)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
        </>
      )}
    </article>
  );
}
