import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import { beijingDate } from "@/lib/calendar/working-days";
import type { DashboardScope } from "./dashboard-scope";
import { FIRST_YEAR } from "./period";
import { loadPlans, planContext, type PlanContext } from "./plans";

/**
 * Urbanization rates (plan 一, 四(一)) from the population statistics an admin enters per
 * county and year (year-end figures):
 *   registered rate (户籍人口城镇化率) = hukouUrban / hukouTotal
 *   resident rate   (常住人口城镇化率) = residentUrban / residentTotal
 *   gap             = resident rate − registered rate (percentage points)
 * Targets: the registered rate up ≥ 2 points a year (city ≥ 37 % by 2020), and each county's
 * gap narrowed by ≥ 2 points against 2015. The city's figures are sums of the counties'
 * populations (not averages of their rates).
 *
 * PROJECTION of a year without statistics yet (typically the current one):
 *   base year L = the latest year before it with statistics,
 *   R = people settled (落户 completed) in the county from 1 January of L+1 up to the end of
 *       the year (or now) whose previous hukou was rural — counted per person: a household
 *       member's own hukouType, else the applicant's (answers.applicant.hukouType, then
 *       answers.hukouType), as the clerk's rules panel reads it,
 *   projected registered rate = (hukouUrban(L) + R) / hukouTotal(L).
 * Each such settlement turns one rural-hukou person into an urban one. The total is held at
 * L's: natural change and moves across county lines are not known to the portal and are
 * small against the total; an urban-to-urban move changes neither side. People from outside
 * the county are counted like local ones — a slight overestimate, shown as a projection.
 */

export const RATE_RISE_TARGET_POINTS = 2;
export const GAP_NARROWING_TARGET_POINTS = 2;
export const BASELINE_YEAR = 2015;
export const CITY_RATE_TARGET_2020 = 37;
/** Rates are ratios of integers: compare against targets with a tolerance for float noise. */
const EPS = 1e-9;

export type PopulationNumbers = {
  hukouTotal: number;
  hukouUrban: number;
  residentTotal: number;
  residentUrban: number;
};

export type Projection = {
  baseYear: number;
  baseRate: number;
  ruralSettled: number;
  projectedRate: number;
  /** Against the year before the projected one, when its statistics exist. */
  projectedRise: number | null;
};

export type RateRow = {
  code: string;
  name: string;
  /** Statistics of the year shown (null: not entered yet). */
  stat: PopulationNumbers | null;
  /** Percentages (0–100). */
  registeredRate: number | null;
  residentRate: number | null;
  /** Percentage points. */
  gap: number | null;
  gap2015: number | null;
  /** How much the gap narrowed since 2015 (positive = narrowed). */
  gapNarrowed: number | null;
  prevRegisteredRate: number | null;
  rise: number | null;
  /** The plan's average yearly rise from the year before its start to the year shown (null: no plan or no figures). */
  avgRise: number | null;
  projection: Projection | null;
  /** Where the unit is behind the plan's targets, in Chinese. */
  behind: string[];
  /** City row: how many counties' statistics the sums contain. */
  reported?: { counties: number; of: number };
};

export type UrbanizationReport = {
  year: number;
  rows: RateRow[];
  /** The city as a whole (city scope only). */
  city: RateRow | null;
  plan: PlanContext;
  /** Every year with statistics for the scope, for the trend table. */
  trend: Array<{
    year: number;
    registeredRate: number;
    residentRate: number;
    gap: number;
  }>;
};

const pct = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : null);

function rates(s: PopulationNumbers | null) {
  if (!s) return { registeredRate: null, residentRate: null, gap: null };
  const registeredRate = pct(s.hukouUrban, s.hukouTotal);
  const residentRate = pct(s.residentUrban, s.residentTotal);
  return {
    registeredRate,
    residentRate,
    gap: registeredRate !== null && residentRate !== null ? residentRate - registeredRate : null,
  };
}

const sum = (xs: PopulationNumbers[]): PopulationNumbers => ({
  hukouTotal: xs.reduce((a, x) => a + x.hukouTotal, 0),
  hukouUrban: xs.reduce((a, x) => a + x.hukouUrban, 0),
  residentTotal: xs.reduce((a, x) => a + x.residentTotal, 0),
  residentUrban: xs.reduce((a, x) => a + x.residentUrban, 0),
});

/**
 * Rural-to-urban settlements (转户, the one definition of lib/stats/plans.ts) per county and
 * Beijing year, from the "registered" counter's ruralPersons kept in each transition's
 * transaction (month rollups): no filings are read.
 */
export async function ruralSettledByYear(db: Db, fromYear: number, toYear: number, countyCode?: string): Promise<Map<string, Map<number, number>>> {
  const county = countyCode ? Prisma.sql`AND "countyCode" = ${countyCode}` : Prisma.empty;
  const rows = await db.$queryRaw<Array<{ county: string; year: number; n: number }>>`
    SELECT "countyCode" AS county, EXTRACT(YEAR FROM "month")::int AS year, SUM("ruralPersons")::int AS n
      FROM "MonthlyCounter"
     WHERE "event" = 'registered' AND "month" >= ${new Date(Date.UTC(fromYear, 0, 1))} AND "month" < ${new Date(Date.UTC(toYear + 1, 0, 1))} ${county}
     GROUP BY 1, 2`;
  const out = new Map<string, Map<number, number>>();
  for (const r of rows) {
    const m = out.get(r.county) ?? new Map<number, number>();
    m.set(r.year, r.n);
    out.set(r.county, m);
  }
  return out;
}

type StatsByYear = Map<number, PopulationNumbers>;

function rowFor(
  code: string,
  name: string,
  year: number,
  stats: StatsByYear,
  rural: Map<number, number> | undefined,
  nowYear: number,
  ctx: PlanContext,
): RateRow {
  const stat = stats.get(year) ?? null;
  const cur = rates(stat);
  const prev = rates(stats.get(year - 1) ?? null);
  const plan = ctx.plan;
  const baselineYear = plan?.baselineYear ?? BASELINE_YEAR;
  const base = rates(stats.get(baselineYear) ?? null);
  let projection: Projection | null = null;
  if (!stat) {
    const baseYear = [...stats.keys()].filter((y) => y < year).sort((a, b) => b - a)[0];
    const b = baseYear !== undefined ? stats.get(baseYear)! : null;
    if (b && baseYear !== undefined && b.hukouTotal > 0) {
      let ruralSettled = 0;
      for (let y = baseYear + 1; y <= Math.min(year, nowYear); y += 1) ruralSettled += rural?.get(y) ?? 0;
      const projectedRate = ((b.hukouUrban + ruralSettled) / b.hukouTotal) * 100;
      projection = {
        baseYear,
        baseRate: (b.hukouUrban / b.hukouTotal) * 100,
        ruralSettled,
        projectedRate,
        projectedRise: prev.registeredRate !== null ? projectedRate - prev.registeredRate : null,
      };
    }
  }
  const rise = cur.registeredRate !== null && prev.registeredRate !== null ? cur.registeredRate - prev.registeredRate : null;
  const gapNarrowed = cur.gap !== null && base.gap !== null && year > baselineYear ? base.gap - cur.gap : null;
  // The plan's average rise: from the year before the plan's first to the year shown (or its projection).
  const startRate = plan ? rates(stats.get(plan.startYear - 1) ?? null).registeredRate : null;
  const rateNow = cur.registeredRate ?? projection?.projectedRate ?? null;
  const avgRise = plan && startRate !== null && rateNow !== null ? (rateNow - startRate) / (year - plan.startYear + 1) : null;
  const behind: string[] = [];
  // The plan's targets are the city's: only the city row is judged; counties are shown for information.
  if (plan && code === "city") {
    const atEnd = year === plan.endYear;
    if (avgRise !== null && avgRise < plan.rateRisePerYear - EPS) {
      behind.push(
        atEnd
          ? `${plan.startYear}—${plan.endYear}年户籍人口城镇化率年均提高${avgRise.toFixed(2)}个百分点，未达到年均${plan.rateRisePerYear}个百分点的目标`
          : `${plan.startYear}年以来户籍人口城镇化率年均提高${avgRise.toFixed(2)}个百分点，低于年均${plan.rateRisePerYear}个百分点（期中进度，至${plan.endYear}年末考核）`,
      );
    }
    if (atEnd && plan.endRate !== null && cur.registeredRate !== null && cur.registeredRate < plan.endRate - EPS) {
      behind.push(`全市户籍人口城镇化率${cur.registeredRate.toFixed(2)}%，低于到${plan.endYear}年${plan.endRate}%的目标`);
    }
    if (atEnd && plan.gapNarrowing !== null && gapNarrowed !== null && gapNarrowed < plan.gapNarrowing - EPS) {
      behind.push(
        `两率差距比${baselineYear}年${gapNarrowed >= 0 ? `缩小${gapNarrowed.toFixed(2)}` : `扩大${(-gapNarrowed).toFixed(2)}`}个百分点，未达到缩小${plan.gapNarrowing}个百分点的目标`,
      );
    }
  }
  return {
    code,
    name,
    stat,
    ...cur,
    gap2015: base.gap,
    gapNarrowed,
    prevRegisteredRate: prev.registeredRate,
    rise,
    avgRise,
    projection,
    behind,
  };
}

/** Rates for a year, per county (city scope: every county and the city; county scope: the county). */
export async function urbanizationReport(db: Db, scope: DashboardScope, year: number, now = new Date()): Promise<UrbanizationReport> {
  const countyWhere = scope.kind === "county" ? { code: scope.countyCode } : {};
  const [counties, stats] = await Promise.all([
    db.county.findMany({
      where: countyWhere,
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      select: { code: true, name: true },
    }),
    db.populationStat.findMany({
      where: {
        ...(scope.kind === "county" ? { countyCode: scope.countyCode } : {}),
        year: { lte: year },
      },
      orderBy: { year: "asc" },
    }),
  ]);
  const byCounty = new Map<string, StatsByYear>();
  for (const s of stats) {
    const m = byCounty.get(s.countyCode) ?? new Map();
    m.set(s.year, {
      hukouTotal: s.hukouTotal,
      hukouUrban: s.hukouUrban,
      residentTotal: s.residentTotal,
      residentUrban: s.residentUrban,
    });
    byCounty.set(s.countyCode, m);
  }
  // Rural settlements since the earliest base year any projection needs.
  const nowYear = Number(beijingDate(now).slice(0, 4));
  const baseYears = counties
    .filter((c) => !byCounty.get(c.code)?.has(year))
    .map((c) => [...(byCounty.get(c.code)?.keys() ?? [])].filter((y) => y < year).sort((a, b) => b - a)[0])
    .filter((y): y is number => y !== undefined);
  const needFrom = baseYears.length ? Math.min(...baseYears) + 1 : null;
  const rural =
    needFrom !== null && needFrom <= Math.min(year, nowYear)
      ? await ruralSettledByYear(db, needFrom, Math.min(year, nowYear), scope.kind === "county" ? scope.countyCode : undefined)
      : new Map<string, Map<number, number>>();

  const ctx = planContext(await loadPlans(db), year);
  const rows = counties.map((c) => rowFor(c.code, c.name, year, byCounty.get(c.code) ?? new Map(), rural.get(c.code), nowYear, ctx));

  // The city: sums over the counties that reported that year.
  let city: RateRow | null = null;
  const cityStats: StatsByYear = new Map();
  const cityRural = new Map<number, number>();
  const years = new Set(stats.map((s) => s.year));
  for (const y of years) {
    const xs = counties.map((c) => byCounty.get(c.code)?.get(y)).filter((x): x is PopulationNumbers => !!x);
    if (xs.length) cityStats.set(y, sum(xs));
  }
  if (scope.kind === "city") {
    for (const m of rural.values()) for (const [y, n] of m) cityRural.set(y, (cityRural.get(y) ?? 0) + n);
    city = rowFor("city", "三门峡市", year, cityStats, cityRural, nowYear, ctx);
    city.reported = {
      counties: counties.filter((c) => byCounty.get(c.code)?.has(year)).length,
      of: counties.length,
    };
    // With some counties missing, the sums are partial: do not pretend to a city rate.
    if (city.reported.counties > 0 && city.reported.counties < city.reported.of) {
      city.behind.unshift(`仅${city.reported.counties}/${city.reported.of}个县级单位报送了${year}年统计数据，全市数据为已报送单位合计`);
    }
  }
  const trendSource = scope.kind === "city" ? cityStats : (byCounty.get(scope.countyCode) ?? new Map());
  const trend = [...trendSource.entries()]
    .filter(([y]) => y >= FIRST_YEAR)
    .sort(([a], [b]) => a - b)
    .map(([y, s]) => {
      const r = rates(s);
      return {
        year: y,
        registeredRate: r.registeredRate ?? 0,
        residentRate: r.residentRate ?? 0,
        gap: r.gap ?? 0,
      };
    });
  return { year, rows, city, trend, plan: ctx };
}
