"use server";

import type { z } from "zod";
import { redirect } from "next/navigation";
import type { ActionDef } from "@/lib/auth/run-action";
import { callAsServerAction } from "@/lib/auth/guard";
import { startFilingDef } from "@/lib/filings/start-filing";
import { DETAILS_STEP_DEFS, saveApplicantDef, saveChannelDef, saveDestinationDef } from "@/lib/filings/save-draft-steps";
import { CHANNEL_CODES, CHANNEL_REGISTRY, type ChannelCode } from "@/lib/channels/registry";
import { membersDoneDef, removeMemberDef, saveMemberDef } from "@/lib/filings/household-members";
import { submitFilingDef } from "@/lib/filings/submit-filing";
import { deleteDraftDef } from "@/lib/filings/withdraw-filing";
import { formToObject, typedValues, type FormState } from "@/components/filing/form-state";

/**
 * The filing form's server actions: each page posts here, the guard validates with the page's
 * schema and saves the draft, and the resident moves on — or gets the page back with the
 * messages next to the fields and everything typed still there.
 */

type Step = { def: unknown; next: string };

/** The details step of each channel comes from the channel registry (lib/channels): its action and the page after it. */
const DETAILS_STEPS = Object.fromEntries(
  CHANNEL_CODES.map((c) => [`details_${c}`, { def: DETAILS_STEP_DEFS[c], next: CHANNEL_REGISTRY[c].details.next }]),
) as Record<`details_${ChannelCode}`, Step>;

const STEPS: Record<"channel" | "applicant" | "destination" | "member" | "remove_member" | "members_done" | `details_${ChannelCode}`, Step> = {
  channel: { def: saveChannelDef, next: "applicant" },
  applicant: { def: saveApplicantDef, next: "destination" },
  destination: { def: saveDestinationDef, next: "details" },
  ...DETAILS_STEPS,
  member: { def: saveMemberDef, next: "members" },
  remove_member: { def: removeMemberDef, next: "members" },
  members_done: { def: membersDoneDef, next: "documents" },
};

export type StepName = keyof typeof STEPS;

const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export async function saveStepAction(step: StepName, _prev: FormState, form: FormData): Promise<FormState> {
  // The step is bound by the page, but a crafted call may send anything.
  if (typeof step !== "string" || !Object.hasOwn(STEPS, step) || !(form instanceof FormData)) return { message: "填写的内容有误，请按提示修改。" };
  const input = formToObject(form);
  const { def, next } = STEPS[step];
  // Each step's own schema validates the input; the union of defs only differs in output.
  const res = await callAsServerAction(def as ActionDef<z.ZodType, unknown>, input);
  if (!res.ok) return { message: res.message, issues: res.issues, values: typedValues(input) };
  const id = String(input.applicationId ?? "");
  if (!SAFE_ID.test(id)) redirect("/apply");
  // From the check-answers page's change links, back to it; else the next page of the form.
  const back = form.get("_return") === "check" && step !== "member" && step !== "remove_member" ? "check" : next;
  redirect(`/apply/${id}/${back}${back === "members" && form.get("_return") === "check" ? "?return=check" : ""}`);
}

export async function startFilingAction(_prev: FormState, form: FormData): Promise<FormState> {
  const input = formToObject(form);
  const res = await callAsServerAction(startFilingDef, input);
  if (!res.ok) return { message: res.message, issues: res.issues, values: typedValues(input) };
  redirect(`/apply/${res.data.applicationId}/applicant`);
}

export async function submitFilingAction(_prev: FormState, form: FormData): Promise<FormState> {
  const input = formToObject(form);
  const res = await callAsServerAction(submitFilingDef, input);
  if (!res.ok) return { message: res.message, issues: res.issues, values: typedValues(input) };
  redirect(`/apply/${res.data.applicationId}/submitted`);
}

export async function deleteDraftAction(_prev: FormState, form: FormData): Promise<FormState> {
  const input = formToObject(form);
  const res = await callAsServerAction(deleteDraftDef, input);
  if (!res.ok) return { message: res.message, issues: res.issues, values: typedValues(input) };
  redirect("/my?done=deleted");
}
