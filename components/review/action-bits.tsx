"use client";

import { useState } from "react";
import { ErrorSummary } from "@/components/forms/field";
import type { ActionFailure } from "@/components/forms/use-action-form";

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

type SubmitTone = "primary" | "secondary" | "danger";

export function SubmitButton({
  pending,
  text,
  pendingText,
  tone = "primary",
  testId,
  disabledReason,
}: {
  pending: boolean;
  text: string;
  pendingText: string;
  tone?: SubmitTone;
  testId?: string;
  /** The server would refuse: the button is disabled and says why. */
  disabledReason?: string | null;
}) {
  const off = pending || !!disabledReason;
  return (
    <button
      type="submit"
      className={`btn-${tone}`}
      disabled={off}
      aria-disabled={off}
      title={disabledReason ?? undefined}
      aria-describedby={disabledReason && testId ? `${testId}-disabled-reason` : undefined}
      data-testid={testId}
    >
      {pending ? pendingText : text}
    </button>
  );
}

/**
 * The second step of a decision: what the resident will receive, and a confirmation. The
 * decision is sent only from here ("确认" runs it; "返回修改" goes back to the form).
 */
function ConfirmPanel({
  title,
  preview,
  pending,
  confirmText,
  onConfirm,
  onCancel,
  testId,
  tone = "primary",
}: {
  title: string;
  preview: string[];
  pending: boolean;
  confirmText: string;
  onConfirm: () => void;
  onCancel: () => void;
  testId: string;
  tone?: "primary" | "danger";
}) {
  return (
    <div
      role="group"
      aria-labelledby={`${testId}-confirm-title`}
      className="space-y-2 rounded border-2 border-brand-700 bg-slate-50 p-3"
      data-testid={`${testId}-confirm`}
    >
      <p id={`${testId}-confirm-title`} className="font-semibold">
        {title}
      </p>
      <p className="text-sm text-slate-700">申请人将收到（站内消息和短信）：</p>
      <ul className="list-disc space-y-1 pl-5 text-sm">
        {preview.map((l, i) => (
          <li key={i}>{l}</li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={`btn-${tone}`} disabled={pending} onClick={onConfirm} data-testid={`${testId}-confirm-button`}>
          {pending ? "正在提交…" : confirmText}
        </button>
        <button type="button" className="btn-secondary" disabled={pending} onClick={onCancel}>
          返回修改
        </button>
      </div>
    </div>
  );
}

const DECISION_BORDER = { slate: "border-slate-200", teal: "border-teal-300", red: "border-red-200" } as const;

/**
 * The frame of a decision form on the review page: a bordered form named by its heading. The
 * browser's own submit is stopped; `onSubmit` decides (ask for confirmation, or run the action).
 */
export function DecisionForm({
  titleId,
  title,
  tone = "slate",
  onSubmit,
  children,
}: {
  titleId: string;
  title: React.ReactNode;
  tone?: keyof typeof DECISION_BORDER;
  onSubmit: () => void;
  children: React.ReactNode;
}) {
  return (
    <form
      className={`space-y-3 rounded border ${DECISION_BORDER[tone]} p-3`}
      aria-labelledby={titleId}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <h3 id={titleId} className={tone === "red" ? "font-semibold text-red-900" : "font-semibold"}>
        {title}
      </h3>
      {children}
    </form>
  );
}

/**
 * A decision that is confirmed before it is sent: submitting the form puts the ConfirmPanel
 * (what the resident will receive) in place of the submit button, and only the panel's "确认"
 * runs `onConfirm(close)` — `close` goes back to the form, e.g. once the action succeeded.
 * Nothing is asked while `submit.disabledReason` says the server would refuse. The action's
 * error stands above the buttons. The panel repeats the button's words unless told otherwise
 * ("登记落户" → "确认登记落户？", "确认登记落户").
 */
export function ConfirmedDecisionForm({
  testId,
  form,
  submit,
  confirm,
  onConfirm,
  children,
  ...frame
}: {
  titleId: string;
  title: React.ReactNode;
  tone?: keyof typeof DECISION_BORDER;
  /** Names the buttons: `${testId}`, `${testId}-confirm`, `${testId}-confirm-button`. */
  testId: string;
  /** The action's state (useActionForm). */
  form: { pending: boolean; err: ActionFailure | null };
  submit: { text: string; pendingText: string; tone?: SubmitTone; disabledReason?: string | null };
  confirm: { title?: string; preview: string[]; confirmText?: string; tone?: "primary" | "danger" };
  onConfirm: (close: () => void) => void;
  children: React.ReactNode;
}) {
  const [asking, setAsking] = useState(false);
  const close = () => setAsking(false);
  return (
    <DecisionForm {...frame} onSubmit={() => !submit.disabledReason && setAsking(true)}>
      {children}
      <ActionError error={form.err} />
      {asking ? (
        <ConfirmPanel
          title={`确认${submit.text}？`}
          confirmText={`确认${submit.text}`}
          {...confirm}
          pending={form.pending}
          onConfirm={() => onConfirm(close)}
          onCancel={close}
          testId={testId}
        />
      ) : (
        <SubmitButton {...submit} pending={form.pending} testId={testId} />
      )}
    </DecisionForm>
  );
}
