import Link from "next/link";
import { BarChart } from "@/components/charts/bar-chart";
import { ProgressBar } from "@/components/charts/progress-bar";
import { ChartWithTable, DataTable } from "@/components/charts/data-table";
import { CHANNEL_LABELS } from "@/lib/schemas/eligibility";
import type { Dashboard } from "@/lib/stats/dashboard";
import { scopeLabel, shortUnitName, unitLabel } from "@/lib/stats/dashboard-scope";
import { FIRST_YEAR, currentBeijingYear } from "@/lib/stats/period";
import { PACE_STATUS_LABELS } from "@/lib/stats/targets";
import { dashboardTable, type TableKey } from "@/lib/stats/tables";
import { RATE_RISE_TARGET_POINTS } from "@/lib/stats/urbanization";

const fmtInt = (v: number) => Math.round(v).toLocaleString("zh-CN");
const fmtPct = (v: number) => `${v.toFixed(1)}%`;
const fmtDays = (v: number) => v.toFixed(1);

/** The dashboard of one scope (the city, or one county) for one period. */
export function DashboardView({ d, basePath, backHref }: { d: Dashboard; basePath: string; backHref?: string }) {
  const q = (extra: Record<string, string | number | null | undefined>) => {
    const p = new URLSearchParams();
    p.set("year", String(d.period.year));
    if (d.period.month) p.set("month", String(d.period.month));
    if (d.scope.kind === "county") p.set("county", d.scope.countyCode);
    for (const [k, v] of Object.entries(extra)) if (v !== null && v !== undefined) p.set(k, String(v));
    return p.toString();
  };
  const csv = (table: TableKey) => `/api/export/dashboard?${q({ table })}`;
  const tables = Object.fromEntries((["targets", "transfers", "channels", "urbanization", "trend", "service", "refusals"] as const).map((k) => [k, dashboardTable(d, k)])) as Record<TableKey, ReturnType<typeof dashboardTable>>;
  // City view: each county's row opens that county's dashboard (per station).
  const countyHref = d.scope.kind === "city" ? (code: string) => `/official/county/${encodeURIComponent(code)}?year=${d.period.year}${d.period.month ? `&month=${d.period.month}` : ""}` : undefined;
  const t = d.transfers;
  const u = d.urbanization;
  const s = d.service;
  const nowYear = currentBeijingYear();
  const years = Array.from({ length: nowYear + 1 - FIRST_YEAR + 1 }, (_, i) => nowYear + 1 - i);

  // Where the scope is behind: target pace and urbanization targets, in one list.
  const behind: string[] = [];
  if (t.pace.status === "behind" || t.pace.status === "missed") behind.push(`${scopeLabel(d.scope)}转户：${PACE_STATUS_LABELS[t.pace.status]}（已落户 ${fmtInt(t.pace.done)} 人 / 目标 ${fmtInt(t.pace.target ?? 0)} 人）`);
  if (d.scope.kind === "city") {
    for (const x of t.units) if (x.pace && (x.pace.status === "behind" || x.pace.status === "missed")) behind.push(`${x.name}转户：${PACE_STATUS_LABELS[x.pace.status]}（${fmtInt(x.pace.done)} / ${fmtInt(x.pace.target ?? 0)} 人）`);
  }
  for (const r of [...u.rows, ...(u.city ? [u.city] : [])]) for (const b of r.behind) behind.push(`${r.name}：${b}`);
  if (t.targets.sharesShort && d.scope.kind === "city") behind.push(`各县级单位分解目标合计 ${fmtInt(t.targets.sumOfShares)} 人，低于全市 46,000 人的年度目标`);

  return (
    <div className="space-y-8">
      <form method="get" action={basePath} className="card flex flex-wrap items-end gap-3" aria-label="选择统计期间">
        <div>
          <label htmlFor="f-year" className="label">
            年度
          </label>
          <select id="f-year" name="year" defaultValue={d.period.year} className="input">
            {years.map((y) => (
              <option key={y} value={y}>
                {y}年
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-month" className="label">
            月份
          </label>
          <select id="f-month" name="month" defaultValue={d.period.month ?? ""} className="input">
            <option value="">全年</option>
            {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
              <option key={m} value={m}>
                {m}月
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-primary">
          查看
        </button>
        <p className="w-full text-sm text-slate-600">
          统计范围：{scopeLabel(d.scope)} · {d.period.label} · 生成于 {d.generatedAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}
        </p>
      </form>

      {behind.length > 0 && (
        <section className="rounded-lg border-l-4 border-amber-500 bg-amber-50 p-4" aria-labelledby="behind-title" data-testid="behind">
          <details open={behind.length <= 6}>
            <summary className="cursor-pointer">
              <h2 id="behind-title" className="inline font-semibold">
                需要关注：{behind.length} 项未达到《实施方案》目标
              </h2>
            </summary>
            <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
              {behind.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
          </details>
        </section>
      )}

      <section aria-labelledby="sec-targets" className="space-y-3">
        <h2 id="sec-targets" className="text-xl font-semibold">
          一、转户目标完成情况（{d.period.year}年）
        </h2>
        <div className="card space-y-2">
          <p>
            {scopeLabel(d.scope)}：已落户 <strong data-testid="settled-persons">{fmtInt(t.pace.done)}</strong> 人
            {t.pace.target !== null && (
              <>
                ，年度目标 <strong>{fmtInt(t.pace.target)}</strong> 人，完成 {t.pace.share !== null ? fmtPct(t.pace.share * 100) : "—"}（{PACE_STATUS_LABELS[t.pace.status]}）
              </>
            )}
          </p>
          <ProgressBar id="scope" label={`${scopeLabel(d.scope)}${d.period.year}年转户`} value={t.pace.done} target={t.pace.target} expected={t.pace.daysRemaining > 0 ? t.pace.expectedByNow : null} />
          {t.pace.neededPerDay !== null && t.pace.remaining > 0 && t.pace.daysElapsed > 0 && (
            <p className="text-sm text-slate-700">
              全年还需 {fmtInt(t.pace.remaining)} 人，余下 {t.pace.daysRemaining} 天平均每天需完成 {t.pace.neededPerDay.toFixed(1)} 人（每月约 {fmtInt(t.pace.neededPer30Days ?? 0)} 人）；按目前进度全年预计完成 {fmtInt(t.pace.projectedYearEnd ?? 0)} 人。
            </p>
          )}
        </div>
        {d.scope.kind === "city" && (
          <ChartWithTable
            chart={
              <BarChart
                id="targets"
                title="各县（市、区）转户目标完成率"
                categories={t.units.map((x) => x.name)}
                series={[{ name: "完成率", values: t.units.map((x) => (x.pace?.share ?? null) === null ? null : (x.pace!.share as number) * 100) }]}
                format={fmtPct}
                max={100}
              />
            }
          >
            <DataTable table={tables.targets} csvHref={csv("targets")} rowHref={countyHref} highlight={(r) => ["behind", "missed"].includes(t.units[r]?.pace?.status ?? "")} />
          </ChartWithTable>
        )}
        {d.scope.kind === "county" && <DataTable table={tables.targets} csvHref={csv("targets")} />}
      </section>

      <section aria-labelledby="sec-transfers" className="space-y-3">
        <h2 id="sec-transfers" className="text-xl font-semibold">
          二、转户办理情况（{d.period.label}）
        </h2>
        <ChartWithTable
          wide
          chart={<BarChart id="transfers" title={`${d.period.label}落户完成人数（按${unitLabel(d.scope)}）`} categories={t.units.map((x) => shortUnitName(x.name))} series={[{ name: "落户完成（人）", values: t.units.map((x) => x.events.registered.persons) }]} format={fmtInt} />}
        >
          <DataTable table={tables.transfers} csvHref={csv("transfers")} rowHref={countyHref} />
        </ChartWithTable>
        <ChartWithTable
          wide
          chart={
            <BarChart
              id="channels"
              title={`${d.period.label}各落户通道提交与落户完成件数`}
              categories={t.byChannel.map((c) => CHANNEL_LABELS[c.channel].replace(/（.*$/, ""))}
              series={[
                { name: "提交（件）", values: t.byChannel.map((c) => c.events.submitted.filings) },
                { name: "落户完成（件）", values: t.byChannel.map((c) => c.events.registered.filings) },
              ]}
              format={fmtInt}
            />
          }
        >
          <DataTable table={tables.channels} csvHref={csv("channels")} />
        </ChartWithTable>
      </section>

      <section aria-labelledby="sec-urban" className="space-y-3">
        <h2 id="sec-urban" className="text-xl font-semibold">
          三、城镇化率（{u.year}年）
        </h2>
        <ChartWithTable
          wide
          chart={
            <BarChart
              id="urbanization"
              title={`${u.year}年户籍人口与常住人口城镇化率`}
              categories={[...u.rows.map((r) => r.name), ...(u.city ? ["全市"] : [])]}
              series={[
                { name: "户籍人口城镇化率", values: [...u.rows, ...(u.city ? [u.city] : [])].map((r) => r.registeredRate ?? r.projection?.projectedRate ?? null) },
                { name: "常住人口城镇化率", values: [...u.rows, ...(u.city ? [u.city] : [])].map((r) => r.residentRate) },
              ]}
              format={fmtPct}
              max={100}
            />
          }
        >
          <DataTable table={tables.urbanization} csvHref={csv("urbanization")} rowHref={countyHref} highlight={(r) => (u.rows[r]?.behind.length ?? 0) > 0} />
        </ChartWithTable>
        <p className="text-sm text-slate-600">图中没有本年统计数据的单位显示推算的户籍人口城镇化率（见表“推算”列）。</p>
        <ChartWithTable
          chart={
            <BarChart
              id="trend"
              title={`${scopeLabel(d.scope)}两率差距历年变化（百分点）`}
              categories={u.trend.map((x) => `${x.year}年`)}
              series={[{ name: "两率差距", values: u.trend.map((x) => x.gap) }]}
              format={(v) => v.toFixed(2)}
            />
          }
        >
          <DataTable table={tables.trend} csvHref={csv("trend")} />
        </ChartWithTable>
        <p className="text-sm text-slate-600">目标：户籍人口城镇化率每年提高 {RATE_RISE_TARGET_POINTS} 个百分点以上（2020年全市达到37%以上）；各县（市、区）两率差距较2015年缩小2个百分点以上。</p>
      </section>

      <section aria-labelledby="sec-service" className="space-y-3">
        <h2 id="sec-service" className="text-xl font-semibold">
          四、办理时效（{d.period.label}）
        </h2>
        <ChartWithTable
          wide
          chart={
            <BarChart
              id="service"
              title={`提交至受理用时（工作日，按${unitLabel(d.scope)}）`}
              categories={s.rows.map((r) => shortUnitName(r.name))}
              series={[
                { name: "中位数", values: s.rows.map((r) => r.acceptance.median) },
                { name: "90%分位", values: s.rows.map((r) => r.acceptance.p90) },
              ]}
              format={fmtDays}
              marker={{ value: s.limits.acceptanceWorkingDays, label: `时限${s.limits.acceptanceWorkingDays}日` }}
            />
          }
        >
          <DataTable table={tables.service} csvHref={csv("service")} rowHref={countyHref} highlight={(r) => (s.rows[r]?.openOverdue ?? 0) > 0} />
        </ChartWithTable>
        <ChartWithTable
          chart={<BarChart id="refusals" title="不予批准理由（次数）" categories={s.refusalsByReason.map((r) => r.label)} series={[{ name: "次数", values: s.refusalsByReason.map((r) => r.count) }]} format={fmtInt} />}
        >
          <DataTable table={tables.refusals} csvHref={csv("refusals")} />
        </ChartWithTable>
      </section>

      {backHref && (
        <p>
          <Link href={backHref} className="text-brand-700 underline">
            返回全市
          </Link>
        </p>
      )}
    </div>
  );
}
