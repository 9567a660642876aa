import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import { startOfBeijingDay } from "@/lib/calendar/working-days";
import { STATION_CLOCK_STATUSES } from "@/lib/review/queue-tabs";
import { DEFAULT_RULE_SET_DATA } from "@/lib/rules/default-rule-set";
import type { RuleSetData } from "@/lib/rules/types";
import { scopeUnits, type DashboardScope, type Unit } from "./dashboard-scope";
import { counterSums } from "./transfers";
import { DayMemo, type DayCheck, type DayValue } from "./day-memo";
import { dateOnly, type Period } from "./period";

/**
 * Service (办理时效): how fast stations accept and decide, per station within a county (per
 * county for the city).
 *
 * - Working days from submission to acceptance (filings ACCEPTED in the period) and from
 *   submission to decision (filings DECIDED in the period: approvals and refusals): median and
 *   90th percentile. Percentiles need every duration, not sums (the DailyCounter sums give
 *   means only, which a few forgotten filings skew), so they come from the filings:
 *   - the period's rows are read by index-only scans of the covering (acceptedAt, …) and
 *     (decidedAt, …) indexes — no table pages, whatever else a filing holds;
 *   - working days follow the holiday calendar with make-up days, in SQL: one array of each
 *     day's working-day ordinal (a window sum over generate_series and CalendarDay), so
 *     working days between two dates = ord[to] − ord[from], exactly workingDaysBetween() of
 *     lib/calendar; submissions older than CALENDAR_YEARS before the period are clamped to
 *     that start (far beyond any limit anyway);
 *   - PostgreSQL returns a histogram (station, day, working days → filings, late): working
 *     days are small integers, so a year of 100,000+ filings comes back as a few thousand
 *     rows, hashed without a sort; the median and p90 are then computed from it exactly as
 *     percentile_cont does (linear interpolation between order statistics), per unit and in
 *     total;
 *   - the per-day histograms are remembered (DayMemo) and checked against the day's
 *     DailyCounter: after the first load only the days with new acceptances or decisions —
 *     in practice today — are counted again.
 * - Overdue: acceptance later than the acceptance limit, decision later than the decision
 *   limit after acceptance (after submission when refused without acceptance), using the time
 *   limits of the rule set that judged the filing (the current ones when none); plus the open
 *   filings past their due date now (the clerk queue's (stationId, status, dueAt) index).
 * - Supplement rate = 补正告知 sent ÷ filings submitted in the period (DailyCounter).
 * - Refusals by reason code (a refusal may give several; a head's revocation counts too).
 */

const CALENDAR_YEARS = 3;

export type StepStats = { count: number; median: number | null; p90: number | null; late: number };

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
};

export type RefusalReasonRow = { code: string; label: string; clause: string | null; count: number; byUnit: Record<string, number> };

export type ServiceReport = {
  scope: DashboardScope;
  period: Period;
  rows: ServiceRow[];
  total: ServiceRow;
  refusalsByReason: RefusalReasonRow[];
  limits: { acceptanceWorkingDays: number; decisionWorkingDays: number };
};

const emptyStep = (): StepStats => ({ count: 0, median: null, p90: null, late: 0 });

type Step = "accept" | "decide";
type Bucket = [wd: number, n: number, late: number];
type HistogramRow = { station: string; step: Step; wd: number; n: number; late: number };

function ymdMinusYears(ymd: string, years: number): string {
  return `${Number(ymd.slice(0, 4)) - years}${ymd.slice(4)}`;
}

/**
 * Working days → filings (and how many were late), per station and Beijing day of the step,
 * for one step over a day range — counted from the filings in one statement.
 */
async function countHistograms(db: Db, step: Step, fromDay: string, toDay: string, countyCode: string | null, defaults: RuleSetData["timeLimits"]) {
  const county = countyCode ? Prisma.sql`AND a."destinationCounty" = ${countyCode}` : Prisma.empty;
  const calFrom = ymdMinusYears(fromDay, CALENDAR_YEARS);
  // The working-day ordinal of a timestamp's Beijing date (1-based array index from calFrom);
  // NULL stays NULL. Only submissions can lie before calFrom: they are clamped to it.
  const ord = (col: "submittedAt" | "acceptedAt" | "decidedAt") =>
    col === "submittedAt"
      ? Prisma.raw(`cal.ord[GREATEST((a."submittedAt" + INTERVAL '8 hours')::date - DATE '${calFrom}', 0) + 1]`)
      : Prisma.raw(`cal.ord[((a."${col}" + INTERVAL '8 hours')::date - DATE '${calFrom}') + 1]`);
  const at = step === "accept" ? "acceptedAt" : "decidedAt";
  const col = Prisma.raw(`a."${at}"`);
  const wd = Prisma.sql`${ord(at)} - ${ord("submittedAt")}`;
  const late =
    step === "accept"
      ? Prisma.sql`${wd} > COALESCE(l.acc, ${defaults.acceptanceWorkingDays})`
      : Prisma.sql`${ord("decidedAt")} - COALESCE(${ord("acceptedAt")}, ${ord("submittedAt")}) > COALESCE(l.dec, ${defaults.decisionWorkingDays})`;
  return db.$queryRaw<Array<{ station: string; day: string; wd: number; n: number; late: number }>>`
    WITH cal AS MATERIALIZED (
      SELECT array_agg(ord ORDER BY i) AS ord FROM (
        SELECT g.i, (SUM(CASE WHEN c."kind" = 'workday' THEN 1
                              WHEN c."kind" = 'holiday' THEN 0
                              WHEN EXTRACT(ISODOW FROM ${calFrom}::date + g.i) < 6 THEN 1 ELSE 0 END) OVER (ORDER BY g.i))::int AS ord
          FROM generate_series(0, ${toDay}::date - ${calFrom}::date) AS g(i)
          LEFT JOIN "CalendarDay" c ON c."date" = ${calFrom}::date + g.i
      ) days
    ),
    limits AS MATERIALIZED (
      SELECT "id", ("data"->'timeLimits'->>'acceptanceWorkingDays')::int AS acc, ("data"->'timeLimits'->>'decisionWorkingDays')::int AS dec FROM "RuleSet"
    ),
    steps AS MATERIALIZED (
      SELECT a."stationId" AS station, to_char(${col} + INTERVAL '8 hours', 'YYYY-MM-DD') AS day, ${wd} AS wd, ${late} AS late
        FROM "Application" a CROSS JOIN cal LEFT JOIN limits l ON l."id" = a."ruleSetId"
       WHERE ${col} >= ${startOfBeijingDay(fromDay)} AND ${col} < ${startOfBeijingDay(toDay)}
         AND a."submittedAt" IS NOT NULL AND a."stationId" IS NOT NULL ${county}
    )
    SELECT station, day, wd, COUNT(*)::int AS n, (COUNT(*) FILTER (WHERE late))::int AS late FROM steps GROUP BY 1, 2, 3`;
}

/**
 * The step histograms of a period, remembered per station and day (DayMemo): a day's
 * acceptances are stamped once, in the transaction that bumps the "accepted" counter; a day's
 * decisions come with the "approved"/"refused" counters — except a station head's correction,
 * which moves or clears a decision without a counter, so every correction ever made is part of
 * each day's check (corrections are rare; one recounts everything once).
 */
const histogramMemo: Record<Step, DayMemo<Bucket[]>> = { accept: new DayMemo<Bucket[]>(() => []), decide: new DayMemo<Bucket[]>(() => []) };

async function stepHistogram(db: Db, scope: DashboardScope, period: Period, defaults: RuleSetData["timeLimits"]): Promise<HistogramRow[]> {
  const countyCode = scope.kind === "county" ? scope.countyCode : null;
  const county = countyCode ? Prisma.sql`AND "countyCode" = ${countyCode}` : Prisma.empty;
  const corrections = await db.reviewAction.count({ where: { action: "correct" } });
  const out: HistogramRow[] = [];
  for (const step of ["accept", "decide"] as const) {
    const events = step === "accept" ? ["accepted"] : ["approved", "refused"];
    const checks = await db.$queryRaw<DayCheck[]>`
      SELECT "stationId" AS unit, to_char("day", 'YYYY-MM-DD') AS day, (SUM("filings") + ${step === "decide" ? corrections : 0})::int AS "check"
        FROM "DailyCounter"
       WHERE "event" IN (${Prisma.join(events)}) AND "day" >= ${dateOnly(period.from)} AND "day" < ${dateOnly(period.to)} ${county}
       GROUP BY 1, 2`;
    const days = await histogramMemo[step].read(db, checks, async (fromDay, toDay) => {
      const by = new Map<string, DayValue<Bucket[]>>();
      for (const r of await countHistograms(db, step, fromDay, toDay, countyCode, defaults)) {
        const k = `${r.station}|${r.day}`;
        const v = by.get(k) ?? { unit: r.station, day: r.day, value: [] };
        v.value.push([Number(r.wd), r.n, r.late]);
        by.set(k, v);
      }
      return [...by.values()];
    });
    for (const d of days) for (const [wd, n, late] of d.value) out.push({ station: d.unit, step, wd, n, late });
  }
  return out;
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
  return { count, median: histogramPercentile(hist, 0.5), p90: histogramPercentile(hist, 0.9), late };
}

/**
 * Open filings past their due date, per station: the clerk queue's (stationId, status, dueAt)
 * index answers it for each station and state without reading a filing.
 */
async function openOverdue(db: Db, scope: DashboardScope, now: Date): Promise<Map<string, number>> {
  const stations = await db.policeStation.findMany({ where: scope.kind === "county" ? { countyCode: scope.countyCode } : {}, select: { id: true, countyCode: true } });
  if (!stations.length) return new Map();
  const rows = await db.$queryRaw<Array<{ stationId: string; n: number }>>`
    SELECT "stationId", COUNT(*)::int AS n
      FROM "Application"
     WHERE "stationId" IN (${Prisma.join(stations.map((s) => s.id))})
       AND "status" IN (${Prisma.join(STATION_CLOCK_STATUSES.map((st) => Prisma.sql`${st}::"ApplicationStatus"`))})
       AND "dueAt" < ${now}
     GROUP BY 1`;
  const countyOf = new Map(stations.map((s) => [s.id, s.countyCode]));
  const out = new Map<string, number>();
  for (const r of rows) {
    const key = scope.kind === "city" ? countyOf.get(r.stationId)! : r.stationId;
    out.set(key, (out.get(key) ?? 0) + r.n);
  }
  return out;
}

/**
 * Refusals by reason code per station and day. Reading them means joining each refusal with
 * its filing (for the station), so they are remembered per day (DayMemo) and checked against
 * the day's "refused" counter plus the day's revocations by a station head (those carry
 * reasons but no counter).
 */
const refusalMemo = new DayMemo<Record<string, number>>(() => ({}));
const REFUSALS = Prisma.sql`(ra."action" = 'refuse' OR (ra."action" = 'correct' AND cardinality(ra."reasonCodes") > 0))`;

async function refusalReasons(db: Db, scope: DashboardScope, period: Period): Promise<Array<{ station: string; code: string; n: number }>> {
  const inCounty = (col: Prisma.Sql) => (scope.kind === "county" ? Prisma.sql`AND ${col} = ${scope.countyCode}` : Prisma.empty);
  const checks = await db.$queryRaw<DayCheck[]>`
    SELECT unit, day, SUM(n)::int AS "check" FROM (
      SELECT "stationId" AS unit, to_char("day", 'YYYY-MM-DD') AS day, SUM("filings") AS n
        FROM "DailyCounter"
       WHERE "event" = 'refused' AND "day" >= ${dateOnly(period.from)} AND "day" < ${dateOnly(period.to)} ${inCounty(Prisma.sql`"countyCode"`)}
       GROUP BY 1, 2
      UNION ALL
      SELECT a."stationId", to_char(ra."createdAt" + INTERVAL '8 hours', 'YYYY-MM-DD'), COUNT(*)
        FROM "ReviewAction" ra JOIN "Application" a ON a."id" = ra."applicationId"
       WHERE ra."action" = 'correct' AND cardinality(ra."reasonCodes") > 0 AND ra."createdAt" >= ${period.start} AND ra."createdAt" < ${period.end} ${inCounty(Prisma.sql`a."destinationCounty"`)}
       GROUP BY 1, 2
    ) x WHERE unit IS NOT NULL GROUP BY 1, 2`;
  const days = await refusalMemo.read(db, checks, async (fromDay, toDay) => {
    const rows = await db.$queryRaw<Array<{ unit: string; day: string; codes: string[] }>>`
      SELECT a."stationId" AS unit, to_char(ra."createdAt" + INTERVAL '8 hours', 'YYYY-MM-DD') AS day, ra."reasonCodes" AS codes
        FROM "ReviewAction" ra JOIN "Application" a ON a."id" = ra."applicationId"
       WHERE ${REFUSALS} AND ra."createdAt" >= ${startOfBeijingDay(fromDay)} AND ra."createdAt" < ${startOfBeijingDay(toDay)}
         AND a."stationId" IS NOT NULL ${inCounty(Prisma.sql`a."destinationCounty"`)}`;
    const by = new Map<string, DayValue<Record<string, number>>>();
    for (const r of rows) {
      const k = `${r.unit}|${r.day}`;
      const v = by.get(k) ?? { unit: r.unit, day: r.day, value: {} };
      for (const c of r.codes) v.value[c] = (v.value[c] ?? 0) + 1;
      by.set(k, v);
    }
    return [...by.values()];
  });
  const out = new Map<string, { station: string; code: string; n: number }>();
  for (const d of days) {
    for (const [code, n] of Object.entries(d.value)) {
      const k = `${d.unit}|${code}`;
      const row = out.get(k) ?? { station: d.unit, code, n: 0 };
      row.n += n;
      out.set(k, row);
    }
  }
  return [...out.values()];
}

/** Labels of refusal reasons: those of every stored rule set (admins may add codes), newest first. */
async function reasonLabels(db: Db): Promise<Map<string, { label: string; clause: string }>> {
  const sets = await db.ruleSet.findMany({ orderBy: { createdAt: "asc" }, select: { data: true } });
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

export async function serviceReport(db: Db, scope: DashboardScope, period: Period, now = new Date()): Promise<ServiceReport> {
  const limits = await currentLimits(db, now);
  const units = await scopeUnits(db, scope);
  const [hist, overdue, counters, reasons, labels] = await Promise.all([
    stepHistogram(db, scope, period, limits),
    openOverdue(db, scope, now),
    counterSums(db, scope, period.from, period.to, ["submitted", "supplement_requested", "refused"]),
    refusalReasons(db, scope, period),
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
  });
  const rows = new Map(units.map((u) => [u.code, blank(u)]));
  const total = blank({ code: "total", name: "合计", active: true });
  // Histograms per unit and step, and merged for the total.
  const byKey = new Map<string, { hist: Map<number, number>; late: number }>();
  const addTo = (key: string, wd: number, n: number, late: number) => {
    const h = byKey.get(key) ?? { hist: new Map<number, number>(), late: 0 };
    h.hist.set(wd, (h.hist.get(wd) ?? 0) + n);
    h.late += late;
    byKey.set(key, h);
  };
  const countyOf = new Map((await db.policeStation.findMany({ select: { id: true, countyCode: true } })).map((st) => [st.id, st.countyCode]));
  for (const h of hist) {
    const unit = scope.kind === "city" ? countyOf.get(h.station) : h.station;
    if (unit) addTo(`${unit}|${h.step}`, h.wd, h.n, h.late);
    addTo(`total|${h.step}`, h.wd, h.n, h.late);
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
  total.openOverdue = [...overdue.values()].reduce((a, b) => a + b, 0);
  for (const c of counters) {
    const r = rows.get(c.unit);
    for (const t of r ? [r, total] : [total]) {
      if (c.event === "submitted") t.submitted += c.filings;
      else if (c.event === "supplement_requested") t.supplementRequests += c.filings;
      else if (c.event === "refused") t.refusals += c.filings;
    }
  }
  for (const r of [...rows.values(), total]) {
    const steps = r.acceptance.count + r.decision.count;
    r.overdueShare = steps ? (r.acceptance.late + r.decision.late) / steps : null;
    r.supplementRate = r.submitted ? r.supplementRequests / r.submitted : null;
  }
  const byCode = new Map<string, RefusalReasonRow>();
  for (const x of reasons) {
    const info = labels.get(x.code);
    const row = byCode.get(x.code) ?? { code: x.code, label: info?.label ?? x.code, clause: info?.clause ?? null, count: 0, byUnit: {} };
    const unit = scope.kind === "city" ? countyOf.get(x.station) : x.station;
    row.count += x.n;
    if (unit) row.byUnit[unit] = (row.byUnit[unit] ?? 0) + x.n;
    byCode.set(x.code, row);
  }
  return {
    scope,
    period,
    rows: [...rows.values()],
    total,
    refusalsByReason: [...byCode.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    limits: { acceptanceWorkingDays: limits.acceptanceWorkingDays, decisionWorkingDays: limits.decisionWorkingDays },
  };
}
