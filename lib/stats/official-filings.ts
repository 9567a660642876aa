import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ApplicationStatus, Channel } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/db/types";
import { stationInCounty } from "@/lib/auth/scope";
import { ACTIVE_STATUSES } from "@/lib/filings/status";
import { STATION_CLOCK_STATUSES } from "@/lib/review/queue-tabs";
import { resolveDashboardScope, scopeLabel, type DashboardScope } from "./dashboard-scope";
import { periodFrom, periodSchema, type Period } from "./period";
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
  const where: Prisma.Sql[] = [];
  if (station) where.push(Prisma.sql`a."stationId" = ${station.id}`);
  else {
    // The scope's stations by id: the clerk queue's (stationId, status, dueAt) indexes answer per station.
    const ids = (await db.policeStation.findMany({ where: scope.kind === "county" ? { countyCode: scope.countyCode } : {}, select: { id: true } })).map(
      (x) => x.id,
    );
    where.push(ids.length ? Prisma.sql`a."stationId" IN (${Prisma.join(ids)})` : Prisma.sql`FALSE`);
    if (scope.kind === "county") where.push(Prisma.sql`a."destinationCounty" = ${scope.countyCode}`);
  }
  const statuses = (xs: readonly ApplicationStatus[]) => Prisma.join(xs.map((s) => Prisma.sql`${s}::"ApplicationStatus"`));
  let sortCol: string;
  switch (input.kind) {
    case "overdue":
      where.push(Prisma.sql`a."status" IN (${statuses(STATION_CLOCK_STATUSES)}) AND a."dueAt" < ${now}`);
      sortCol = "dueAt";
      break;
    case "open":
      where.push(Prisma.sql`a."status" IN (${statuses(input.status ? [input.status] : ACTIVE_STATUSES)}) AND a."stationId" IS NOT NULL`);
      sortCol = "submittedAt";
      break;
    case "refused":
      where.push(Prisma.sql`a."status" = 'refused' AND a."decidedAt" >= ${period.start} AND a."decidedAt" < ${period.end}`);
      sortCol = "decidedAt";
      break;
    case "registered":
      where.push(Prisma.sql`a."status" = 'registered' AND a."completedAt" >= ${period.start} AND a."completedAt" < ${period.end}`);
      sortCol = "completedAt";
      break;
  }
  const col = Prisma.raw(`a."${sortCol}"`);
  const base = Prisma.join(where, " AND ");
  const [{ n }] = await db.$queryRaw<Array<{ n: number }>>`SELECT COUNT(*)::int AS n FROM "Application" a WHERE ${base}`;
  let cursor = Prisma.empty;
  if (input.after) {
    const [at, id] = input.after.split("|");
    const when = new Date(at);
    if (id && !Number.isNaN(when.getTime())) cursor = Prisma.sql`AND (${col}, a."id") > (${when}, ${id})`;
  }
  const rows = await db.$queryRaw<Array<OfficialFilingRow & { sortAt: Date | null }>>`
    SELECT a."id", a."reference", a."channel"::text AS channel, a."status"::text AS status, s."name" AS "stationName", a."destinationCounty" AS "countyCode",
           a."applicantName", a."personsCount", a."submittedAt", a."dueAt", a."decidedAt", a."completedAt", ${col} AS "sortAt"
      FROM "Application" a JOIN "PoliceStation" s ON s."id" = a."stationId"
     WHERE ${base} ${cursor}
     ORDER BY ${col} ASC NULLS LAST, a."id" ASC
     LIMIT ${PAGE + 1}`;
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
    total: n,
    nextCursor: more && last?.sortAt ? `${last.sortAt.toISOString()}|${last.id}` : null,
    title: `${where2}：${DRILL_LABELS[input.kind]}${input.kind === "refused" || input.kind === "registered" ? `（${period.label}）` : ""}`,
  };
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
