"use server";

import { revalidatePath } from "next/cache";
import { callAsServerAction } from "@/lib/auth/guard";
import { saveSettlementPlanDef, saveTransferTargetsDef } from "@/lib/admin/transfer-targets";

/** Thin server actions for plans and targets: guarded, audited definitions from lib/admin. */
export async function saveSettlementPlanAction(input: unknown) {
  const r = await callAsServerAction(saveSettlementPlanDef, input);
  if (r.ok) revalidatePath("/admin/targets");
  return r;
}

export async function saveTargetsWithReasonAction(input: unknown) {
  const r = await callAsServerAction(saveTransferTargetsDef, input);
  if (r.ok) revalidatePath("/admin/targets");
  return r;
}
