import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import type { ApplicationStatus, Channel } from "@/lib/generated/prisma/enums";
import { ACTIVE_STATUSES } from "@/lib/filings/status";
import { CHANNELS } from "@/lib/schemas/eligibility";
import { scopeUnits, type DashboardScope, type Unit } from "./dashboard-scope";
import { isWholeYear, makePeriod, type Period } from "./period";
import { countersInRange } from "./rollup-range";
import { computePace, loadTargets, type Pace } from "./targets";
import { loadPlans, planContext, transferProgress, type PlanRow, type TransferProgress } from "./plans";

/**
 * Transfers (转户): filings by channel and by what happened to them in the period, and the
 * people settled against the year's target.
 *
 * Why counters: at a million filings, counting events per period from the filings (or their
 * timelines) means scanning hundreds of thousands of rows per page view. transition() bumps
 * DailyCounter (day × station × channel × event → filings, people) in the same transaction
 * as every state change, so a year is at most 366 × stations × channels × events small rows,
 * summed by the (countyCode, day) index or the (day, …) primary key — and exactly as
 * consistent as the filings themselves. Completed settlements are the "registered" event's
 * `persons`: a household filing counts every member (personsCount).
 */

/** The counter events shown as columns, in the order a filing meets them. */
export const COUNTER_EVENTS = ["submitted", "supplement_requested", "accepted", "approved", "refused", "moved_out", "registered", "withdrawn"] as const;
export type CounterEvent = (typeof COUNTER_EVENTS)[number];

export const COUNTER_EVENT_LABELS: Readonly<Record<CounterEvent, string>> = {
  submitted: "提交",
  supplement_requested: "补正告知",
  accepted: "受理",
  approved: "准予迁入",
  refused: "不予批准",
  moved_out: "迁出",
  registered: "落户完成",
  withdrawn: "撤回",
};

export type Count = { filings: number; persons: number };
export type EventCounts = Record<CounterEvent, Count>;

const emptyCounts = (): EventCounts => Object.fromEntries(COUNTER_EVENTS.map((e) => [e, { filings: 0, persons: 0 }])) as EventCounts;
const isCounterEvent = (e: string): e is CounterEvent => (COUNTER_EVENTS as readonly string[]).includes(e);

type CounterRow = {
  unit: string;
  channel: Channel;
  event: string;
  filings: number;
  persons: number;
  ruralPersons: number;
};

/**
 * Counter sums for a day range, by unit (county or station), channel and event: whole months
 * from MonthlyCounter, the edges from DailyCounter (lib/stats/rollup-range.ts). `stationId`
 * narrows a county to one station.
 */
export async function counterSums(
  db: Db,
  scope: DashboardScope,
  from: string,
  to: string,
  events?: readonly string[],
  stationId?: string,
): Promise<CounterRow[]> {
  const unit = scope.kind === "city" ? Prisma.sql`"countyCode"` : Prisma.sql`"stationId"`;
  const county = scope.kind === "county" ? Prisma.sql`AND "countyCode" = ${scope.countyCode}` : Prisma.empty;
  const station = stationId ? Prisma.sql`AND "stationId" = ${stationId}` : Prisma.empty;
  const only = events?.length ? Prisma.sql`AND "event" IN (${Prisma.join(events)})` : Prisma.empty;
  return db.$queryRaw<CounterRow[]>`
    SELECT ${unit} AS unit, "channel"::text AS channel, "event",
           SUM("filings")::int AS filings, SUM("persons")::int AS persons, SUM("ruralPersons")::int AS "ruralPersons"
      FROM (${countersInRange(from, to)}) c
     WHERE TRUE ${county} ${station} ${only}
     GROUP BY 1, 2, 3`;
}

/** Open filings per state (persons are not counted for open filings: see openCounts). */
export type OpenCount = Record<"submitted" | "supplement_requested" | "accepted" | "approved" | "moved_out", Count>;
export const OPEN_STATUS_COLUMNS = ACTIVE_STATUSES as readonly (keyof OpenCount)[];

export type TransferUnitRow = Unit & {
  events: EventCounts;
  /** Filings open right now (not bound to the period), by state. */
  open: OpenCount;
  /** City view: the county's share of the target and its progress this year. */
  pace: Pace | null;
};

export type TransfersReport = {
  scope: DashboardScope;
  period: Period;
  units: TransferUnitRow[];
  total: EventCounts;
  byChannel: Array<{ channel: Channel; events: EventCounts; open: OpenCount }>;
  openTotal: OpenCount;
  /**
   * 转户 this year so far (rural people settled, year to date whatever the period shown) against
   * the plan's yearly average (city) or the city's breakdown (county) — for information.
   */
  pace: Pace;
  /** The plan's period so far against its average (city); the county's years (county). */
  progress: TransferProgress;
  plan: PlanRow | null;
  noPlanNote: string | null;
  targets: {
    sumOfShares: number;
    planAverage: number | null;
    sharesShort: boolean;
  };
};

const emptyOpen = (): OpenCount => Object.fromEntries(OPEN_STATUS_COLUMNS.map((s) => [s, { filings: 0, persons: 0 }])) as OpenCount;

/**
 * The open filings now, by unit, channel and state: read from QueueCount, the per-station
 * count the clerk queue keeps exact with triggers on "Application" (same transaction as every
 * change) — a few hundred rows instead of the open filings themselves. A station's filings
 * belong to its county. People are not kept there: open filings are shown in filings.
 */
async function openCounts(db: Db, scope: DashboardScope) {
  const county = scope.kind === "county" ? Prisma.sql`AND s."countyCode" = ${scope.countyCode}` : Prisma.empty;
  const unit = scope.kind === "city" ? Prisma.sql`s."countyCode"` : Prisma.sql`q."stationId"`;
  return db.$queryRaw<
    Array<{
      unit: string;
      channel: Channel;
      status: ApplicationStatus;
      filings: number;
    }>
  >`
    SELECT ${unit} AS unit, q."channel"::text AS channel, q."status"::text AS status, SUM(q."n")::int AS filings
      FROM "QueueCount" q JOIN "PoliceStation" s ON s."id" = q."stationId"
     WHERE q."status" IN (${Prisma.join(ACTIVE_STATUSES.map((st) => Prisma.sql`${st}::"ApplicationStatus"`))}) ${county}
     GROUP BY 1, 2, 3`;
}

export async function transfersReport(db: Db, scope: DashboardScope, period: Period, now = new Date()): Promise<TransfersReport> {
  const year = makePeriod(period.year);
  const [units, rows, ytd, open, targets] = await Promise.all([
    scopeUnits(db, scope),
    counterSums(db, scope, period.from, period.to),
    // Settled people this year by county (for the targets): only when the period is not the year itself.
    !isWholeYear(period) ? counterSums(db, scope, year.from, year.to, ["registered"]) : Promise.resolve(null),
    openCounts(db, scope),
    loadTargets(db, period.year),
  ]);
  const ctx = planContext(await loadPlans(db), period.year);
  const progress = await transferProgress(db, ctx, period.year, scope.kind === "county" ? scope.countyCode : undefined, now);
  const byUnit = new Map(
    units.map((u) => [
      u.code,
      {
        ...u,
        events: emptyCounts(),
        open: emptyOpen(),
        pace: null as Pace | null,
      },
    ]),
  );
  const byChannel = new Map(CHANNELS.map((c) => [c, { channel: c, events: emptyCounts(), open: emptyOpen() }]));
  const total = emptyCounts();
  const openTotal = emptyOpen();
  const add = (into: Count, r: Count) => {
    into.filings += r.filings;
    into.persons += r.persons;
  };
  for (const r of rows) {
    if (!isCounterEvent(r.event)) continue;
    const u = byUnit.get(r.unit);
    if (u) add(u.events[r.event], r);
    add(byChannel.get(r.channel)!.events[r.event], r);
    add(total[r.event], r);
  }
  for (const r of open) {
    const status = r.status as keyof OpenCount;
    const c = { filings: r.filings, persons: 0 };
    const u = byUnit.get(r.unit);
    if (u) add(u.open[status], c);
    add(byChannel.get(r.channel)!.open[status], c);
    add(openTotal[status], c);
  }

  // 转户 this year: rural people settled (one definition, lib/stats/plans.ts), per unit and in all.
  const settledByUnit = new Map<string, number>();
  for (const r of ytd ?? rows) {
    if (r.event === "registered") settledByUnit.set(r.unit, (settledByUnit.get(r.unit) ?? 0) + r.ruralPersons);
  }
  const settled = [...settledByUnit.values()].reduce((a, b) => a + b, 0);
  const plan = ctx.plan;
  if (scope.kind === "city") {
    for (const u of byUnit.values())
      u.pace = computePace(period.year, plan ? (targets.byCounty.get(u.code) ?? null) : null, settledByUnit.get(u.code) ?? 0, now, { strict: false });
  }
  const scopeTarget = !plan ? null : scope.kind === "city" ? plan.transfersPerYear : (targets.byCounty.get(scope.countyCode) ?? null);
  return {
    scope,
    period,
    units: [...byUnit.values()],
    total,
    byChannel: [...byChannel.values()],
    openTotal,
    pace: computePace(period.year, scopeTarget, settled, now, {
      strict: false,
    }),
    progress,
    plan,
    noPlanNote: ctx.noPlanNote,
    targets: {
      sumOfShares: targets.sumOfShares,
      planAverage: plan?.transfersPerYear ?? null,
      sharesShort: !!plan && targets.byCounty.size > 0 && targets.sumOfShares < plan.transfersPerYear,
    },
  };
}
