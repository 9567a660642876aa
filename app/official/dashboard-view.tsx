import { formatInt } from "@/lib/format";
import Link from "next/link";
import { ProgressBar } from "@/components/charts/progress-bar";
import { DataTable, TableFigure } from "@/components/charts/data-table";
import { CHANNEL_LABELS } from "@/lib/schemas/eligibility";
import type { Dashboard } from "@/lib/stats/dashboard";
import { scopeLabel, shortUnitName, unitLabel } from "@/lib/stats/dashboard-scope";
import { FIRST_YEAR, currentBeijingYear } from "@/lib/stats/period";
import { PACE_STATUS_LABELS } from "@/lib/stats/targets";
import { TRANSFER_DEFINITION, TRANSFER_PROGRESS_LABELS } from "@/lib/stats/plans";
import { dashboardTable, type TableKey } from "@/lib/stats/tables";

const fmtPct = (v: number) => `${v.toFixed(1)}%`;
const fmtDays = (v: number) => v.toFixed(1);

/** The dashboard of one scope (the city, or one county) for one period. */
export function DashboardView({ d, basePath, backHref }: { d: Dashboard; basePath: string; backHref?: string }) {
  const periodParams = (p: URLSearchParams) => {
    if (d.period.custom) {
      p.set("from", d.period.from);
      p.set("to", new Date(Date.parse(`${d.period.to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10));
    } else {
      p.set("year", String(d.period.year));
      if (d.period.month) p.set("month", String(d.period.month));
    }
    return p;
  };
  const q = (extra: Record<string, string | number | null | undefined>) => {
    const p = periodParams(new URLSearchParams());
    if (d.scope.kind === "county") p.set("county", d.scope.countyCode);
    for (const [k, v] of Object.entries(extra)) if (v !== null && v !== undefined) p.set(k, String(v));
    return p.toString();
  };
  const csv = (table: TableKey) => `/api/export/dashboard?${q({ table })}`;
  const tables = Object.fromEntries(
    (["targets", "plan", "transfers", "channels", "urbanization", "trend", "service", "refusals"] as const).map((k) => [k, dashboardTable(d, k)]),
  ) as Record<TableKey, ReturnType<typeof dashboardTable>>;
  // A figure's table with its CSV download.
  const table = (key: TableKey) => ({ table: tables[key], csvHref: csv(key) });
  const periodQs = periodParams(new URLSearchParams()).toString();
  // City view: each county's row opens that county's dashboard (per station); county view: each station's performance.
  const countyHref = d.scope.kind === "city" ? (code: string) => `/official/county/${encodeURIComponent(code)}?${periodQs}` : undefined;
  const stationHref = d.scope.kind === "county" ? (id: string) => `/official/station/${encodeURIComponent(id)}?${periodQs}` : undefined;
  const rowHref = countyHref ?? stationHref;
  // Every count leads to the filings behind it, within the official's scope.
  const drill = (kind: string, key: string | null, extra: Record<string, string> = {}) => {
    const p = new URLSearchParams({ kind, ...extra });
    if (kind === "refused" || kind === "registered") periodParams(p);
    if (d.scope.kind === "city") {
      if (key) p.set("county", key);
    } else {
      p.set("county", d.scope.countyCode);
      if (key) p.set("station", key);
    }
    return `/official/filings?${p.toString()}`;
  };
  const serviceCell = (key: string | null, column: string) => {
    if (key === "total") key = null;
    if (column.startsWith("当前超期在办")) return drill("overdue", key);
    if (column.startsWith("不予批准")) return drill("refused", key);
    return null;
  };
  const transfersCell = (key: string | null, column: string) => {
    if (column.startsWith("当前在办")) return drill("open", key);
    if (column === "落户完成（件）") return drill("registered", key);
    if (column.startsWith("不予批准")) return drill("refused", key);
    return null;
  };
  const t = d.transfers;
  const u = d.urbanization;
  const s = d.service;
  // The urbanization rows with the city's own row last (the chart's categories).
  const urbanRows = [...u.rows, ...(u.city ? [u.city] : [])];
  const nowYear = currentBeijingYear();
  // The years with data: never next year.
  const years = Array.from({ length: nowYear - FIRST_YEAR + 1 }, (_, i) => nowYear - i);
  const toDay = d.period.custom ? new Date(Date.parse(`${d.period.to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10) : "";

  // What needs attention: stations nobody can work, the plan's targets (city), late steps.
  const behind: Array<{ text: string; href?: string }> = [];
  for (const a of d.alerts)
    behind.push({
      text: `${a.stationName}有 ${formatInt(a.open)} 件在办申请，但没有在岗民警`,
      href: `/official/filings?kind=open&county=${encodeURIComponent(a.countyCode)}&station=${encodeURIComponent(a.stationId)}`,
    });
  if (t.progress.plan && t.progress.targetAverage !== null && (t.progress.status === "behind_pace" || t.progress.status === "missed")) {
    behind.push({
      text: `全市转户：${TRANSFER_PROGRESS_LABELS[t.progress.status]}（${t.progress.plan.startYear}年以来年均 ${formatInt(t.progress.average ?? 0)} 人 / 方案年均 ${formatInt(t.progress.targetAverage)} 人）`,
    });
  }
  for (const r of urbanRows) for (const b of r.behind) behind.push({ text: `${r.name}：${b}` });
  if (s.total.openOverdue > 0)
    behind.push({
      text: `${scopeLabel(d.scope)}当前有 ${formatInt(s.total.openOverdue)} 件申请超过办理时限`,
      href: drill("overdue", null),
    });

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
      </form>
      <form method="get" action={basePath} className="card -mt-6 flex flex-wrap items-end gap-3" aria-label="按日期范围统计">
        <div>
          <label htmlFor="f-from" className="label">
            开始日期
          </label>
          <input id="f-from" name="from" type="date" className="input" defaultValue={d.period.custom ? d.period.from : ""} required />
        </div>
        <div>
          <label htmlFor="f-to" className="label">
            结束日期（含）
          </label>
          <input id="f-to" name="to" type="date" className="input" defaultValue={toDay} required />
        </div>
        <button type="submit" className="btn-secondary">
          按日期范围查看
        </button>
        <p className="w-full text-sm text-slate-600">
          统计范围：{scopeLabel(d.scope)} · {d.period.label} · 生成于 {d.generatedAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}
        </p>
      </form>

      {behind.length > 0 && (
        <section className="rounded-lg border-l-4 border-amber-500 bg-amber-50 p-4" aria-labelledby="behind-title" data-testid="behind">
          <h2 id="behind-title" className="font-semibold">
            需要关注（{behind.length} 项）
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {behind.map((b) => (
              <li key={b.text}>
                {b.href ? (
                  <Link href={b.href} className="text-brand-700 underline">
                    {b.text}
                  </Link>
                ) : (
                  b.text
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="sec-targets" className="space-y-3">
        <h2 id="sec-targets" className="text-xl font-semibold">
          一、转户与方案目标（{d.period.year}年）
        </h2>
        <div className="card space-y-2">
          <p className="text-sm text-slate-700" data-testid="transfer-definition">
            {TRANSFER_DEFINITION}
          </p>
          {t.plan ? (
            <p>
              适用方案：<strong>{t.plan.documentNumber}</strong>（{t.plan.startYear}—{t.plan.endYear}
              年）。方案目标是全市的期内年均数和期末目标：年均转户 {formatInt(t.plan.transfersPerYear)} 人以上、户籍人口城镇化率年均提高{" "}
              {t.plan.rateRisePerYear} 个百分点以上
              {t.plan.endRate !== null ? `；到${t.plan.endYear}年全市户籍人口城镇化率达到${t.plan.endRate}%以上` : ""}
              {t.plan.gapNarrowing !== null ? `、两率差距较${t.plan.baselineYear}年缩小${t.plan.gapNarrowing}个百分点以上` : ""}
              。单个年份、单个县（市、区）不作硬性下限；期末目标只在
              {t.plan.endYear}年判断。{" "}
              <Link
                href={`/official/summary${d.scope.kind === "county" ? `?county=${encodeURIComponent(d.scope.countyCode)}` : ""}`}
                className="text-brand-700 underline"
              >
                {t.plan.endYear}年总结评估
              </Link>
            </p>
          ) : (
            <p role="note" data-testid="no-plan">
              {t.noPlanNote}{" "}
              <Link
                href={`/official/summary${d.scope.kind === "county" ? `?county=${encodeURIComponent(d.scope.countyCode)}` : ""}`}
                className="text-brand-700 underline"
              >
                查看上一方案的总结评估
              </Link>
            </p>
          )}
          <p>
            {scopeLabel(d.scope)}
            {d.period.year}年转户 <strong data-testid="settled-persons">{formatInt(t.pace.done)}</strong> 人
            {t.pace.target !== null && (
              <>
                ；{d.scope.kind === "city" ? "方案年均数" : "全市分解给本地的参考数"} <strong>{formatInt(t.pace.target)}</strong> 人（
                {formatInt(t.pace.done)} ÷ {formatInt(t.pace.target)} ＝ {t.pace.share !== null ? fmtPct(t.pace.share * 100) : "—"}，
                {PACE_STATUS_LABELS[t.pace.status]}）
              </>
            )}
          </p>
          {t.pace.target !== null && (
            <ProgressBar
              id="scope"
              label={`${scopeLabel(d.scope)}${d.period.year}年转户`}
              value={t.pace.done}
              target={t.pace.target}
              expected={t.pace.daysRemaining > 0 ? t.pace.expectedByNow : null}
            />
          )}
          {t.progress.plan && (
            <p data-testid="plan-progress">
              {t.progress.plan.startYear}年至{d.period.year}年累计转户 {formatInt(t.progress.total)} 人，年均 {formatInt(t.progress.average ?? 0)} 人
              {t.progress.targetAverage !== null && (
                <>
                  （方案年均 {formatInt(t.progress.targetAverage)} 人：
                  {TRANSFER_PROGRESS_LABELS[t.progress.status]}
                  {t.progress.neededPerRemainingYear !== null ? `；余下各年需年均 ${formatInt(t.progress.neededPerRemainingYear)} 人` : ""}）
                </>
              )}
              {d.scope.kind === "county" && "（方案只规定全市目标，本地数字供参考）"}。
            </p>
          )}
        </div>
        {t.progress.plan && (
          <TableFigure
            {...table("plan")}
            chart={{
              title: `方案期内各年转户人数（${t.progress.plan.documentNumber}）`,
              categories: t.progress.byYear.map((y) => `${y.year}年`),
              series: [{ name: "转户（人）", values: t.progress.byYear.map((y) => y.transfers) }],
              format: formatInt,
              markers:
                t.progress.targetAverage !== null ? [{ value: t.progress.targetAverage, label: `方案年均${formatInt(t.progress.targetAverage)}人` }] : [],
              valueTitle: "转户人数（人）",
              categoryTitle: "年份",
            }}
          />
        )}
        {d.scope.kind === "city" && (
          <TableFigure
            {...table("targets")}
            rowHref={countyHref}
            chart={{
              title: "各县（市、区）转户人数与全市分解参考数",
              categories: t.units.map((x) => x.name),
              series: [
                { name: "转户（人）", values: t.units.map((x) => x.pace?.done ?? 0) },
                { name: "分解参考数（人）", values: t.units.map((x) => x.pace?.target ?? null) },
              ],
              format: formatInt,
              valueTitle: "人数（人）",
              categoryTitle: "县（市、区）",
              detail: (i) => {
                const p = t.units[i]?.pace;
                return p && p.target ? `${formatInt(p.done)} ÷ ${formatInt(p.target)} ＝ ${fmtPct((p.share ?? 0) * 100)}` : null;
              },
            }}
          />
        )}
        {d.scope.kind === "county" && <DataTable {...table("targets")} />}
      </section>

      <section aria-labelledby="sec-transfers" className="space-y-3">
        <h2 id="sec-transfers" className="text-xl font-semibold">
          二、转户办理情况（{d.period.label}）
        </h2>
        <TableFigure
          {...table("transfers")}
          rowHref={rowHref}
          cellHref={transfersCell}
          wide
          chart={{
            title: `${d.period.label}落户完成人数（按${unitLabel(d.scope)}）`,
            categories: t.units.map((x) => shortUnitName(x.name)),
            series: [{ name: "落户完成（人）", values: t.units.map((x) => x.events.registered.persons) }],
            format: formatInt,
            valueTitle: "落户完成人数（人）",
            categoryTitle: unitLabel(d.scope),
            detail: (i) => `${formatInt(t.units[i].events.registered.filings)} 件申请，其中转户 ${formatInt(0)}`.replace(/，其中转户 0$/, ""),
          }}
        />
        <TableFigure
          {...table("channels")}
          wide
          chart={{
            title: `${d.period.label}各落户通道提交与落户完成件数`,
            categories: t.byChannel.map((c) => CHANNEL_LABELS[c.channel].replace(/（.*$/, "")),
            series: [
              { name: "提交（件）", values: t.byChannel.map((c) => c.events.submitted.filings) },
              { name: "落户完成（件）", values: t.byChannel.map((c) => c.events.registered.filings) },
            ],
            format: formatInt,
            valueTitle: "件数（件）",
            categoryTitle: "落户通道",
          }}
        />
      </section>

      <section aria-labelledby="sec-urban" className="space-y-3">
        <h2 id="sec-urban" className="text-xl font-semibold">
          三、城镇化率（{u.year}年）
        </h2>
        <TableFigure
          {...table("urbanization")}
          rowHref={countyHref}
          highlight={(r) => (u.rows[r]?.behind.length ?? 0) > 0}
          wide
          chart={{
            title: `${u.year}年户籍人口与常住人口城镇化率`,
            categories: [...u.rows.map((r) => r.name), ...(u.city ? ["全市"] : [])],
            series: [
              { name: "户籍人口城镇化率", values: urbanRows.map((r) => r.registeredRate ?? r.projection?.projectedRate ?? null) },
              { name: "常住人口城镇化率", values: urbanRows.map((r) => r.residentRate) },
            ],
            format: fmtPct,
            max: 100,
            valueTitle: "城镇化率（%）",
            categoryTitle: "县（市、区）",
            markers:
              u.plan.plan?.endRate != null && u.year === u.plan.plan.endYear && d.scope.kind === "city"
                ? [{ value: u.plan.plan.endRate, label: `${u.plan.plan.endYear}年全市目标${u.plan.plan.endRate}%` }]
                : [],
            detail: (i, k) => {
              const r = urbanRows[i];
              if (!r?.stat) return null;
              return k === 0
                ? `${formatInt(r.stat.hukouUrban)} ÷ ${formatInt(r.stat.hukouTotal)}`
                : `${formatInt(r.stat.residentUrban)} ÷ ${formatInt(r.stat.residentTotal)}`;
            },
          }}
        />
        <p className="text-sm text-slate-600">图中没有本年统计数据的单位显示推算的户籍人口城镇化率（见表“推算”列）。</p>
        <TableFigure
          {...table("trend")}
          chart={{
            title: `${scopeLabel(d.scope)}两率差距历年变化（百分点）`,
            categories: u.trend.map((x) => `${x.year}年`),
            series: [{ name: "两率差距", values: u.trend.map((x) => x.gap) }],
            format: (v) => v.toFixed(2),
            valueTitle: "常住与户籍人口城镇化率之差（百分点）",
            categoryTitle: "年份",
          }}
        />
        <p className="text-sm text-slate-700">{tables.urbanization.note}</p>
      </section>

      <section aria-labelledby="sec-service" className="space-y-3">
        <h2 id="sec-service" className="text-xl font-semibold">
          四、办理时效（{d.period.label}）
        </h2>
        <TableFigure
          {...table("service")}
          rowHref={rowHref}
          cellHref={serviceCell}
          highlight={(r) => (s.rows[r]?.openOverdue ?? 0) > 0}
          wide
          chart={{
            title: `提交至受理用时（工作日，按${unitLabel(d.scope)}）`,
            categories: s.rows.map((r) => shortUnitName(r.name)),
            series: [
              { name: "中位数", values: s.rows.map((r) => r.acceptance.median) },
              { name: "90%分位", values: s.rows.map((r) => r.acceptance.p90) },
            ],
            format: fmtDays,
            marker: { value: s.limits.acceptanceWorkingDays, label: `时限${s.limits.acceptanceWorkingDays}个工作日` },
            valueTitle: "工作日",
            categoryTitle: unitLabel(d.scope),
            detail: (i) => `受理 ${formatInt(s.rows[i].acceptance.count)} 件，其中超期 ${formatInt(s.rows[i].acceptance.late)} 件`,
          }}
        />
        <TableFigure
          {...table("refusals")}
          chart={{
            title: "不予批准理由（次数，按最终决定）",
            categories: s.refusalsByReason.map((r) => r.label),
            series: [{ name: "次数", values: s.refusalsByReason.map((r) => r.count) }],
            format: formatInt,
            valueTitle: "次数",
            categoryTitle: "理由",
          }}
        />
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
