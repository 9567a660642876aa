"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { callAsServerAction } from "@/lib/auth/guard";
import { withdrawFilingDef } from "@/lib/filings/withdraw-filing";
import { resubmitSupplementDef } from "@/lib/filings/resubmit-supplement";
import { markNotificationsReadDef } from "@/lib/filings/resident-inbox";
import { formToObject, typedValues, type FormState } from "@/components/filing/form-state";

export async function withdrawAction(_prev: FormState, form: FormData): Promise<FormState> {
  const input = formToObject(form);
  const res = await callAsServerAction(withdrawFilingDef, input);
  if (!res.ok) return { message: res.message, issues: res.issues, values: typedValues(input) };
  redirect(`/my/${res.data.applicationId}?done=withdrawn`);
}

/** The supplement's written answers come as response-<index> fields. */
export async function resubmitAction(_prev: FormState, form: FormData): Promise<FormState> {
  const input = formToObject(form);
  const responses = Object.entries(input)
    .filter(([k, v]) => k.startsWith("response-") && typeof v === "string")
    .map(([k, v]) => ({ index: Number(k.slice("response-".length)), text: String(v) }));
  const res = await callAsServerAction(resubmitSupplementDef, { applicationId: input.applicationId, responses });
  if (!res.ok) {
    const issues = res.issues.map((i) => (i.path.startsWith("responses.") ? { ...i, path: `response-${i.path.split(".")[1]}` } : i));
    return { message: res.message, issues, values: typedValues(input) };
  }
  redirect(`/my/${res.data.applicationId}?done=supplemented`);
}

export async function markReadAction(_prev: FormState, form: FormData): Promise<FormState> {
  const input = formToObject(form);
  const res = await callAsServerAction(markNotificationsReadDef, input);
  if (!res.ok) return { message: res.message };
  revalidatePath("/my/inbox");
  return {};
}
