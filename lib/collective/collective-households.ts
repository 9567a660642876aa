import type { Db } from "@/lib/db/types";
import { defineAction } from "@/lib/auth/run-action";
import { defineQuery } from "@/lib/auth/run-query";
import { DomainError } from "@/lib/errors";
import { collectiveHouseholdSchema, updateCollectiveHouseholdSchema } from "./schemas";

/**
 * Community collective households (社区集体户, plan 二(三)): set up per township/street or
 * community/village with police approval, kept by the station of the place of employment.
 * Stations see theirs and register collective-channel filings into one; admins keep the register.
 */

export type CollectiveHouseholdRow = {
  id: string;
  name: string;
  address: string;
  approvingOffice: string;
  approvedAt: Date;
  active: boolean;
  stationId: string;
  stationName: string;
  countyCode: string;
  /** People registered into it through the portal (a household filing counts every member). */
  members: number;
};

async function memberCounts(db: Db, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const groups = await db.application.groupBy({
    by: ["collectiveHouseholdId"],
    where: { status: "registered", collectiveHouseholdId: { in: ids } },
    _sum: { personsCount: true },
  });
  return new Map(groups.map((g) => [g.collectiveHouseholdId ?? "", g._sum.personsCount ?? 0]));
}

async function list(db: Db, where: { stationId?: string; active?: boolean }): Promise<CollectiveHouseholdRow[]> {
  const rows = await db.collectiveHousehold.findMany({
    where,
    orderBy: [{ countyCode: "asc" }, { name: "asc" }],
    include: { station: { select: { name: true } } },
  });
  const counts = await memberCounts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    address: r.address,
    approvingOffice: r.approvingOffice,
    approvedAt: r.approvedAt,
    active: r.active,
    stationId: r.stationId,
    stationName: r.station.name,
    countyCode: r.countyCode,
    members: counts.get(r.id) ?? 0,
  }));
}

/** The collective households of a station's area (all, or only those open for registration). */
export function listStationCollectiveHouseholds(db: Db, stationId: string, opts?: { activeOnly?: boolean }) {
  return list(db, { stationId, ...(opts?.activeOnly ? { active: true } : {}) });
}

/** The clerk's page: the collective households of the clerk's own station (none without a station). */
export const stationCollectiveHouseholdsQuery = defineQuery({ roles: ["clerk"], action: "collective.list" }, ({ db, user }) =>
  user.stationId ? listStationCollectiveHouseholds(db, user.stationId) : Promise.resolve([]),
);

/** The whole register (admins). */
export function listAllCollectiveHouseholds(db: Db) {
  return list(db, {});
}

/** A household a station may register a filing into: its own, and still active. */
export async function findRegistrableHousehold(db: Db, stationId: string, id: string) {
  return db.collectiveHousehold.findFirst({ where: { id, stationId, active: true }, select: { id: true, name: true, address: true } });
}

async function stationCounty(db: Db, stationId: string): Promise<string> {
  const st = await db.policeStation.findUnique({ where: { id: stationId }, select: { countyCode: true } });
  if (!st) throw new DomainError("validation_failed", "请选择所属派出所。", { issues: [{ path: "stationId", message: "请选择所属派出所" }] });
  return st.countyCode;
}

async function assertNameFree(db: Db, name: string, exceptId?: string) {
  const other = await db.collectiveHousehold.findUnique({ where: { name }, select: { id: true } });
  if (other && other.id !== exceptId) {
    throw new DomainError("conflict", "已有同名的集体户。", { issues: [{ path: "name", message: "已有同名的集体户" }] });
  }
}

const approvedAtDate = (ymd: string) => new Date(`${ymd}T00:00:00+08:00`);

export const createCollectiveHouseholdDef = defineAction(
  { roles: ["admin"], action: "collective.create", schema: collectiveHouseholdSchema },
  async (ctx, input) => {
    const countyCode = await stationCounty(ctx.tx, input.stationId);
    await assertNameFree(ctx.tx, input.name);
    const row = await ctx.tx.collectiveHousehold.create({
      data: { ...input, countyCode, approvedAt: approvedAtDate(input.approvedAt) },
    });
    ctx.audit({ entityType: "collective_household", entityId: row.id, details: { name: row.name, stationId: row.stationId } });
    return { id: row.id };
  },
);

export const updateCollectiveHouseholdDef = defineAction(
  { roles: ["admin"], action: "collective.update", schema: updateCollectiveHouseholdSchema },
  async (ctx, { id, ...input }) => {
    const before = await ctx.tx.collectiveHousehold.findUnique({ where: { id } });
    if (!before) throw new DomainError("not_found", "集体户不存在。");
    const countyCode = await stationCounty(ctx.tx, input.stationId);
    await assertNameFree(ctx.tx, input.name, id);
    if (before.stationId !== input.stationId && (await ctx.tx.application.count({ where: { collectiveHouseholdId: id } })) > 0) {
      throw new DomainError("invalid_state", "该集体户已有落户人员，不能改到其他派出所。", {
        issues: [{ path: "stationId", message: "已有落户人员的集体户不能改到其他派出所" }],
      });
    }
    await ctx.tx.collectiveHousehold.update({ where: { id }, data: { ...input, countyCode, approvedAt: approvedAtDate(input.approvedAt) } });
    ctx.audit({
      entityType: "collective_household",
      entityId: id,
      details: { before: { name: before.name, stationId: before.stationId, address: before.address, active: before.active }, after: input },
    });
    return { id };
  },
);
