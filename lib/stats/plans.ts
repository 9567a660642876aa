import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import { yearProgress } from "./period";
import { countersInRange } from "./rollup-range";

/**
 * Settlement plans as data (plan 一). 三政办〔2019〕24号 sets, for the CITY and for the
 * "十三五" period 2016–2020:
 *   - averages over the period: 年均转户 4.6万人以上, 户籍人口城镇化率年均提高 2 个百分点以上;
 *   - end states by 2020: the city's registered rate ≥ 37 %, the gap to the resident rate
 *     narrowed ≥ 2 points against 2015.
 * So a single year (or a county) is never a strict yearly minimum; a year before 2020 is never
 * judged on the 2020 end state; a year after the last recorded plan has no targets at all.
 *
 * 转户 (transfers) is ONE number everywhere — target progress, the county breakdown and the
 * urbanization projection: 农业转移人口落户 — people whose previous hukou was rural, settled
 * (落户 completed) in a town of the city, counted per person (a household counts each rural
 * member). It is the "registered" counter's ruralPersons, kept in the transition's transaction.
 */

export type PlanRow = {
  id: string;
  documentNumber: string;
  title: string;
  startYear: number;
  endYear: number;
  baselineYear: number;
  transfersPerYear: number;
  rateRisePerYear: number;
  endRate: number | null;
  gapNarrowing: number | null;
};

export const TRANSFER_DEFINITION =
  "转户：指农业转移人口落户，即原为农业户口（农村户籍）的人员在本市城镇办结落户（每人计一次，家庭申请按其中农业户口成员人数计）。目标完成情况与城镇化率推算使用同一口径。";

export async function loadPlans(db: Db): Promise<PlanRow[]> {
  return db.settlementPlan.findMany({
    orderBy: [{ startYear: "asc" }],
    select: {
      id: true,
      documentNumber: true,
      title: true,
      startYear: true,
      endYear: true,
      baselineYear: true,
      transfersPerYear: true,
      rateRisePerYear: true,
      endRate: true,
      gapNarrowing: true,
    },
  });
}

/** The plan in force for a year: the latest-starting plan whose years contain it. */
export function planFor(plans: readonly PlanRow[], year: number): PlanRow | null {
  return [...plans].filter((p) => p.startYear <= year && year <= p.endYear).sort((a, b) => b.startYear - a.startYear)[0] ?? null;
}

export type PlanContext = {
  plan: PlanRow | null;
  /** No plan covers the year: the end year of the last plan before it (null: none at all, or the year is before every plan). */
  lastPlanEnd: number | null;
  /** Said on the page when no plan covers the year. */
  noPlanNote: string | null;
};

export function planContext(plans: readonly PlanRow[], year: number): PlanContext {
  const plan = planFor(plans, year);
  if (plan) return { plan, lastPlanEnd: null, noPlanNote: null };
  const before = plans.filter((p) => p.endYear < year).sort((a, b) => b.endYear - a.endYear)[0];
  return {
    plan: null,
    lastPlanEnd: before?.endYear ?? null,
    noPlanNote: before
      ? `${year}年没有已录入的落户工作方案（最近的方案${before.documentNumber}期限至${before.endYear}年），本页只显示实际数字，不与目标比较。`
      : `${year}年没有已录入的落户工作方案，本页只显示实际数字，不与目标比较。`,
  };
}

export type TransferProgressStatus = "achieved" | "missed" | "on_pace" | "behind_pace" | "no_plan";

export const TRANSFER_PROGRESS_LABELS: Readonly<Record<TransferProgressStatus, string>> = {
  achieved: "期末已达到年均目标",
  missed: "期末未达到年均目标",
  on_pace: "年均进度达到目标",
  behind_pace: "年均进度低于目标（期中，仍可追赶）",
  no_plan: "无已录入方案",
};

/**
 * The period so far against the plan's average: years from the plan's start to the year shown
 * (the current year counted by its elapsed share), people transferred in them, their average.
 * Only at the end of the plan's last year is the average achieved or missed; before, it is a pace.
 */
export type TransferProgress = {
  plan: PlanRow | null;
  noPlanNote: string | null;
  byYear: Array<{ year: number; transfers: number }>;
  total: number;
  /** Years counted so far (fractional while the year shown is running). */
  yearsElapsed: number;
  average: number | null;
  targetAverage: number | null;
  /** target average × plan years − total so far, spread over the remaining years. */
  neededPerRemainingYear: number | null;
  status: TransferProgressStatus;
};

/** Rural people settled (转户) per Beijing year, for the city or one county, from the month rollups. */
export async function transfersByYear(db: Db, fromYear: number, toYear: number, countyCode?: string): Promise<Map<number, number>> {
  const county = countyCode ? Prisma.sql`AND "countyCode" = ${countyCode}` : Prisma.empty;
  const rows = await db.$queryRaw<Array<{ year: number; n: number }>>`
    SELECT EXTRACT(YEAR FROM "month")::int AS year, SUM("ruralPersons")::int AS n
      FROM "MonthlyCounter"
     WHERE "event" = 'registered' AND "month" >= ${new Date(Date.UTC(fromYear, 0, 1))} AND "month" < ${new Date(Date.UTC(toYear + 1, 0, 1))} ${county}
     GROUP BY 1`;
  return new Map(rows.map((r) => [r.year, r.n]));
}

/** Rural people settled in a day range by unit (county, or station within a county). */
export async function transfersInRange(db: Db, from: string, to: string, by: "county" | "station", countyCode?: string): Promise<Map<string, number>> {
  const unit = by === "county" ? Prisma.sql`"countyCode"` : Prisma.sql`"stationId"`;
  const county = countyCode ? Prisma.sql`AND "countyCode" = ${countyCode}` : Prisma.empty;
  const rows = await db.$queryRaw<Array<{ unit: string; n: number }>>`
    SELECT ${unit} AS unit, SUM("ruralPersons")::int AS n FROM (${countersInRange(from, to)}) c WHERE "event" = 'registered' ${county} GROUP BY 1`;
  return new Map(rows.map((r) => [r.unit, r.n]));
}

export async function transferProgress(db: Db, ctx: PlanContext, year: number, countyCode: string | undefined, now = new Date()): Promise<TransferProgress> {
  const plan = ctx.plan;
  if (!plan) {
    return {
      plan: null,
      noPlanNote: ctx.noPlanNote,
      byYear: [],
      total: 0,
      yearsElapsed: 0,
      average: null,
      targetAverage: null,
      neededPerRemainingYear: null,
      status: "no_plan",
    };
  }
  const counts = await transfersByYear(db, plan.startYear, year, countyCode);
  const byYear: TransferProgress["byYear"] = [];
  let total = 0;
  let yearsElapsed = 0;
  for (let y = plan.startYear; y <= year; y += 1) {
    const n = counts.get(y) ?? 0;
    byYear.push({ year: y, transfers: n });
    total += n;
    const p = yearProgress(y, now);
    yearsElapsed += p.elapsed / p.daysInYear;
  }
  const planYears = plan.endYear - plan.startYear + 1;
  const average = yearsElapsed > 0 ? total / yearsElapsed : null;
  const periodEnded = year === plan.endYear && yearProgress(year, now).remaining === 0;
  const remainingYears = planYears - yearsElapsed;
  const targetAverage = countyCode ? null : plan.transfersPerYear;
  let status: TransferProgressStatus;
  if (targetAverage === null) status = "no_plan";
  else if (periodEnded) status = (average ?? 0) >= targetAverage ? "achieved" : "missed";
  else status = average !== null && average >= targetAverage ? "on_pace" : "behind_pace";
  return {
    plan,
    noPlanNote: null,
    byYear,
    total,
    yearsElapsed,
    average,
    targetAverage,
    neededPerRemainingYear: targetAverage !== null && remainingYears > 0.001 ? Math.max(0, (targetAverage * planYears - total) / remainingYears) : null,
    status,
  };
}
