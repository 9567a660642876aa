"use server";

import type { z } from "zod";
import { revalidatePath } from "next/cache";
import { callAsServerAction } from "@/lib/auth/guard";
import type { ActionDef } from "@/lib/auth/run-action";
import { invalidateCalendarCache } from "@/lib/calendar/load-calendar";
import { createStaffDef, resetStaffPasswordDef, resetStaffTwoFactorDef, setStaffDisabledDef, updateStaffDef } from "@/lib/admin/staff-accounts";
import { createStationDef, updateStationDef } from "@/lib/admin/police-stations";
import { importNationalYearDef, removeCalendarDayDef, setCalendarDayDef } from "@/lib/admin/holiday-calendar";
import { removePopulationStatDef, savePopulationStatDef } from "@/lib/admin/population-stats";
import { saveTransferTargetsDef } from "@/lib/admin/transfer-targets";
import { publishRuleSetDef, saveRuleSetDraftDef } from "@/lib/admin/rule-set-editing";

/** Thin server actions: every one is a guarded, audited definition from lib/admin. */
async function run<S extends z.ZodType, O>(def: ActionDef<S, O>, input: unknown, path: string) {
  const r = await callAsServerAction(def, input);
  if (r.ok) revalidatePath(path);
  return r;
}

export async function createStaffAction(input: unknown) {
  return run(createStaffDef, input, "/admin/staff");
}
export async function updateStaffAction(input: unknown) {
  return run(updateStaffDef, input, "/admin/staff");
}
export async function setStaffDisabledAction(input: unknown) {
  return run(setStaffDisabledDef, input, "/admin/staff");
}
export async function resetStaffPasswordAction(input: unknown) {
  return run(resetStaffPasswordDef, input, "/admin/staff");
}
export async function resetStaffTwoFactorAction(input: unknown) {
  return run(resetStaffTwoFactorDef, input, "/admin/staff");
}
export async function createStationAction(input: unknown) {
  return run(createStationDef, input, "/admin/stations");
}
export async function updateStationAction(input: unknown) {
  return run(updateStationDef, input, "/admin/stations");
}
export async function savePopulationStatAction(input: unknown) {
  return run(savePopulationStatDef, input, "/admin/population");
}
export async function removePopulationStatAction(input: unknown) {
  return run(removePopulationStatDef, input, "/admin/population");
}
export async function saveTransferTargetsAction(input: unknown) {
  return run(saveTransferTargetsDef, input, "/admin/targets");
}
export async function saveRuleSetAction(input: unknown) {
  return run(saveRuleSetDraftDef, input, "/admin/rules");
}
export async function publishRuleSetAction(input: unknown) {
  return run(publishRuleSetDef, input, "/admin/rules");
}

// Calendar changes: the cache is dropped once more after the commit, so that no request
// running meanwhile keeps the old calendar cached.
export async function setCalendarDayAction(input: unknown) {
  const r = await run(setCalendarDayDef, input, "/admin/calendar");
  if (r.ok) invalidateCalendarCache();
  return r;
}
export async function removeCalendarDayAction(input: unknown) {
  const r = await run(removeCalendarDayDef, input, "/admin/calendar");
  if (r.ok) invalidateCalendarCache();
  return r;
}
export async function importNationalYearAction(input: unknown) {
  const r = await run(importNationalYearDef, input, "/admin/calendar");
  if (r.ok) invalidateCalendarCache();
  return r;
}
