import type { FieldIssue } from "@/lib/errors";

/** What a filing form's server action returns on failure: the message, field issues, and what was typed. */
export type FormState = { message?: string; issues?: FieldIssue[]; values?: Record<string, string> };

/** FormData → a plain object (repeated names become arrays; files are kept as File). */
export function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // A crafted server-action call may pass anything: no form → nothing, and the schema answers.
  if (!(form instanceof FormData)) return out;
  for (const [k, v] of form.entries()) {
    if (k.startsWith("$ACTION") || k.startsWith("_")) continue;
    if (k in out) out[k] = ([] as unknown[]).concat(out[k], v);
    else out[k] = v;
  }
  return out;
}

/** The typed text values to give back to the form, so nothing typed is lost on an error. */
export function typedValues(input: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(input)) if (typeof v === "string") out[k] = v;
  return out;
}
