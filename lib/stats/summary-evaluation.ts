import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { notFound } from "@/lib/errors";
import { resolveDashboardScope, scopeLabel, type DashboardScope } from "./dashboard-scope";
import { defineDashboardAction } from "./dashboard";
import { loadPlans, transfersByYear, type PlanRow } from "./plans";

/**
 * 总结评估 (plan 四(二)): the plan's whole period for the city or one county, against the plan's
 * targets — printable. The plan's targets are the city's: the city's lines say 达到 / 未达到;
 * a county's lines show its figures and its share of the city's, for information (the plan sets
 * no county targets). Transfers are rural people settled (one definition, lib/stats/plans.ts);
 * rates come from the statistics admins enter per county and year (the city: sums of every unit).
 */

export type YearFigures = {
  year: number;
  transfers: number;
  registeredRate: number | null;
  residentRate: number | null;
  gap: number | null;
};

export type EvaluationLine = {
  label: string;
  target: string;
  actual: string;
  met: boolean | null;
};

export type SummaryEvaluation = {
  scope: DashboardScope;
  plan: PlanRow;
  years: YearFigures[];
  baseline: YearFigures;
  totalTransfers: number;
  averageTransfers: number;
  /** County: its share of the city's transfers over the period. */
  shareOfCity: number | null;
  lines: EvaluationLine[];
  /** City: one row per county-level unit (for information). */
  counties: Array<{
    code: string;
    name: string;
    totalTransfers: number;
    averageRise: number | null;
    gapNarrowed: number | null;
  }>;
  note: string;
};

const pct = (a: number, b: number) => (b > 0 ? (a / b) * 100 : null);
const fmt = (v: number | null, d = 2) => (v === null ? "无数据" : v.toFixed(d));

async function ratesByYear(db: Db, countyCodes: string[], from: number, to: number) {
  const stats = await db.populationStat.findMany({
    where: { countyCode: { in: countyCodes }, year: { gte: from, lte: to } },
  });
  const out = new Map<
    number,
    {
      hukouTotal: number;
      hukouUrban: number;
      residentTotal: number;
      residentUrban: number;
      n: number;
    }
  >();
  for (const s of stats) {
    const m = out.get(s.year) ?? {
      hukouTotal: 0,
      hukouUrban: 0,
      residentTotal: 0,
      residentUrban: 0,
      n: 0,
    };
    m.hukouTotal += s.hukouTotal;
    m.hukouUrban += s.hukouUrban;
    m.residentTotal += s.residentTotal;
    m.residentUrban += s.residentUrban;
    m.n += 1;
    out.set(s.year, m);
  }
  return (year: number) => {
    const m = out.get(year);
    // The city's rate only when every unit reported that year.
    if (!m || m.n < countyCodes.length) return { registeredRate: null, residentRate: null, gap: null };
    const registeredRate = pct(m.hukouUrban, m.hukouTotal);
    const residentRate = pct(m.residentUrban, m.residentTotal);
    return {
      registeredRate,
      residentRate,
      gap: registeredRate !== null && residentRate !== null ? residentRate - registeredRate : null,
    };
  };
}

export async function summaryEvaluation(db: Db, scope: DashboardScope, documentNumber?: string): Promise<SummaryEvaluation> {
  const plans = await loadPlans(db);
  const plan = documentNumber
    ? plans.find((p) => p.documentNumber === documentNumber)
    : (plans.find((p) => p.startYear <= 2020 && 2020 <= p.endYear) ?? plans.at(-1));
  if (!plan) throw notFound("落户工作方案");
  const counties = await db.county.findMany({
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { code: true, name: true },
  });
  const codes = scope.kind === "city" ? counties.map((c) => c.code) : [scope.countyCode];
  const countyCode = scope.kind === "county" ? scope.countyCode : undefined;
  const [transfers, cityTransfers, rateOf] = await Promise.all([
    transfersByYear(db, plan.startYear, plan.endYear, countyCode),
    countyCode ? transfersByYear(db, plan.startYear, plan.endYear) : Promise.resolve(null),
    ratesByYear(db, codes, plan.baselineYear, plan.endYear),
  ]);
  const yearsOf = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const years = yearsOf(plan.startYear, plan.endYear).map((y) => ({
    year: y,
    transfers: transfers.get(y) ?? 0,
    ...rateOf(y),
  }));
  const baseline = {
    year: plan.baselineYear,
    transfers: 0,
    ...rateOf(plan.baselineYear),
  };
  const before = rateOf(plan.startYear - 1);
  const end = years.at(-1)!;
  const n = years.length;
  const totalTransfers = years.reduce((a, y) => a + y.transfers, 0);
  const averageTransfers = totalTransfers / n;
  const averageRise = end.registeredRate !== null && before.registeredRate !== null ? (end.registeredRate - before.registeredRate) / n : null;
  const gapNarrowed = end.gap !== null && baseline.gap !== null ? baseline.gap - end.gap : null;
  const city = scope.kind === "city";
  const judge = (ok: boolean | null) => (city ? ok : null);
  const lines: EvaluationLine[] = [
    {
      label: `年均转户（农业转移人口落户，${plan.startYear}—${plan.endYear}年）`,
      target: city ? `全市年均${plan.transfersPerYear.toLocaleString("zh-CN")}人以上` : "方案未对各县（市、区）规定（仅全市目标）",
      actual: `共${totalTransfers.toLocaleString("zh-CN")}人，年均${Math.round(averageTransfers).toLocaleString("zh-CN")}人`,
      met: judge(averageTransfers >= plan.transfersPerYear),
    },
    {
      label: "户籍人口城镇化率年均提高",
      target: city ? `年均${plan.rateRisePerYear}个百分点以上` : "方案未对各县（市、区）规定（仅全市目标）",
      actual: averageRise === null ? "统计数据不全" : `${fmt(before.registeredRate)}% → ${fmt(end.registeredRate)}%，年均提高${fmt(averageRise)}个百分点`,
      met: averageRise === null ? null : judge(averageRise >= plan.rateRisePerYear - 1e-9),
    },
  ];
  if (plan.endRate !== null) {
    lines.push({
      label: `${plan.endYear}年户籍人口城镇化率`,
      target: city ? `全市${plan.endRate}%以上` : "方案未对各县（市、区）规定（仅全市目标）",
      actual: end.registeredRate === null ? "统计数据不全" : `${fmt(end.registeredRate)}%`,
      met: end.registeredRate === null ? null : judge(end.registeredRate >= plan.endRate - 1e-9),
    });
  }
  if (plan.gapNarrowing !== null) {
    lines.push({
      label: `两率差距较${plan.baselineYear}年缩小`,
      target: `${plan.gapNarrowing}个百分点以上`,
      actual: gapNarrowed === null ? "统计数据不全" : `${fmt(baseline.gap)} → ${fmt(end.gap)}，缩小${fmt(gapNarrowed)}个百分点`,
      met: gapNarrowed === null ? null : judge(gapNarrowed >= plan.gapNarrowing - 1e-9),
    });
  }
  let perCounty: SummaryEvaluation["counties"] = [];
  if (city) {
    perCounty = await Promise.all(
      counties.map(async (c) => {
        const t = await transfersByYear(db, plan.startYear, plan.endYear, c.code);
        const r = await ratesByYear(db, [c.code], plan.baselineYear, plan.endYear);
        const e = r(plan.endYear);
        const b = r(plan.startYear - 1);
        const base = r(plan.baselineYear);
        return {
          code: c.code,
          name: c.name,
          totalTransfers: [...t.values()].reduce((a, x) => a + x, 0),
          averageRise: e.registeredRate !== null && b.registeredRate !== null ? (e.registeredRate - b.registeredRate) / n : null,
          gapNarrowed: e.gap !== null && base.gap !== null ? base.gap - e.gap : null,
        };
      }),
    );
  }
  const cityTotal = cityTransfers ? [...cityTransfers.values()].reduce((a, x) => a + x, 0) : null;
  return {
    scope,
    plan,
    years,
    baseline,
    totalTransfers,
    averageTransfers,
    shareOfCity: cityTotal ? totalTransfers / cityTotal : null,
    lines,
    counties: perCounty,
    note: city
      ? `方案${plan.documentNumber}的目标是全市的期内年均数和期末目标：全市逐项判断是否达到；各县（市、区）的数字是全市的构成，供参考，不是方案规定的各县目标。两个管理区（城乡一体化示范区、经济开发区）单独统计，不计入所在县（市、区），全市为八个县级单位之和。`
      : `方案${plan.documentNumber}只规定了全市目标。${scopeLabel(scope)}的数字是全市的构成部分，供总结评估参考，不单独判断是否达标。`,
  };
}

export const summaryEvaluationSchema = z.object({
  county: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.string().trim().max(32).optional()),
  plan: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.string().trim().max(64).optional()),
});

export const viewSummaryEvaluationDef = defineDashboardAction(
  { action: "stats.summary.view", schema: summaryEvaluationSchema, auditEvent: false },
  async (ctx, input) => summaryEvaluation(ctx.tx, resolveDashboardScope(ctx.user, input.county), input.plan),
);
