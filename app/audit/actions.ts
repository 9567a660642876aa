"use server";

import { callAsServerAction } from "@/lib/auth/guard";
import { verifyChainStepDef } from "@/lib/supervision/query-audit";

/** One step of re-computing the hash chain (auditors only; the result is recorded when the last step ends). */
export async function verifyChainStepAction(input: unknown) {
  return callAsServerAction(verifyChainStepDef, input);
}
