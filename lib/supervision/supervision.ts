import { z } from "zod";
import { blankAsUndefined, isoDateFilter } from "@/lib/schemas/filters";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import { defineAction } from "@/lib/auth/run-action";
import type { SessionUser } from "@/lib/auth/roles";
import { countyScope, stationInCounty } from "@/lib/auth/scope";
import { beijingDate, startOfBeijingDay } from "@/lib/calendar/working-days";

/**
 * Supervision (四(四)): attempts to impose a forbidden or unset condition — every refused
 * attempt whose audit event (`<action>.denied`) names a criterion — per station and per clerk
 * for a period, with the events themselves as the drill-down. Officials see their county
 * (a city official the whole city), auditors everything.
 */

export const SUPERVISION_ROLES = ["official", "auditor"] as const;

const ymd = isoDateFilter;
const optional = blankAsUndefined;

export const supervisionSchema = z
  .object({
    from: optional(ymd),
    to: optional(ymd),
    /** Drill-down: one station's or one clerk's attempts. */
    station: optional(z.string().trim().max(64)),
    clerk: optional(z.string().trim().max(64)),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "结束日期不能早于开始日期" });
export type SupervisionQuery = z.output<typeof supervisionSchema>;

export type SupervisionScope = { countyCode: string | null };

export function supervisionScope(user: SessionUser): SupervisionScope {
  return { countyCode: user.role === "official" ? countyScope(user) : null };
}

/** The period: from the 1st of January of this year to today (Beijing), unless given. */
export function supervisionPeriod(input: { from?: string; to?: string }, now = new Date()) {
  const today = beijingDate(now);
  const from = input.from ?? `${today.slice(0, 4)}-01-01`;
  const to = input.to ?? today;
  return { from, to, start: startOfBeijingDay(from), end: new Date(startOfBeijingDay(to).getTime() + 86_400_000) };
}

/**
 * The names of the refused-attempt actions (`….denied`) in the trail: a skip scan over the
 * (action, at) index — one probe per distinct action — so the queries below use that index
 * instead of reading every event of the period.
 */
async function deniedActions(db: Db): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ a: string }>>(Prisma.sql`
    WITH RECURSIVE acts(a) AS (
      SELECT min("action") FROM "AuditEvent"
      UNION ALL
      SELECT (SELECT min("action") FROM "AuditEvent" WHERE "action" > acts.a) FROM acts WHERE acts.a IS NOT NULL
    )
    SELECT a FROM acts WHERE a LIKE '%.denied'`);
  return rows.map((r) => r.a);
}

/** Denied events with a criterion, in the scope and period (and the drill-down filter). */
function whereSql(actions: string[], scope: SupervisionScope, start: Date, end: Date, filter: { station?: string; clerk?: string } = {}) {
  const parts = [
    Prisma.sql`e."action" IN (${Prisma.join(actions.length ? actions : ["-"])})`,
    Prisma.sql`e."details"->>'criterion' IS NOT NULL`,
    Prisma.sql`e."at" >= ${start}`,
    Prisma.sql`e."at" < ${end}`,
  ];
  if (scope.countyCode) {
    parts.push(
      Prisma.sql`(e."countyCode" = ${scope.countyCode} OR e."stationId" IN (SELECT "id" FROM "PoliceStation" WHERE "countyCode" = ${scope.countyCode}))`,
    );
  }
  if (filter.station) parts.push(Prisma.sql`e."stationId" = ${filter.station}`);
  if (filter.clerk) parts.push(Prisma.sql`e."actorId" = ${filter.clerk}`);
  return Prisma.join(parts, " AND ");
}

/** The dashboard figure: how many attempts in the scope and period. */
export async function countForbiddenAttempts(db: Db, scope: SupervisionScope, start: Date, end: Date): Promise<number> {
  const actions = await deniedActions(db);
  if (actions.length === 0) return 0;
  const rows = await db.$queryRaw<Array<{ n: number }>>(
    Prisma.sql`SELECT count(*)::int AS "n" FROM "AuditEvent" e WHERE ${whereSql(actions, scope, start, end)}`,
  );
  return Number(rows[0]?.n ?? 0);
}

export type SupervisionEvent = {
  id: string;
  at: Date;
  action: string;
  actorName: string | null;
  stationName: string | null;
  applicationId: string | null;
  reference: string | null;
  criterion: string;
  clause: string | null;
  field: string | null;
  text: string | null;
};

export type SupervisionReport = {
  period: { from: string; to: string };
  scope: SupervisionScope;
  total: number;
  byStation: Array<{ stationId: string | null; stationName: string; countyCode: string | null; attempts: number; clerks: number }>;
  byClerk: Array<{ actorId: string | null; actorName: string; stationId: string | null; stationName: string; attempts: number }>;
  byCriterion: Array<{ criterion: string; clause: string | null; attempts: number }>;
  /** The drill-down: the latest events (all of the filter when a station or clerk is chosen). */
  events: SupervisionEvent[];
  filter: { station: string | null; clerk: string | null };
};

export async function supervisionReport(db: Db, scope: SupervisionScope, input: SupervisionQuery, now = new Date()): Promise<SupervisionReport> {
  const p = supervisionPeriod(input, now);
  if (input.station && scope.countyCode) await stationInCounty(db, input.station, scope.countyCode);
  const actions = await deniedActions(db);
  const groups = await db.$queryRaw<
    Array<{ stationId: string | null; actorId: string | null; criterion: string; clause: string | null; n: number }>
  >(Prisma.sql`
    SELECT e."stationId", e."actorId", e."details"->>'criterion' AS "criterion", e."details"->>'clause' AS "clause", count(*)::int AS "n"
    FROM "AuditEvent" e
    WHERE ${whereSql(actions, scope, p.start, p.end)}
    GROUP BY 1, 2, 3, 4`);
  const events = await db.$queryRaw<Array<Omit<SupervisionEvent, "id"> & { id: bigint }>>(Prisma.sql`
    SELECT e."id", e."at", e."action", u."realName" AS "actorName", s."name" AS "stationName", e."applicationId",
           COALESCE(a."reference", e."details"->>'reference') AS "reference",
           e."details"->>'criterion' AS "criterion", e."details"->>'clause' AS "clause", e."details"->>'field' AS "field", e."details"->>'text' AS "text"
    FROM "AuditEvent" e
    LEFT JOIN "User" u ON u."id" = e."actorId"
    LEFT JOIN "PoliceStation" s ON s."id" = e."stationId"
    LEFT JOIN "Application" a ON a."id" = e."applicationId"
    WHERE ${whereSql(actions, scope, p.start, p.end, { station: input.station, clerk: input.clerk })}
    ORDER BY e."id" DESC
    LIMIT 200`);

  const uniq = (xs: Array<string | null>) => [...new Set(xs.filter((x): x is string => !!x))];
  const [stations, users] = await Promise.all([
    db.policeStation.findMany({ where: { id: { in: uniq(groups.map((g) => g.stationId)) } }, select: { id: true, name: true, countyCode: true } }),
    db.user.findMany({ where: { id: { in: uniq(groups.map((g) => g.actorId)) } }, select: { id: true, realName: true } }),
  ]);
  const st = new Map(stations.map((s) => [s.id, s]));
  const us = new Map(users.map((u) => [u.id, u.realName]));
  const stationName = (id: string | null) => (id ? (st.get(id)?.name ?? id) : "（无派出所：管理或领导账号）");

  const byStation = new Map<string, SupervisionReport["byStation"][number] & { actors: Set<string> }>();
  const byClerk = new Map<string, SupervisionReport["byClerk"][number]>();
  const byCriterion = new Map<string, SupervisionReport["byCriterion"][number]>();
  let total = 0;
  for (const g of groups) {
    const n = Number(g.n);
    total += n;
    const sk = g.stationId ?? "";
    const s = byStation.get(sk) ?? {
      stationId: g.stationId,
      stationName: stationName(g.stationId),
      countyCode: g.stationId ? (st.get(g.stationId)?.countyCode ?? null) : null,
      attempts: 0,
      clerks: 0,
      actors: new Set<string>(),
    };
    s.attempts += n;
    if (g.actorId) s.actors.add(g.actorId);
    byStation.set(sk, s);
    const ck = `${g.actorId ?? ""}|${sk}`;
    const c = byClerk.get(ck) ?? {
      actorId: g.actorId,
      actorName: g.actorId ? (us.get(g.actorId) ?? "—") : "—",
      stationId: g.stationId,
      stationName: stationName(g.stationId),
      attempts: 0,
    };
    c.attempts += n;
    byClerk.set(ck, c);
    const k = `${g.criterion}|${g.clause ?? ""}`;
    const k2 = byCriterion.get(k) ?? { criterion: g.criterion, clause: g.clause, attempts: 0 };
    k2.attempts += n;
    byCriterion.set(k, k2);
  }
  const desc = <T extends { attempts: number }>(xs: Iterable<T>) => [...xs].sort((a, b) => b.attempts - a.attempts);
  return {
    period: { from: p.from, to: p.to },
    scope,
    total,
    byStation: desc(byStation.values()).map(({ actors, ...s }) => ({ ...s, clerks: actors.size })),
    byClerk: desc(byClerk.values()),
    byCriterion: desc(byCriterion.values()),
    events: events.map((e) => ({ ...e, id: e.id.toString() })),
    filter: { station: input.station ?? null, clerk: input.clerk ?? null },
  };
}

/** The supervision page: reading it is audited with its filter. */
export const viewSupervisionDef = defineAction({ roles: SUPERVISION_ROLES, action: "supervision.view", schema: supervisionSchema }, async (ctx, input) => {
  const scope = supervisionScope(ctx.user);
  ctx.audit({ entityType: "supervision", details: { filter: input, county: scope.countyCode } });
  return supervisionReport(ctx.tx, scope, input);
});

/** The figure on the official dashboard (a count only; the page behind it is audited). */
export const supervisionFigureDef = defineAction(
  { roles: SUPERVISION_ROLES, action: "supervision.figure", schema: z.object({ from: optional(ymd), to: optional(ymd) }), auditEvent: false },
  async (ctx, input) => {
    const scope = supervisionScope(ctx.user);
    const p = supervisionPeriod(input);
    return { attempts: await countForbiddenAttempts(ctx.tx, scope, p.start, p.end), from: p.from, to: p.to, scope };
  },
);
