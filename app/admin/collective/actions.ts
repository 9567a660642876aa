"use server";

import { revalidatePath } from "next/cache";
import { callAsServerAction } from "@/lib/auth/guard";
import { createCollectiveHouseholdDef, updateCollectiveHouseholdDef } from "@/lib/collective/collective-households";

export async function createCollectiveHouseholdAction(input: unknown) {
  const r = await callAsServerAction(createCollectiveHouseholdDef, input);
  if (r.ok) revalidatePath("/admin/collective");
  return r;
}

export async function updateCollectiveHouseholdAction(input: unknown) {
  const r = await callAsServerAction(updateCollectiveHouseholdDef, input);
  if (r.ok) revalidatePath("/admin/collective");
  return r;
}
