import "server-only";
import { defineQuery } from "@/lib/auth/run-query";
import type { Db } from "@/lib/db/types";
import { listAllCollectiveHouseholds } from "@/lib/collective/collective-households";
import { listSettlementPlans, loadTransferTargets } from "@/lib/admin/transfer-targets";
import { listStations } from "@/lib/admin/police-stations";
import { listStaff, type StaffRole } from "@/lib/admin/staff-accounts";
import { listRuleSetVersions } from "@/lib/admin/rule-set-editing";
import { calendarYears, listCalendarYear } from "@/lib/admin/holiday-calendar";
import { getCurrentRuleSet, getRuleSet } from "@/lib/rules/rule-set-service";
import { urbanizationReport } from "@/lib/stats/urbanization";

/**
 * The read path of the administrators' pages (app/admin/**): guarded queries (lib/auth/run-query.ts),
 * run by pages with `runQuery(user, query, input)`. Administration data only, no personal data views.
 */
const ADMIN = ["admin"] as const;
const orderByCode = { code: "asc" } as const;

function stationOptions(db: Db, where: { active?: boolean; OR?: Array<{ active?: boolean; id?: string }> } = {}) {
  return db.policeStation.findMany({ where, orderBy: orderByCode, select: { id: true, name: true, countyCode: true } });
}

export const collectiveListQuery = defineQuery({ roles: ADMIN, action: "collective.list" }, async ({ db }) => {
  const [rows, stations] = await Promise.all([listAllCollectiveHouseholds(db), stationOptions(db, { active: true })]);
  return { rows, stations };
});

export const collectiveEditQuery = defineQuery({ roles: ADMIN, action: "collective.view" }, async ({ db }, id: string) => {
  const [household, stations] = await Promise.all([db.collectiveHousehold.findUnique({ where: { id } }), stationOptions(db)]);
  return { household, stations };
});

export const settlementPlansQuery = defineQuery({ roles: ADMIN, action: "targets.view" }, ({ db }) => listSettlementPlans(db));

export const transferTargetsQuery = defineQuery({ roles: ADMIN, action: "targets.view" }, ({ db }, year: number) => loadTransferTargets(db, year));

export const stationListQuery = defineQuery({ roles: ADMIN, action: "station.list" }, ({ db }) => listStations(db));

export const stationQuery = defineQuery({ roles: ADMIN, action: "station.view" }, ({ db }, id: string) => db.policeStation.findUnique({ where: { id } }));

export const populationQuery = defineQuery({ roles: ADMIN, action: "population.view" }, async ({ db }, year: number) => {
  const report = await urbanizationReport(db, { kind: "city" }, year);
  const years = (await db.populationStat.groupBy({ by: ["year"], orderBy: { year: "asc" } })).map((r) => r.year);
  return { report, years };
});

export const staffListQuery = defineQuery({ roles: ADMIN, action: "staff.list" }, async ({ db }, filter: { role?: StaffRole; q?: string }) => {
  const [rows, stations] = await Promise.all([listStaff(db, filter), stationOptions(db, { active: true })]);
  return { rows, stations };
});

/** A staff account (never a resident's) and the stations it may be assigned to. */
export const staffAccountQuery = defineQuery({ roles: ADMIN, action: "staff.view" }, async ({ db }, id: string) => {
  const account = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      username: true,
      realName: true,
      role: true,
      stationId: true,
      isStationHead: true,
      countyCode: true,
      disabled: true,
      totpEnabledAt: true,
    },
  });
  if (!account || account.role === "resident") return null;
  const stations = await stationOptions(db, { OR: [{ active: true }, { id: account.stationId ?? "" }] });
  return { account, stations };
});

export const ruleSetListQuery = defineQuery({ roles: ADMIN, action: "ruleset.list" }, ({ db }) => listRuleSetVersions(db));

export const ruleSetQuery = defineQuery({ roles: ADMIN, action: "ruleset.view" }, async ({ db }, id: string) => {
  const ruleSet = await getRuleSet(db, id);
  const state = (await listRuleSetVersions(db)).find((r) => r.id === id)?.state ?? "draft";
  return { ruleSet, state };
});

/** The rule set a new draft starts from (`from`, or the current one) and the version names taken. */
export const newRuleSetQuery = defineQuery({ roles: ADMIN, action: "ruleset.view" }, async ({ db }, from: string | undefined) => {
  const base = await (from ? getRuleSet(db, from) : getCurrentRuleSet(db, new Date(), { fresh: true }));
  const taken = (await listRuleSetVersions(db)).map((v) => v.version);
  return { base, taken };
});

/** Two rule sets side by side: `a` defaults to the current one, `b` to another. */
export const compareRuleSetsQuery = defineQuery({ roles: ADMIN, action: "ruleset.compare" }, async ({ db }, sel: { a?: string; b?: string }) => {
  const versions = await listRuleSetVersions(db);
  const current = versions.find((v) => v.current) ?? versions[0];
  const aId = sel.a || current?.id;
  const bId = sel.b || versions.find((v) => v.id !== aId)?.id || aId;
  const [a, b] = aId && bId ? await Promise.all([getRuleSet(db, aId), getRuleSet(db, bId)]) : [null, null];
  return { versions, aId, bId, a, b };
});

export const calendarQuery = defineQuery({ roles: ADMIN, action: "calendar.view" }, async ({ db }, year: number) => {
  const [days, { years, importable }] = await Promise.all([listCalendarYear(db, year), calendarYears(db)]);
  return { days, years, importable };
});
