import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import { overdueByStation } from "@/lib/review/queue";
import { DEFAULT_RULE_SET_DATA } from "@/lib/rules/default-rule-set";
import type { RuleSetData } from "@/lib/rules/types";
import { scopeUnits, type DashboardScope, type Unit } from "./dashboard-scope";
import { counterSums } from "./transfers";
import { grainRange } from "./rollup-range";
import { ALL_REFUSALS } from "./rollups";
import type { Period } from "./period";

/**
 * Service (办理时效): how fast stations (and their clerks) accept and decide — per county for the
 * city, per station for a county, per clerk for one station.
 *
 * Everything is read from rollups kept in each transition's transaction (lib/stats/rollups.ts),
 * so a page costs the same on its first load after a restart as on any other:
 * - StepHistogram: working days from submission to acceptance / to the decision → filings and
 *   late ones, per day and per month, station and clerk. Working days are small integers, so a
 *   year is a few thousand rows; the median and p90 are computed from it exactly as
 *   percentile_cont does (linear interpolation between order statistics).
 * - Late: acceptance later than the acceptance limit, decision later than the decision limit
 *   after acceptance (after submission when refused without acceptance), with the time limits of
 *   the rule set that judged the filing; plus the open filings past their due date now
 *   (QueueDueCount's days before today and today's filings: overdueByStation in lib/review/queue.ts).
 * - Supplement rate = 补正告知 sent ÷ filings submitted in the period (counters).
 * - Refusals (RefusalCount) are FINAL refusals by reason code: a refusal a station head reopened is
 *   taken out again; corrections (reopened, revoked) are counted separately.
 */

export type StepStats = {
  count: number;
  median: number | null;
  p90: number | null;
  late: number;
};

export type ServiceRow = Unit & {
  acceptance: StepStats;
  decision: StepStats;
  /** Late steps ÷ steps completed in the period (acceptances and decisions). */
  overdueShare: number | null;
  /** Open filings past their due date right now (the station's clock: submitted, accepted). */
  openOverdue: number;
  submitted: number;
  supplementRequests: number;
  supplementRate: number | null;
  refusals: number;
  /** Decisions a station head corrected in the period (reopened refusals, revoked approvals). */
  corrections: number;
};

/** A clerk's performance at one station (station view). */
export type ClerkRow = {
  clerkId: string;
  name: string;
  active: boolean;
  acceptance: StepStats;
  decision: StepStats;
  handled: number;
  refusals: number;
  reasons: Record<string, number>;
};

export type RefusalReasonRow = {
  code: string;
  label: string;
  clause: string | null;
  count: number;
  byUnit: Record<string, number>;
};

export type ServiceReport = {
  scope: DashboardScope;
  period: Period;
  rows: ServiceRow[];
  total: ServiceRow;
  refusalsByReason: RefusalReasonRow[];
  /** One station's clerks (only when a station is asked for). */
  clerks: ClerkRow[] | null;
  station: { id: string; name: string } | null;
  limits: { acceptanceWorkingDays: number; decisionWorkingDays: number };
};

const emptyStep = (): StepStats => ({
  count: 0,
  median: null,
  p90: null,
  late: 0,
});

type Step = "accept" | "decide";
type HistogramRow = {
  station: string;
  clerk: string;
  step: Step;
  wd: number;
  n: number;
  late: number;
};

/**
 * Working days → filings (and late ones) per station, clerk and step for the period, from the
 * StepHistogram rollup (whole months from month rows, the edges from day rows).
 */
async function stepHistogram(db: Db, scope: DashboardScope, period: Period, stationId?: string): Promise<HistogramRow[]> {
  const county = scope.kind === "county" ? Prisma.sql`AND "countyCode" = ${scope.countyCode}` : Prisma.empty;
  const station = stationId ? Prisma.sql`AND "stationId" = ${stationId}` : Prisma.empty;
  return db.$queryRaw<HistogramRow[]>`
    SELECT "stationId" AS station, "clerkId" AS clerk, "step", "wd", SUM("n")::int AS n, SUM("late")::int AS late
      FROM "StepHistogram"
     WHERE ${grainRange(period.from, period.to)} ${county} ${station}
     GROUP BY 1, 2, 3, 4
    HAVING SUM("n") <> 0`;
}

/** percentile_cont(p) of a histogram: linear interpolation between the order statistics around p·(n−1). */
export function histogramPercentile(hist: ReadonlyArray<readonly [value: number, count: number]>, p: number): number | null {
  const sorted = [...hist].filter(([, c]) => c > 0).sort((a, b) => a[0] - b[0]);
  const n = sorted.reduce((s, [, c]) => s + c, 0);
  if (n === 0) return null;
  const pos = p * (n - 1);
  const at = (k: number) => {
    let seen = 0;
    for (const [v, c] of sorted) {
      seen += c;
      if (k < seen) return v;
    }
    return sorted[sorted.length - 1][0];
  };
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = at(lo);
  return lo === hi ? a : a + (pos - lo) * (at(hi) - a);
}

function stepStatsOf(hist: Array<[number, number]>, late: number): StepStats {
  const count = hist.reduce((s, [, c]) => s + c, 0);
  return {
    count,
    median: histogramPercentile(hist, 0.5),
    p90: histogramPercentile(hist, 0.9),
    late,
  };
}

/** Open filings past their due date now, per county (city) or station (county): overdueByStation in lib/review/queue.ts. */
async function openOverdue(db: Db, scope: DashboardScope, now: Date): Promise<Map<string, number>> {
  const stations = await db.policeStation.findMany({
    where: scope.kind === "county" ? { countyCode: scope.countyCode } : {},
    select: { id: true, countyCode: true },
  });
  const counts = await overdueByStation(
    db,
    stations.map((s) => s.id),
    now,
  );
  const rows = [...counts].map(([stationId, n]) => ({ stationId, n }));
  const countyOf = new Map(stations.map((s) => [s.id, s.countyCode]));
  const out = new Map<string, number>();
  for (const r of rows) {
    const key = scope.kind === "city" ? countyOf.get(r.stationId)! : r.stationId;
    out.set(key, (out.get(key) ?? 0) + r.n);
  }
  return out;
}

/** Final refusals by reason code per station and clerk for the period (RefusalCount rollup). */
async function refusalReasons(
  db: Db,
  scope: DashboardScope,
  period: Period,
  stationId?: string,
): Promise<Array<{ station: string; clerk: string; code: string; n: number }>> {
  const county = scope.kind === "county" ? Prisma.sql`AND "countyCode" = ${scope.countyCode}` : Prisma.empty;
  const station = stationId ? Prisma.sql`AND "stationId" = ${stationId}` : Prisma.empty;
  return db.$queryRaw<Array<{ station: string; clerk: string; code: string; n: number }>>`
    SELECT "stationId" AS station, "clerkId" AS clerk, "code", SUM("n")::int AS n
      FROM "RefusalCount"
     WHERE ${grainRange(period.from, period.to)} ${county} ${station}
     GROUP BY 1, 2, 3
    HAVING SUM("n") > 0`;
}

/** Labels of refusal reasons: those of every stored rule set (admins may add codes), newest first. */
async function reasonLabels(db: Db): Promise<Map<string, { label: string; clause: string }>> {
  const sets = await db.ruleSet.findMany({
    orderBy: { createdAt: "asc" },
    select: { data: true },
  });
  const out = new Map<string, { label: string; clause: string }>();
  for (const r of DEFAULT_RULE_SET_DATA.refusalReasons) out.set(r.code, { label: r.label, clause: r.clause });
  for (const s of sets) {
    for (const r of (s.data as unknown as Partial<RuleSetData>).refusalReasons ?? []) out.set(r.code, { label: r.label, clause: r.clause });
  }
  return out;
}

async function currentLimits(db: Db, now: Date): Promise<RuleSetData["timeLimits"]> {
  const row = await db.ruleSet.findFirst({
    where: { publishedAt: { not: null }, effectiveFrom: { lte: now } },
    orderBy: [{ effectiveFrom: "desc" }, { publishedAt: "desc" }],
    select: { data: true },
  });
  return (row?.data as unknown as RuleSetData | undefined)?.timeLimits ?? DEFAULT_RULE_SET_DATA.timeLimits;
}

export async function serviceReport(db: Db, scope: DashboardScope, period: Period, now = new Date(), stationId?: string): Promise<ServiceReport> {
  const limits = await currentLimits(db, now);
  let units = await scopeUnits(db, scope);
  const station = stationId && scope.kind === "county" ? (units.find((u) => u.code === stationId) ?? null) : null;
  if (station) units = [station];
  const only = station ? station.code : undefined;
  const [hist, overdue, counters, reasons, labels] = await Promise.all([
    stepHistogram(db, scope, period, only),
    openOverdue(db, scope, now),
    counterSums(db, scope, period.from, period.to, ["submitted", "supplement_requested", "refused", "reopened", "revoked"], only),
    refusalReasons(db, scope, period, only),
    reasonLabels(db),
  ]);
  const blank = (u: Unit): ServiceRow => ({
    ...u,
    acceptance: emptyStep(),
    decision: emptyStep(),
    overdueShare: null,
    openOverdue: 0,
    submitted: 0,
    supplementRequests: 0,
    supplementRate: null,
    refusals: 0,
    corrections: 0,
  });
  const rows = new Map(units.map((u) => [u.code, blank(u)]));
  const total = blank({ code: "total", name: "合计", active: true });
  // Histograms per unit (and clerk) and step, and merged for the total.
  const byKey = new Map<string, { hist: Map<number, number>; late: number }>();
  const addTo = (key: string, wd: number, n: number, late: number) => {
    const h = byKey.get(key) ?? { hist: new Map<number, number>(), late: 0 };
    h.hist.set(wd, (h.hist.get(wd) ?? 0) + n);
    h.late += late;
    byKey.set(key, h);
  };
  const countyOf = new Map(
    (
      await db.policeStation.findMany({
        select: { id: true, countyCode: true },
      })
    ).map((st) => [st.id, st.countyCode]),
  );
  for (const h of hist) {
    const unit = scope.kind === "city" ? countyOf.get(h.station) : h.station;
    if (unit && rows.has(unit)) addTo(`${unit}|${h.step}`, h.wd, h.n, h.late);
    if (station) addTo(`clerk:${h.clerk}|${h.step}`, h.wd, h.n, h.late);
    if (!station || unit === station.code) addTo(`total|${h.step}`, h.wd, h.n, h.late);
  }
  const statsFor = (key: string) => {
    const h = byKey.get(key);
    return h ? stepStatsOf([...h.hist.entries()], h.late) : emptyStep();
  };
  for (const r of rows.values()) {
    r.acceptance = statsFor(`${r.code}|accept`);
    r.decision = statsFor(`${r.code}|decide`);
    r.openOverdue = overdue.get(r.code) ?? 0;
  }
  total.acceptance = statsFor("total|accept");
  total.decision = statsFor("total|decide");
  total.openOverdue = [...rows.values()].reduce((a, r) => a + r.openOverdue, 0);
  for (const c of counters) {
    const r = rows.get(c.unit);
    for (const t of r ? [r, total] : [total]) {
      if (c.event === "submitted") t.submitted += c.filings;
      else if (c.event === "supplement_requested") t.supplementRequests += c.filings;
      else if (c.event === "refused") t.refusals += c.filings;
      else if (c.event === "reopened" || c.event === "revoked") t.corrections += c.filings;
    }
  }
  for (const r of [...rows.values(), total]) {
    const steps = r.acceptance.count + r.decision.count;
    r.overdueShare = steps ? (r.acceptance.late + r.decision.late) / steps : null;
    r.supplementRate = r.submitted ? r.supplementRequests / r.submitted : null;
  }
  const byCode = new Map<string, RefusalReasonRow>();
  for (const x of reasons) {
    if (x.code === ALL_REFUSALS) continue;
    const info = labels.get(x.code);
    const row = byCode.get(x.code) ?? {
      code: x.code,
      label: info?.label ?? x.code,
      clause: info?.clause ?? null,
      count: 0,
      byUnit: {},
    };
    const unit = scope.kind === "city" ? countyOf.get(x.station) : x.station;
    row.count += x.n;
    if (unit) row.byUnit[unit] = (row.byUnit[unit] ?? 0) + x.n;
    byCode.set(x.code, row);
  }

  // One station: its clerks — everyone who acted there in the period, and its current clerks.
  let clerks: ClerkRow[] | null = null;
  if (station) {
    const acted = new Set([...hist.map((h) => h.clerk), ...reasons.map((r) => r.clerk)].filter(Boolean));
    const users = await db.user.findMany({
      where: {
        OR: [{ id: { in: [...acted] } }, { role: "clerk", stationId: station.code }],
      },
      select: {
        id: true,
        realName: true,
        username: true,
        disabled: true,
        stationId: true,
      },
      orderBy: { username: "asc" },
    });
    const refusalsByClerk = new Map<string, { n: number; reasons: Record<string, number> }>();
    for (const x of reasons) {
      const c = refusalsByClerk.get(x.clerk) ?? { n: 0, reasons: {} };
      if (x.code === ALL_REFUSALS) c.n += x.n;
      else c.reasons[x.code] = (c.reasons[x.code] ?? 0) + x.n;
      refusalsByClerk.set(x.clerk, c);
    }
    clerks = users.map((u) => {
      const acceptance = statsFor(`clerk:${u.id}|accept`);
      const decision = statsFor(`clerk:${u.id}|decide`);
      const r = refusalsByClerk.get(u.id);
      return {
        clerkId: u.id,
        name: `${u.realName}${u.username ? `（${u.username}）` : ""}`,
        active: !u.disabled && u.stationId === station.code,
        acceptance,
        decision,
        handled: acceptance.count + decision.count,
        refusals: r?.n ?? 0,
        reasons: r?.reasons ?? {},
      };
    });
  }
  return {
    scope,
    period,
    rows: [...rows.values()],
    total,
    refusalsByReason: [...byCode.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    clerks,
    station: station ? { id: station.code, name: station.name } : null,
    limits: {
      acceptanceWorkingDays: limits.acceptanceWorkingDays,
      decisionWorkingDays: limits.decisionWorkingDays,
    },
  };
}
