import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { defineAction } from "@/lib/auth/run-action";
import { COUNTY_CODES } from "@/lib/places";
import { DomainError, notFound } from "@/lib/errors";
import { ACTIVE_STATUSES } from "@/lib/filings/status";
import { assertCleanTexts } from "@/lib/review/filing-rules";

/**
 * Police stations (派出所): each belongs to exactly one county-level unit. A station with
 * filings keeps its county (the filings, counters and permits were made there); it is
 * deactivated instead of deleted.
 */

const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(2, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`);

export const stationSchema = z.object({
  code: z
    .string({ error: "请填写派出所代码" })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9-]{2,19}$/, "代码为3—20位大写字母、数字或横线，如 411202-04"),
  name: text("派出所名称", 100),
  countyCode: z.enum(COUNTY_CODES, { error: "请选择所属县（市、区）" }),
  address: text("地址", 200),
  phone: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z
      .string()
      .trim()
      .regex(/^[0-9-]{7,20}$/, "电话只能包含数字和横线")
      .optional(),
  ),
  active: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()).default(true),
  /** 办事指南: office hours and a note for residents (optional). */
  officeHours: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.string().trim().max(100, "办公时间不能超过100个字").optional()),
  guideNote: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.string().trim().max(300, "说明不能超过300个字").optional()),
});
export const updateStationSchema = stationSchema.extend({ id: z.string().trim().min(1).max(64) });

export type StationInput = z.input<typeof stationSchema>;

async function assertUnique(db: Db, input: { code: string; name: string }, exceptId?: string) {
  const clash = await db.policeStation.findFirst({
    where: { OR: [{ code: input.code }, { name: input.name }], NOT: exceptId ? { id: exceptId } : undefined },
    select: { code: true },
  });
  if (clash) {
    const path = clash.code === input.code ? "code" : "name";
    throw new DomainError("conflict", path === "code" ? "该代码已被其他派出所使用。" : "已有同名的派出所。", {
      issues: [{ path, message: path === "code" ? "代码已被使用" : "名称已被使用" }],
    });
  }
}

export const createStationDef = defineAction({ roles: ["admin"], action: "admin.station.create", schema: stationSchema }, async (ctx, input) => {
  // The guide shows these to residents: they may not set a condition the plan forbids or never sets.
  assertCleanTexts([
    ["guideNote", input.guideNote],
    ["officeHours", input.officeHours],
  ]);
  await assertUnique(ctx.tx, input);
  const row = await ctx.tx.policeStation.create({
    data: { ...input, phone: input.phone ?? null, officeHours: input.officeHours ?? null, guideNote: input.guideNote ?? null },
  });
  ctx.audit({ entityType: "police_station", entityId: row.id, stationId: row.id, countyCode: row.countyCode, details: { after: input } });
  return { id: row.id };
});

export const updateStationDef = defineAction(
  { roles: ["admin"], action: "admin.station.update", schema: updateStationSchema },
  async (ctx, { id, ...input }) => {
    assertCleanTexts([
      ["guideNote", input.guideNote],
      ["officeHours", input.officeHours],
    ]);
    const before = await ctx.tx.policeStation.findUnique({ where: { id } });
    if (!before) throw notFound("派出所");
    await assertUnique(ctx.tx, input, id);
    if (before.countyCode !== input.countyCode) {
      const used = (await ctx.tx.application.count({ where: { stationId: id } })) + (await ctx.tx.user.count({ where: { stationId: id } }));
      if (used > 0) {
        throw new DomainError("invalid_state", "该派出所已有申请或民警账号，不能改到其他县（市、区）；如需调整请新建派出所并停用本所。", {
          issues: [{ path: "countyCode", message: "已有申请或民警账号的派出所不能改变所属县（市、区）" }],
        });
      }
    }
    if (before.active && !input.active) {
      const open = await ctx.tx.application.count({ where: { stationId: id, status: { in: ACTIVE_STATUSES } } });
      if (open > 0) {
        throw new DomainError("invalid_state", `该派出所还有${open}件在办申请，办结或移交后才能停用。`, {
          issues: [{ path: "active", message: "还有在办申请" }],
        });
      }
    }
    await ctx.tx.policeStation.update({
      where: { id },
      data: { ...input, phone: input.phone ?? null, officeHours: input.officeHours ?? null, guideNote: input.guideNote ?? null },
    });
    ctx.audit({
      entityType: "police_station",
      entityId: id,
      stationId: id,
      countyCode: input.countyCode,
      details: {
        before: { code: before.code, name: before.name, countyCode: before.countyCode, address: before.address, phone: before.phone, active: before.active },
        after: input,
      },
    });
    return { id };
  },
);

export async function listStations(db: Db, countyCode?: string) {
  const [rows, staff, open] = await Promise.all([
    db.policeStation.findMany({ where: countyCode ? { countyCode } : {}, orderBy: [{ countyCode: "asc" }, { code: "asc" }] }),
    db.user.groupBy({ by: ["stationId"], where: { role: "clerk", disabled: false, stationId: { not: null } }, _count: { _all: true } }),
    db.application.groupBy({ by: ["stationId"], where: { status: { in: ACTIVE_STATUSES } }, _count: { _all: true } }),
  ]);
  const clerks = new Map(staff.map((s) => [s.stationId, s._count._all]));
  const openBy = new Map(open.map((s) => [s.stationId, s._count._all]));
  return rows.map((r) => ({ ...r, clerks: clerks.get(r.id) ?? 0, openFilings: openBy.get(r.id) ?? 0 }));
}
