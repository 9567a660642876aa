import type { Db } from "@/lib/db/types";
import { yearProgress } from "./period";

/**
 * Transfer targets (转户, plan 一): the plan sets the CITY an average of at least 46,000 people a
 * year over its period (lib/stats/plans.ts). An admin may break a year down among the
 * county-level units (TransferTarget rows): that is the city's own breakdown, not the plan's
 * target, so a county or a single year is shown against it for information, never failed.
 */
export const CITY_TRANSFER_TARGET_MIN = 46_000;

export type CountyTargets = {
  year: number;
  /** County code → its share (counties without a row are absent). */
  byCounty: Map<string, number>;
  sumOfShares: number;
  cityTarget: number;
  /** The shares add up to less than 46,000. */
  sharesShort: boolean;
};

export async function loadTargets(db: Db, year: number): Promise<CountyTargets> {
  const rows = await db.transferTarget.findMany({
    where: { year },
    select: { countyCode: true, target: true },
  });
  const byCounty = new Map(rows.map((r) => [r.countyCode, r.target]));
  const sumOfShares = rows.reduce((s, r) => s + r.target, 0);
  return {
    year,
    byCounty,
    sumOfShares,
    cityTarget: Math.max(sumOfShares, CITY_TRANSFER_TARGET_MIN),
    sharesShort: sumOfShares < CITY_TRANSFER_TARGET_MIN,
  };
}

export type PaceStatus = "achieved" | "on_track" | "behind" | "missed" | "below_average" | "not_started" | "no_target";

export type Pace = {
  year: number;
  target: number | null;
  /** People settled (落户 completed) this year so far. */
  done: number;
  /** done / target (0..n), null without a target. */
  share: number | null;
  remaining: number;
  /** Where a steady pace would be today: target × elapsed share of the year. */
  expectedByNow: number | null;
  daysElapsed: number;
  daysRemaining: number;
  /** People per day (and per 30 days) needed for the rest of the year to reach the target. */
  neededPerDay: number | null;
  neededPer30Days: number | null;
  /** At the pace so far, the year would end at this many people. */
  projectedYearEnd: number | null;
  status: PaceStatus;
};

/**
 * Progress against a yearly figure and the pace the rest of the year needs. `strict: false`
 * (a plan's average or the city's breakdown): a finished year below it is "below_average", not missed.
 */
export function computePace(year: number, target: number | null, done: number, now = new Date(), opts: { strict?: boolean } = {}): Pace {
  const { daysInYear, elapsed, remaining: daysRemaining } = yearProgress(year, now);
  const remaining = target === null ? 0 : Math.max(0, target - done);
  const expectedByNow = target === null ? null : (target * elapsed) / daysInYear;
  const neededPerDay = target === null || daysRemaining === 0 ? null : remaining / daysRemaining;
  let status: PaceStatus;
  if (target === null || target <= 0) status = "no_target";
  else if (done >= target) status = "achieved";
  else if (elapsed === 0) status = "not_started";
  else if (daysRemaining === 0) status = opts.strict === false ? "below_average" : "missed";
  else status = done >= (expectedByNow ?? 0) ? "on_track" : "behind";
  return {
    year,
    target,
    done,
    share: target ? done / target : null,
    remaining,
    expectedByNow,
    daysElapsed: elapsed,
    daysRemaining,
    neededPerDay,
    neededPer30Days: neededPerDay === null ? null : neededPerDay * 30,
    projectedYearEnd: elapsed === 0 ? null : daysRemaining === 0 ? done : (done * daysInYear) / elapsed,
    status,
  };
}

export const PACE_STATUS_LABELS: Readonly<Record<PaceStatus, string>> = {
  achieved: "已完成全年目标",
  on_track: "进度正常",
  behind: "落后于序时进度",
  missed: "未完成全年目标",
  below_average: "本年低于该数（单年不单独考核）",
  not_started: "年度尚未开始",
  no_target: "未设定目标",
};
