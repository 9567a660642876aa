import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { defineAction } from "@/lib/auth/run-action";
import { COUNTIES, COUNTY_CODES } from "@/lib/places";
import { CITY_TRANSFER_TARGET_MIN } from "@/lib/stats/targets";
import { FIRST_YEAR, LAST_YEAR } from "@/lib/stats/period";

/**
 * County shares of the yearly transfer target (转户, plan 一: the city ≥ 46,000 a year). All
 * units of a year are saved together, so the sum the officials see is always one admin's
 * decision; a sum below 46,000 is saved but flagged (the city still measures against 46,000).
 */

const share = z.coerce.number({ error: "请填写目标人数" }).int("须为整数").min(0, "不能为负数").max(1_000_000, "超出合理范围");

export const transferTargetsSchema = z.object({
  year: z.coerce.number({ error: "请填写年份" }).int().min(FIRST_YEAR, "年份不正确").max(LAST_YEAR, "年份不正确"),
  targets: z.object(Object.fromEntries(COUNTY_CODES.map((c) => [c, share])) as Record<(typeof COUNTY_CODES)[number], typeof share>),
});
export type TransferTargetsInput = z.input<typeof transferTargetsSchema>;

export const saveTransferTargetsDef = defineAction({ roles: ["admin"], action: "admin.targets.save", schema: transferTargetsSchema }, async (ctx, { year, targets }) => {
  const beforeRows = await ctx.tx.transferTarget.findMany({ where: { year }, select: { countyCode: true, target: true } });
  const before = Object.fromEntries(beforeRows.map((r) => [r.countyCode, r.target]));
  for (const c of COUNTIES) {
    const target = targets[c.code];
    await ctx.tx.transferTarget.upsert({ where: { countyCode_year: { countyCode: c.code, year } }, create: { countyCode: c.code, year, target }, update: { target } });
  }
  const sum = COUNTIES.reduce((s, c) => s + targets[c.code], 0);
  ctx.audit({ entityType: "transfer_target", entityId: String(year), details: { year, before, after: targets, sum } });
  return { year, sum, belowPlan: sum < CITY_TRANSFER_TARGET_MIN };
});

export async function loadTransferTargets(db: Db, year: number): Promise<Record<string, number | null>> {
  const rows = await db.transferTarget.findMany({ where: { year }, select: { countyCode: true, target: true } });
  const by = new Map(rows.map((r) => [r.countyCode, r.target]));
  return Object.fromEntries(COUNTIES.map((c) => [c.code, by.get(c.code) ?? null]));
}
