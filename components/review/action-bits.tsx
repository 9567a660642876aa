"use client";

import { ErrorSummary } from "@/components/forms/field";
import type { ActionFailure } from "./use-review-action";

/** The error of a review form, with the clause when the guard refused a forbidden criterion. */
export function ActionError({ error }: { error: ActionFailure | null }) {
  if (!error) return null;
  // Field issues are shown next to their fields; the summary repeats only the message.
  return (
    <div data-testid="action-error" data-code={error.code}>
      <ErrorSummary message={error.message} />
    </div>
  );
}

export function SubmitButton({ pending, text, pendingText, tone = "primary", testId }: { pending: boolean; text: string; pendingText: string; tone?: "primary" | "secondary" | "danger"; testId?: string }) {
  return (
    <button type="submit" className={`btn-${tone}`} disabled={pending} aria-disabled={pending} data-testid={testId}>
      {pending ? pendingText : text}
    </button>
  );
}
