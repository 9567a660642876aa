import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import { ACTIVE_STATUSES } from "@/lib/filings/status";
import { notFound } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { defineAction, type GuardContext } from "@/lib/auth/run-action";
import type { RateLimitRule } from "@/lib/http/rate-limit";
import { csvResponse } from "@/lib/csv";
import { resolveDashboardScope, type DashboardScope } from "./dashboard-scope";
import { periodFrom, periodSchema, type Period } from "./period";
import { transfersReport, type TransfersReport } from "./transfers";
import { urbanizationReport, type UrbanizationReport } from "./urbanization";
import { serviceReport, type ServiceReport } from "./service";
import { TABLE_KEYS, csvLabel, csvValue, dashboardTable, tableFileName, tablePart, type DashboardPart, type DashboardParts } from "./tables";

/** The officials' dashboard (plan 一, 四(一)): transfers against targets, urbanization, service. */

export const DASHBOARD_ROLES = ["official"] as const;

/** Reading dashboards is reading: a more generous limit than acting. */
const DASHBOARD_RATE: RateLimitRule = {
  name: "dashboard",
  limit: 300,
  windowMs: 60_000,
};

/**
 * Every dashboard action: officials only, with the dashboard's rate limit, reading from the
 * replica when one is set (a report may read slightly old data).
 */
export function defineDashboardAction<S extends z.ZodType, O>(
  opts: { action: string; schema: S; auditEvent?: boolean },
  handler: (ctx: GuardContext, input: z.output<S>) => Promise<O>,
) {
  return defineAction({ ...opts, roles: DASHBOARD_ROLES, rateLimit: DASHBOARD_RATE, reads: "replica" }, handler);
}

const optionalCounty = z.preprocess((v) => (v === "" || v === null ? undefined : v), z.string().trim().max(32).optional());

export const dashboardQuerySchema = periodSchema.safeExtend({
  county: optionalCounty,
});
export type DashboardQuery = z.input<typeof dashboardQuerySchema>;

export type Dashboard = {
  scope: DashboardScope;
  period: Period;
  transfers: TransfersReport;
  urbanization: UrbanizationReport;
  service: ServiceReport;
  alerts: StationAlert[];
  generatedAt: Date;
};

/** A station with open filings and no active clerk: nobody can work them (issue 15 alerts). */
export type StationAlert = {
  stationId: string;
  stationName: string;
  countyCode: string;
  open: number;
};

export async function stationAlerts(db: Db, scope: DashboardScope): Promise<StationAlert[]> {
  const county = scope.kind === "county" ? Prisma.sql`AND s."countyCode" = ${scope.countyCode}` : Prisma.empty;
  return db.$queryRaw<StationAlert[]>`
    SELECT s."id" AS "stationId", s."name" AS "stationName", s."countyCode", SUM(q."n")::int AS open
      FROM "QueueCount" q JOIN "PoliceStation" s ON s."id" = q."stationId"
     WHERE q."status" IN (${Prisma.join(ACTIVE_STATUSES.map((st) => Prisma.sql`${st}::"ApplicationStatus"`))}) ${county}
       AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u."stationId" = s."id" AND u."role" = 'clerk' AND NOT u."disabled")
     GROUP BY 1, 2, 3
    HAVING SUM(q."n") > 0
     ORDER BY s."countyCode", s."name"`;
}

const ALL_PARTS: readonly DashboardPart[] = ["transfers", "urbanization", "service"];

/** Some or all reports for a scope and period. */
export async function loadDashboardParts(
  db: Db,
  scope: DashboardScope,
  period: Period,
  parts: readonly DashboardPart[],
  now = new Date(),
): Promise<DashboardParts> {
  // Sequential on purpose: inside the guard's transaction the queries share one connection.
  const out: DashboardParts = {};
  if (parts.includes("transfers")) out.transfers = await transfersReport(db, scope, period, now);
  if (parts.includes("urbanization")) out.urbanization = await urbanizationReport(db, scope, period.year, now);
  if (parts.includes("service")) out.service = await serviceReport(db, scope, period, now);
  return out;
}

export async function loadDashboard(db: Db, user: SessionUser, input: z.output<typeof dashboardQuerySchema>, now = new Date()): Promise<Dashboard> {
  const scope = resolveDashboardScope(user, input.county);
  const period = periodFrom(input, now);
  const parts = await loadDashboardParts(db, scope, period, ALL_PARTS, now);
  const alerts = await stationAlerts(db, scope);
  return {
    scope,
    period,
    transfers: parts.transfers!,
    urbanization: parts.urbanization!,
    service: parts.service!,
    alerts,
    generatedAt: now,
  };
}

/**
 * Aggregates only (no personal data), so a view is not written to the audit trail; an
 * attempt to open another county is (the guard audits every "not found").
 */
export const viewDashboardDef = defineDashboardAction({ action: "stats.dashboard.view", schema: dashboardQuerySchema, auditEvent: false }, async (ctx, input) =>
  loadDashboard(ctx.tx, ctx.user, input),
);

export const exportDashboardSchema = dashboardQuerySchema.safeExtend({
  table: z.enum(TABLE_KEYS, { error: "未知的统计表" }),
});

/** One dashboard table as CSV (UTF-8 with BOM); the same scope rules as the page, and audited. */
export const exportDashboardCsvDef = defineDashboardAction({ action: "stats.export", schema: exportDashboardSchema }, async (ctx, input) => {
  const now = new Date();
  const scope = resolveDashboardScope(ctx.user, input.county);
  const period = periodFrom(input, now);
  const parts = await loadDashboardParts(ctx.tx, scope, period, [tablePart(input.table)], now);
  const table = dashboardTable({ scope, period, ...parts }, input.table);
  ctx.audit({
    entityType: "dashboard_table",
    entityId: input.table,
    countyCode: scope.kind === "county" ? scope.countyCode : ctx.user.countyCode,
    details: {
      table: input.table,
      year: period.year,
      month: period.month,
      rows: table.rows.length,
    },
  });
  return csvResponse(
    tableFileName({ scope, period }, table),
    table.columns.map(csvLabel),
    table.rows.map((r) => r.map((v, i) => csvValue(v, table.columns[i].format))),
  );
});

export const stationPerformanceSchema = periodSchema.safeExtend({
  station: z.string().trim().min(1).max(40),
});

export type StationPerformance = {
  scope: DashboardScope;
  period: Period;
  service: ServiceReport;
  generatedAt: Date;
};

/**
 * One station's performance: its clerks (handled, median and p90 working days, refusals and
 * their reasons). A county official only for a station of their county (another → 404).
 */
export const viewStationPerformanceDef = defineDashboardAction(
  { action: "stats.station.view", schema: stationPerformanceSchema, auditEvent: false },
  async (ctx, input): Promise<StationPerformance> => {
    const now = new Date();
    const st = await ctx.tx.policeStation.findUnique({
      where: { id: input.station },
      select: { countyCode: true },
    });
    if (!st) throw notFound("派出所");
    const scope = resolveDashboardScope(ctx.user, st.countyCode);
    const period = periodFrom(input, now);
    return {
      scope,
      period,
      service: await serviceReport(ctx.tx, scope, period, now, input.station),
      generatedAt: now,
    };
  },
);
