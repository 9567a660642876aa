import type { CsvCell } from "@/lib/csv";
import { CHANNEL_LABELS } from "@/lib/schemas/eligibility";
import { STATUS_LABELS } from "@/lib/filings/status";
import { scopeLabel, unitLabel, type DashboardScope } from "./dashboard-scope";
import type { Period } from "./period";
import { COUNTER_EVENT_LABELS, OPEN_STATUS_COLUMNS, type EventCounts, type OpenCount, type TransfersReport } from "./transfers";
import { PACE_STATUS_LABELS, type Pace } from "./targets";
import type { RateRow, UrbanizationReport } from "./urbanization";
import type { ServiceReport, ServiceRow } from "./service";

/**
 * Every table of the dashboard, defined once: the page renders it (beside its chart) and the
 * CSV export writes the same rows, so what an official downloads is what they saw.
 */

export const TABLE_KEYS = ["targets", "plan", "transfers", "channels", "urbanization", "trend", "service", "refusals"] as const;
export type TableKey = (typeof TABLE_KEYS)[number];

/** How a number is shown: whole people/filings, a percentage (0–100), points, working days, a share (0–1). */
export type ColumnFormat = "text" | "int" | "pct" | "pts" | "days" | "share";
export type Column = { label: string; format: ColumnFormat };
export type Cell = string | number | null;

type Base = { scope: DashboardScope; period: Period };
export type DashboardPart = "transfers" | "urbanization" | "service";
export type DashboardParts = {
  transfers?: TransfersReport;
  urbanization?: UrbanizationReport;
  service?: ServiceReport;
};

export type StatTable = {
  key: TableKey;
  title: string;
  columns: Column[];
  rows: Cell[][];
  /** The unit code of each row (for links from the city view to a county), null for a total. */
  rowKeys: Array<string | null>;
  note?: string;
};

const col = (label: string, format: ColumnFormat = "int"): Column => ({
  label,
  format,
});

/** Columns each defined with the value it shows, so a label never drifts from its number. */
function fields<T>(...defs: Array<readonly [Column, (x: T) => Cell]>) {
  return { columns: defs.map(([c]) => c), cells: (x: T): Cell[] => defs.map(([, value]) => value(x)) };
}

const PACE = fields<Pace>(
  [col("年度参考数（人）"), (p) => p.target],
  [col("转户（人）"), (p) => p.done],
  [col("完成比例", "share"), (p) => p.share],
  [col("序时进度参考（人）"), (p) => (p.expectedByNow === null ? null : Math.round(p.expectedByNow))],
  [col("尚差（人）"), (p) => (p.target === null ? null : p.remaining)],
  [col("剩余每日需完成（人）", "days"), (p) => p.neededPerDay],
  [col("状态", "text"), (p) => PACE_STATUS_LABELS[p.status]],
);
const paceCells = (p: Pace | null): Cell[] => (p ? PACE.cells(p) : PACE.columns.map(() => null));

function targetsTable(d: Base, t: TransfersReport): StatTable {
  const rows: Cell[][] = [];
  const keys: Array<string | null> = [];
  if (d.scope.kind === "city") {
    for (const u of t.units) {
      rows.push([u.name, ...paceCells(u.pace)]);
      keys.push(u.code);
    }
  }
  rows.push([d.scope.kind === "city" ? "全市" : scopeLabel(d.scope), ...paceCells(t.pace)]);
  keys.push(null);
  const planText = t.plan
    ? `全市的年度参考数为方案${t.plan.documentNumber}规定的全市年均转户${t.plan.transfersPerYear.toLocaleString("zh-CN")}人（方案按${t.plan.startYear}—${t.plan.endYear}年期内年均考核，单年不作硬性下限）；各县（市、区）的参考数是全市对方案目标的分解，不是方案本身规定的目标${t.targets.sharesShort ? `；分解数合计${t.targets.sumOfShares.toLocaleString("zh-CN")}人，低于方案年均数` : ""}。`
    : (t.noPlanNote ?? "");
  return {
    key: "targets",
    title: `${d.period.year}年转户情况（农业转移人口落户，按人计）`,
    columns: [col(d.scope.kind === "city" ? "县（市、区）" : "单位", "text"), ...PACE.columns],
    rows,
    rowKeys: keys,
    note: `${planText}转户＝原农业户口人员在城镇办结落户的人数（家庭申请按其中农业户口成员计），与城镇化率推算同一口径。两个管理区单独统计，不重复计入所在县（市、区）。`,
  };
}

function planTable(d: Base, t: TransfersReport): StatTable {
  const p = t.progress;
  let cum = 0;
  const rows: Cell[][] = p.byYear.map((y, i) => {
    cum += y.transfers;
    return [`${y.year}年`, y.transfers, cum, cum / (i + 1), p.targetAverage];
  });
  if (p.plan) rows.push(["期内至今", p.total, p.total, p.average, p.targetAverage]);
  return {
    key: "plan",
    title: p.plan ? `方案期内转户进度（${p.plan.documentNumber}，${p.plan.startYear}—${p.plan.endYear}年）` : "方案期内转户进度",
    columns: [col("年份", "text"), col("转户（人）"), col("累计（人）"), col("年均（人）"), col("方案年均目标（人）")],
    rows,
    rowKeys: rows.map((_, i) => (i < p.byYear.length ? String(p.byYear[i].year) : null)),
    note: p.plan
      ? `年均＝累计÷已过年数（当年按已过天数折算，表中末行为折算后的年均）。${d.scope.kind === "city" ? "" : "方案只规定全市目标，本表供参考。"}`
      : (p.noPlanNote ?? undefined),
  };
}

const EVENTS = fields<EventCounts>(
  [col("提交（件）"), (e) => e.submitted.filings],
  [col("补正告知（件）"), (e) => e.supplement_requested.filings],
  [col("受理（件）"), (e) => e.accepted.filings],
  [col("准予迁入（件）"), (e) => e.approved.filings],
  [col("不予批准（件）"), (e) => e.refused.filings],
  [col("迁出（件）"), (e) => e.moved_out.filings],
  [col("落户完成（件）"), (e) => e.registered.filings],
  [col("落户完成（人）"), (e) => e.registered.persons],
  [col("撤回（件）"), (e) => e.withdrawn.filings],
);

const openTotal = (o: OpenCount) => OPEN_STATUS_COLUMNS.reduce((s, k) => s + o[k].filings, 0);

function transfersTable(d: Base, t: TransfersReport): StatTable {
  return {
    key: "transfers",
    title: `${d.period.label}转户办理情况（按${unitLabel(d.scope)}）`,
    columns: [col(unitLabel(d.scope), "text"), ...EVENTS.columns, col("当前在办（件）")],
    rows: [
      ...t.units.map((u) => [u.name + (u.active ? "" : "（已停用）"), ...EVENTS.cells(u.events), openTotal(u.open)]),
      ["合计", ...EVENTS.cells(t.total), openTotal(t.openTotal)],
    ],
    rowKeys: [...t.units.map((u) => u.code), null],
    note: `“${COUNTER_EVENT_LABELS.submitted}”“${COUNTER_EVENT_LABELS.registered}”等为本期发生的办理环节数；“当前在办”为此刻尚未办结的申请（不受所选期间限制）。`,
  };
}

function channelsTable(d: Base, t: TransfersReport): StatTable {
  const openCols = OPEN_STATUS_COLUMNS.map((s) => col(`在办：${STATUS_LABELS[s]}`));
  const openCells = (o: OpenCount) => OPEN_STATUS_COLUMNS.map((s) => o[s].filings);
  return {
    key: "channels",
    title: `${d.period.label}${scopeLabel(d.scope)}各落户通道办理情况`,
    columns: [col("落户通道", "text"), ...EVENTS.columns, ...openCols],
    rows: [
      ...t.byChannel.map((c) => [CHANNEL_LABELS[c.channel], ...EVENTS.cells(c.events), ...openCells(c.open)]),
      ["合计", ...EVENTS.cells(t.total), ...openCells(t.openTotal)],
    ],
    rowKeys: [...t.byChannel.map((c) => c.channel), null],
  };
}

function rateCells(r: RateRow): Cell[] {
  const p = r.projection;
  return [
    r.name,
    r.stat?.hukouTotal ?? null,
    r.stat?.hukouUrban ?? null,
    r.stat?.residentTotal ?? null,
    r.stat?.residentUrban ?? null,
    r.registeredRate,
    r.residentRate,
    r.gap,
    r.gap2015,
    r.gapNarrowed,
    r.rise,
    r.avgRise,
    p?.projectedRate ?? null,
    p ? `以${p.baseYear}年统计为基数，加上此后完成的农业转城镇落户${p.ruralSettled.toLocaleString("zh-CN")}人` : null,
    r.behind.length ? r.behind.join("；") : "—",
  ];
}

function urbanizationTable(d: Base, u: UrbanizationReport): StatTable {
  const rows = u.rows.map(rateCells);
  const keys: Array<string | null> = u.rows.map((r) => r.code);
  if (u.city) {
    rows.push(rateCells({ ...u.city, name: "全市" }));
    keys.push(null);
  }
  return {
    key: "urbanization",
    title: `${u.year}年城镇化率（户籍人口、常住人口）`,
    columns: [
      col("单位", "text"),
      col("户籍总人口"),
      col("城镇户籍人口"),
      col("常住人口"),
      col("城镇常住人口"),
      col("户籍人口城镇化率", "pct"),
      col("常住人口城镇化率", "pct"),
      col("两率差距（百分点）", "pts"),
      col("2015年差距（百分点）", "pts"),
      col("差距较2015年缩小（百分点）", "pts"),
      col("户籍率比上年提高（百分点）", "pts"),
      col("方案期内年均提高（百分点）", "pts"),
      col("推算本年户籍人口城镇化率", "pct"),
      col("推算依据", "text"),
      col("未达目标情况", "text"),
    ],
    rows,
    rowKeys: keys,
    note: `户籍人口城镇化率＝城镇户籍人口÷户籍总人口；常住人口城镇化率＝城镇常住人口÷常住人口。${
      u.plan.plan
        ? `方案${u.plan.plan.documentNumber}的目标是全市的：${u.plan.plan.startYear}—${u.plan.plan.endYear}年户籍人口城镇化率年均提高${u.plan.plan.rateRisePerYear}个百分点以上${u.plan.plan.endRate !== null ? `，到${u.plan.plan.endYear}年达到${u.plan.plan.endRate}%以上` : ""}${u.plan.plan.gapNarrowing !== null ? `，两率差距较${u.plan.plan.baselineYear}年缩小${u.plan.plan.gapNarrowing}个百分点以上` : ""}；期末目标只在${u.plan.plan.endYear}年判断，各县（市、区）数字供参考。`
        : (u.plan.noPlanNote ?? "")
    }推算：以最近一年统计为基数，户籍总人口不变，每完成一名农业户口人员落户（转户，与目标同一口径），城镇户籍人口加一。全市为八个县级单位（含两个管理区）之和，管理区的人口不计入所在县（市、区）。`,
  };
}

function trendTable(d: Base, u: UrbanizationReport): StatTable {
  return {
    key: "trend",
    title: `${scopeLabel(d.scope)}城镇化率历年变化`,
    columns: [col("年份", "text"), col("户籍人口城镇化率", "pct"), col("常住人口城镇化率", "pct"), col("两率差距（百分点）", "pts")],
    rows: u.trend.map((t) => [`${t.year}年`, t.registeredRate, t.residentRate, t.gap]),
    rowKeys: u.trend.map((t) => String(t.year)),
  };
}

const SERVICE = fields<ServiceRow>(
  [col("受理（件）"), (r) => r.acceptance.count],
  [col("提交至受理 中位数", "days"), (r) => r.acceptance.median],
  [col("提交至受理 90%分位", "days"), (r) => r.acceptance.p90],
  [col("作出决定（件）"), (r) => r.decision.count],
  [col("提交至决定 中位数", "days"), (r) => r.decision.median],
  [col("提交至决定 90%分位", "days"), (r) => r.decision.p90],
  [col("超期率", "share"), (r) => r.overdueShare],
  [col("当前超期在办（件）"), (r) => r.openOverdue],
  [col("提交（件）"), (r) => r.submitted],
  [col("补正告知（件）"), (r) => r.supplementRequests],
  [col("补正率", "share"), (r) => r.supplementRate],
  [col("不予批准（件，最终决定）"), (r) => r.refusals],
  [col("决定被更正（件）"), (r) => r.corrections],
);

function serviceTable(d: Base, s: ServiceReport): StatTable {
  return {
    key: "service",
    title: `${d.period.label}办理时效（按${unitLabel(d.scope)}，工作日）`,
    columns: [col(unitLabel(d.scope), "text"), ...SERVICE.columns],
    rows: [...s.rows.map((r) => [r.name + (r.active ? "" : "（已停用）"), ...SERVICE.cells(r)]), ["合计", ...SERVICE.cells(s.total)]],
    rowKeys: [...s.rows.map((r) => r.code), null],
    note: `工作日按节假日安排（含调休）计算。超期：受理超过${s.limits.acceptanceWorkingDays}个工作日、或受理后超过${s.limits.decisionWorkingDays}个工作日作出决定（按该申请适用的规则集时限）。补正率＝补正告知数÷提交数。不予批准按最终决定计：所长撤销后重新审核的不再计入，更正另列。`,
  };
}

function refusalsTable(d: Base, s: ServiceReport): StatTable {
  const units = s.rows.filter((u) => s.refusalsByReason.some((r) => r.byUnit[u.code]));
  return {
    key: "refusals",
    title: `${d.period.label}不予批准理由统计（一次决定可有多项理由）`,
    columns: [col("理由代码", "text"), col("理由", "text"), col("依据条款", "text"), col("合计（次）"), ...units.map((u) => col(u.name))],
    rows: s.refusalsByReason.map((r) => [r.code, r.label, r.clause, r.count, ...units.map((u) => r.byUnit[u.code] ?? 0)]),
    rowKeys: s.refusalsByReason.map((r) => r.code),
  };
}

type PartOf<P extends DashboardPart> = NonNullable<DashboardParts[P]>;
type TableDef = { part: DashboardPart; build: (d: Base & DashboardParts) => StatTable };

/** A table made from one report of the dashboard (the report must be loaded). */
function from<P extends DashboardPart>(part: P, build: (d: Base, report: PartOf<P>) => StatTable): TableDef {
  return {
    part,
    build: (d) => {
      const report = d[part] as PartOf<P> | undefined;
      if (!report) throw new Error("dashboard part not loaded");
      return build(d, report);
    },
  };
}

const TABLES: Readonly<Record<TableKey, TableDef>> = {
  targets: from("transfers", targetsTable),
  plan: from("transfers", planTable),
  transfers: from("transfers", transfersTable),
  channels: from("transfers", channelsTable),
  urbanization: from("urbanization", urbanizationTable),
  trend: from("urbanization", trendTable),
  service: from("service", serviceTable),
  refusals: from("service", refusalsTable),
};

/** The report each table is made from (an export loads only that one). */
export const tablePart = (key: TableKey): DashboardPart => TABLES[key].part;

export function dashboardTable(d: Base & DashboardParts, key: TableKey): StatTable {
  return TABLES[key].build(d);
}

/** A number for a spreadsheet: percentages and shares as percent with two decimals, days with one. */
export function csvValue(v: Cell, format: ColumnFormat): CsvCell {
  if (v === null || typeof v === "string") return v;
  switch (format) {
    case "share":
      return Math.round(v * 10_000) / 100;
    case "pct":
    case "pts":
      return Math.round(v * 100) / 100;
    case "days":
      return Math.round(v * 10) / 10;
    default:
      return v;
  }
}

/** The label of a column in a CSV: shares and rates say they are percent. */
export function csvLabel(c: Column): string {
  return c.format === "share" || c.format === "pct" ? `${c.label}（%）` : c.label;
}

/** For the page: how a cell reads. */
export function formatCell(v: Cell, format: ColumnFormat): string {
  if (v === null) return "—";
  if (typeof v === "string") return v;
  switch (format) {
    case "int":
      return Math.round(v).toLocaleString("zh-CN");
    case "pct":
      return `${v.toFixed(2)}%`;
    case "pts":
      return v.toFixed(2);
    case "share":
      return `${(v * 100).toFixed(1)}%`;
    case "days":
      return v.toFixed(1);
    default:
      return String(v);
  }
}

export function tableFileName(d: Base, t: StatTable): string {
  return `${scopeLabel(d.scope)}-${t.title.replace(/[（(].*$/, "")}-${d.period.label}.csv`.replace(/[\\/:*?"<>|\s]+/g, "_");
}

/** One station's clerks: handled, median and p90 working days, refusals and their reasons. */
export function clerksTable(d: Base, s: ServiceReport, reasonLabel: (code: string) => string): StatTable {
  const clerks = s.clerks ?? [];
  return {
    key: "service",
    title: `${s.station?.name ?? ""}${d.period.label}民警办理情况（工作日）`,
    columns: [
      col("民警", "text"),
      col("办理环节（件）"),
      col("受理（件）"),
      col("提交至受理 中位数", "days"),
      col("提交至受理 90%分位", "days"),
      col("作出决定（件）"),
      col("提交至决定 中位数", "days"),
      col("提交至决定 90%分位", "days"),
      col("不予批准（件）"),
      col("不予批准理由", "text"),
    ],
    rows: clerks.map((c) => [
      c.name + (c.active ? "" : "（已离开本所或停用）"),
      c.handled,
      c.acceptance.count,
      c.acceptance.median,
      c.acceptance.p90,
      c.decision.count,
      c.decision.median,
      c.decision.p90,
      c.refusals,
      Object.entries(c.reasons)
        .sort((a, b) => b[1] - a[1])
        .map(([code, n]) => `${reasonLabel(code)} ${n}`)
        .join("；") || "—",
    ]),
    rowKeys: clerks.map((c) => c.clerkId),
    note: "办理环节＝受理＋作出决定。一次不予批准可有多项理由。",
  };
}
