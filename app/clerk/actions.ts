"use server";

import { revalidatePath } from "next/cache";
import { callAsServerAction } from "@/lib/auth/guard";
import type { ActionResult } from "@/lib/errors";
import { searchQueueDef } from "@/lib/review/view-queue";
import { claimFilingDef, releaseFilingDef, assignFilingDef } from "@/lib/review/claim-filing";
import { acceptFilingDef } from "@/lib/review/accept-filing";
import { requestSupplementDef } from "@/lib/review/request-supplement";
import { approveFilingDef } from "@/lib/review/approve-filing";
import { refuseFilingDef } from "@/lib/review/refuse-filing";
import { recordMoveOutDef } from "@/lib/review/record-move-out";
import { recordRegistrationDef } from "@/lib/review/record-registration";
import { correctDecisionDef } from "@/lib/review/correct-decision";
import { correctSupplementNoticeDef } from "@/lib/review/correct-supplement-notice";
import { withdrawSupplementNoticeDef } from "@/lib/review/withdraw-supplement-notice";
import { confirmMoveOutDef, resendMoveOutDef, returnMoveOutDef } from "@/lib/review/confirm-move-out";
import { registerDirectlyDef } from "@/lib/review/register-directly";
import { reviewDocumentDef } from "@/lib/review/review-document";
import { assignFilingsDef } from "@/lib/review/assign-filings";
import { deleteQueueViewDef, saveQueueViewDef } from "@/lib/review/saved-views";

/**
 * The clerk's server actions: each one is a guarded ActionDef of lib/review (role, station
 * scope, zod input, one transaction with the audit event). Inputs arrive in POST bodies.
 */

type WithId = { applicationId?: unknown };

async function onFiling<O>(input: unknown, run: () => Promise<ActionResult<O>>): Promise<ActionResult<O>> {
  const r = await run();
  const id = (input as WithId | null)?.applicationId;
  if (r.ok && typeof id === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(id)) {
    revalidatePath(`/clerk/filings/${id}`);
    revalidatePath("/clerk");
  }
  return r;
}

/** Search by reference number, name or ID number: the term travels in this POST body only. */
export async function searchQueueAction(input: unknown) {
  return callAsServerAction(searchQueueDef, input);
}

export async function claimAction(input: unknown) {
  return onFiling(input, () => callAsServerAction(claimFilingDef, input));
}
export async function releaseAction(input: unknown) {
  return onFiling(input, () => callAsServerAction(releaseFilingDef, input));
}
export async function assignAction(input: unknown) {
  return onFiling(input, () => callAsServerAction(assignFilingDef, input));
}
export async function acceptAction(input: unknown) {
  return onFiling(input, () => callAsServerAction(acceptFilingDef, input));
}
export async function supplementAction(input: unknown) {
  return onFiling(input, () => callAsServerAction(requestSupplementDef, input));
}
export async function approveAction(input: unknown) {
  return onFiling(input, () => callAsServerAction(approveFilingDef, input));
}
export async function refuseAction(input: unknown) {
  return onFiling(input, () => callAsServerAction(refuseFilingDef, input));
}
export async function moveOutAction(input: unknown) {
  return onFiling(input, () => callAsServerAction(recordMoveOutDef, input));
}
export async function registrationAction(input: unknown) {
  const direct = (input as { direct?: unknown } | null)?.direct === true;
  return onFiling(input, () => callAsServerAction(direct ? registerDirectlyDef : recordRegistrationDef, input));
}
export async function confirmMoveOutAction(input: unknown) {
  return onFiling(input, () => callAsServerAction(confirmMoveOutDef, input));
}
export async function returnMoveOutAction(input: unknown) {
  return onFiling(input, () => callAsServerAction(returnMoveOutDef, input));
}
export async function resendMoveOutAction(input: unknown) {
  return onFiling(input, () => callAsServerAction(resendMoveOutDef, input));
}
export async function reviewDocumentAction(input: unknown) {
  return onFiling(input, () => callAsServerAction(reviewDocumentDef, input));
}
export async function assignManyAction(input: unknown) {
  const r = await callAsServerAction(assignFilingsDef, input);
  if (r.ok) revalidatePath("/clerk");
  return r;
}
export async function saveViewAction(input: unknown) {
  const r = await callAsServerAction(saveQueueViewDef, input);
  if (r.ok) revalidatePath("/clerk");
  return r;
}
export async function deleteViewAction(input: unknown) {
  const r = await callAsServerAction(deleteQueueViewDef, input);
  if (r.ok) revalidatePath("/clerk");
  return r;
}
export async function correctionAction(input: unknown) {
  return onFiling(input, () => callAsServerAction(correctDecisionDef, input));
}
export async function correctNoticeAction(input: unknown) {
  return onFiling(input, () => callAsServerAction(correctSupplementNoticeDef, input));
}
export async function withdrawNoticeAction(input: unknown) {
  return onFiling(input, () => callAsServerAction(withdrawSupplementNoticeDef, input));
}
export async function registerDirectlyAction(input: unknown) {
  return onFiling(input, () => callAsServerAction(registerDirectlyDef, input));
}
