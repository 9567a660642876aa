import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ApplicationStatus, Channel } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/db/types";
import { stationInCounty } from "@/lib/auth/scope";
import { ACTIVE_STATUSES } from "@/lib/filings/status";
import { STATION_CLOCK_STATUSES } from "@/lib/review/queue-tabs";
import { resolveDashboardScope, scopeLabel, type DashboardScope } from "./dashboard-scope";
import { periodFrom, periodSchema, type Period } from "./period";
import { countersInRange, grainRange } from "./rollup-range";
import { ALL_REFUSALS } from "./rollups";
import { overdueByStation } from "@/lib/review/queue";
import { defineDashboardAction } from "./dashboard";

/**
 * The filings behind a dashboard count, read-only and within the official's scope (a county
 * official: their county only; a station must belong to the county asked for). Every count
 * that links here uses the same definition as the dashboard:
 *   overdue    open on the station's clock (submitted, accepted) past its due date now
 *   open       open now (not bound to the period), optionally one state
 *   refused    final refusals decided in the period (a reopened refusal is not one)
 *   registered settlements completed in the period
 * Names are personal data: each list view is audited. No ID numbers are shown.
 */

export const DRILL_KINDS = ["overdue", "open", "refused", "registered"] as const;
export type DrillKind = (typeof DRILL_KINDS)[number];
export const DRILL_LABELS: Readonly<Record<DrillKind, string>> = {
  overdue: "当前超期在办",
  open: "当前在办",
  refused: "不予批准（最终决定）",
  registered: "落户完成",
};

const optional = (max: number) => z.preprocess((v) => (v === "" || v === null ? undefined : v), z.string().trim().max(max).optional());

export const officialFilingsSchema = periodSchema.safeExtend({
  kind: z.enum(DRILL_KINDS, { error: "未知的统计口径" }),
  county: optional(32),
  station: optional(40),
  status: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.enum(ACTIVE_STATUSES as [ApplicationStatus, ...ApplicationStatus[]]).optional()),
  /** Keyset cursor: the last row's sort value and id ("<iso>|<id>"). */
  after: optional(120),
});
export type OfficialFilingsQuery = z.output<typeof officialFilingsSchema>;
export type OfficialFilingsInput = z.input<typeof officialFilingsSchema>;

export type OfficialFilingRow = {
  id: string;
  reference: string | null;
  channel: Channel;
  status: ApplicationStatus;
  stationName: string;
  countyCode: string;
  applicantName: string;
  personsCount: number;
  submittedAt: Date | null;
  dueAt: Date | null;
  decidedAt: Date | null;
  completedAt: Date | null;
};

export type OfficialFilings = {
  scope: DashboardScope;
  station: { id: string; name: string } | null;
  kind: DrillKind;
  status: ApplicationStatus | null;
  period: Period;
  rows: OfficialFilingRow[];
  /** How many there are in all (the dashboard's count). */
  total: number;
  nextCursor: string | null;
  title: string;
};

const PAGE = 50;

export async function listOfficialFilings(db: Db, scope: DashboardScope, input: OfficialFilingsQuery, now = new Date()): Promise<OfficialFilings> {
  const period = periodFrom(input, now);
  const station = input.station ? await stationInCounty(db, input.station, scope.kind === "county" ? scope.countyCode : null) : null;
  // The scope's stations by id: each (station, state) pair walks its own index in sort order
  // (the clerk queue's (stationId, status, dueAt) and (stationId, decidedAt) indexes), and the
  // first page is merged from those short runs: exact, and never a sort of every match.
  const stationIds = station
    ? [station.id]
    : (await db.policeStation.findMany({ where: scope.kind === "county" ? { countyCode: scope.countyCode } : {}, select: { id: true } })).map((x) => x.id);
  const county = scope.kind === "county" && !station ? Prisma.sql`AND a."destinationCounty" = ${scope.countyCode}` : Prisma.empty;
  const spec = drillSpec(input, period, now);
  const col = Prisma.raw(`a."${spec.sortCol}"`);
  const total = await drillTotal(db, input.kind, spec, stationIds, county, station ? null : scope, period, now);
  let cursor = Prisma.empty;
  if (input.after) {
    const [at, id] = input.after.split("|");
    const when = new Date(at);
    if (id && !Number.isNaN(when.getTime())) cursor = Prisma.sql`AND (${col}, a."id") > (${when}, ${id})`;
  }
  const rows = stationIds.length
    ? await db.$queryRaw<Array<OfficialFilingRow & { sortAt: Date | null }>>`
    SELECT x.*, s."name" AS "stationName"
      FROM unnest(${stationIds}::text[]) AS k(sid)
     CROSS JOIN unnest(${spec.statuses}::text[]) AS st(status)
     CROSS JOIN LATERAL (
       SELECT a."id", a."reference", a."channel"::text AS channel, a."status"::text AS status, a."stationId", a."destinationCounty" AS "countyCode",
              a."applicantName", a."personsCount", a."submittedAt", a."dueAt", a."decidedAt", a."completedAt", ${col} AS "sortAt"
         FROM "Application" a
        WHERE a."stationId" = k.sid AND a."status" = st.status::"ApplicationStatus" AND ${spec.range} ${county} ${cursor}
        ORDER BY ${col} ASC NULLS LAST, a."id" ASC
        LIMIT ${PAGE + 1}
     ) x
      JOIN "PoliceStation" s ON s."id" = x."stationId"
     ORDER BY x."sortAt" ASC NULLS LAST, x."id" ASC
     LIMIT ${PAGE + 1}`
    : [];
  const more = rows.length > PAGE;
  const page = rows.slice(0, PAGE);
  const last = page.at(-1);
  const where2 = station ? station.name : scopeLabel(scope);
  return {
    scope,
    station: station ? { id: station.id, name: station.name } : null,
    kind: input.kind,
    status: input.status ?? null,
    period,
    rows: page.map((r) => ({
      id: r.id,
      reference: r.reference,
      channel: r.channel,
      status: r.status,
      stationName: r.stationName,
      countyCode: r.countyCode,
      applicantName: r.applicantName,
      personsCount: r.personsCount,
      submittedAt: r.submittedAt,
      dueAt: r.dueAt,
      decidedAt: r.decidedAt,
      completedAt: r.completedAt,
    })),
    total,
    nextCursor: more && last?.sortAt ? `${last.sortAt.toISOString()}|${last.id}` : null,
    title: `${where2}：${DRILL_LABELS[input.kind]}${input.kind === "refused" || input.kind === "registered" ? `（${period.label}）` : ""}`,
  };
}

type DrillSpec = { statuses: ApplicationStatus[]; range: Prisma.Sql; sortCol: "dueAt" | "submittedAt" | "decidedAt" | "completedAt" };

/** Which filings a drill-down lists: their states, the condition on top, and the sort column. */
function drillSpec(input: OfficialFilingsQuery, period: Period, now: Date): DrillSpec {
  switch (input.kind) {
    case "overdue":
      return { statuses: [...STATION_CLOCK_STATUSES], range: Prisma.sql`a."dueAt" < ${now}`, sortCol: "dueAt" };
    case "open":
      return { statuses: input.status ? [input.status] : [...ACTIVE_STATUSES], range: Prisma.sql`TRUE`, sortCol: "submittedAt" };
    case "refused":
      return { statuses: ["refused"], range: Prisma.sql`a."decidedAt" >= ${period.start} AND a."decidedAt" < ${period.end}`, sortCol: "decidedAt" };
    case "registered":
      return { statuses: ["registered"], range: Prisma.sql`a."completedAt" >= ${period.start} AND a."completedAt" < ${period.end}`, sortCol: "completedAt" };
  }
}

/**
 * How many there are in all — the dashboard's own number: final refusals from RefusalCount and
 * settlements from the counters (the rollups the dashboard reads, kept in each transition's
 * transaction); overdue as the dashboard counts it (per station of the scope:
 * overdueByStation in lib/review/queue.ts); the open states counted from the filings by the queue's indexes.
 */
async function drillTotal(
  db: Db,
  kind: DrillKind,
  spec: DrillSpec,
  stationIds: string[],
  county: Prisma.Sql,
  /** The scope when no single station is asked for (a county's rows are its destination county's). */
  scope: DashboardScope | null,
  period: Period,
  now: Date,
): Promise<number> {
  if (!stationIds.length) return 0;
  const unitCounty = scope?.kind === "county" ? Prisma.sql`AND "countyCode" = ${scope.countyCode}` : Prisma.empty;
  if (kind === "refused") {
    const [{ n }] = await db.$queryRaw<Array<{ n: number }>>`
      SELECT COALESCE(SUM("n"), 0)::int AS n FROM "RefusalCount"
       WHERE ${grainRange(period.from, period.to)} AND "code" = ${ALL_REFUSALS} AND "stationId" IN (${Prisma.join(stationIds)}) ${unitCounty}`;
    return n;
  }
  if (kind === "registered") {
    const [{ n }] = await db.$queryRaw<Array<{ n: number }>>`
      SELECT COALESCE(SUM("filings"), 0)::int AS n FROM (${countersInRange(period.from, period.to)}) c
       WHERE "event" = 'registered' AND "stationId" IN (${Prisma.join(stationIds)}) ${unitCounty}`;
    return n;
  }
  if (kind === "overdue") return [...(await overdueByStation(db, stationIds, now)).values()].reduce((a, b) => a + b, 0);
  const [{ n }] = await db.$queryRaw<Array<{ n: number }>>`
    SELECT COUNT(*)::int AS n FROM "Application" a
     WHERE a."stationId" IN (${Prisma.join(stationIds)}) AND a."status" IN (${Prisma.join(spec.statuses.map((x) => Prisma.sql`${x}::"ApplicationStatus"`))})
       AND ${spec.range} ${county}`;
  return n;
}

/** The officials' read-only list of filings behind a count (audited: it shows names). */
export const viewOfficialFilingsDef = defineDashboardAction({ action: "stats.filings.view", schema: officialFilingsSchema }, async (ctx, input) => {
  const scope = resolveDashboardScope(ctx.user, input.county);
  const out = await listOfficialFilings(ctx.tx, scope, input);
  ctx.audit({
    entityType: "filing_list",
    entityId: input.kind,
    countyCode: scope.kind === "county" ? scope.countyCode : null,
    details: {
      kind: input.kind,
      station: input.station ?? null,
      status: input.status ?? null,
      from: out.period.from,
      to: out.period.to,
      rows: out.rows.length,
      total: out.total,
    },
  });
  return out;
});
