import type { ReactNode } from "react";
import { ErrorSummary } from "./error-summary";
import type { ActionFailure } from "./use-action-form";

/** What ActionForm reads of useActionForm's result. */
type FormState<O> = { pending: boolean; err: ActionFailure | null; done: O | null };

/** The green line that says a form was saved, read out by screen readers (role="status"). */
export function SavedStatus({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="rounded bg-green-50 p-2 text-green-900">
      {children}
    </p>
  );
}

/** A form's submit button: "正在保存…" and not pressable while the form is sent. */
export function SubmitButton({ pending, children, busy = "正在保存…" }: { pending: boolean; children: ReactNode; busy?: string }) {
  return (
    <button type="submit" className="btn-primary" disabled={pending}>
      {pending ? busy : children}
    </button>
  );
}

/**
 * The shell of an edit form made with useEditForm (the admin settings): no browser validation (the
 * server's messages are shown), the error summary or the saved line first (across the whole row in
 * a grid form), then the fields, then the submit button, which sends the form's values.
 * `fieldId` links the summary's messages to their fields; `footClassName` wraps the button.
 */
export function ActionForm<O>({
  form,
  saved,
  submit,
  label,
  className = "space-y-3",
  footClassName,
  fieldId,
  children,
}: {
  form: FormState<O> & { send: () => void };
  /** The saved line: its words, or made from the action's result. */
  saved: ReactNode | ((done: O) => ReactNode);
  /** The submit button's words. */
  submit: ReactNode;
  /** The form's accessible name. */
  label?: string;
  className?: string;
  footClassName?: string;
  fieldId?: (path: string) => string;
  children: ReactNode;
}) {
  const button = <SubmitButton pending={form.pending}>{submit}</SubmitButton>;
  return (
    <form
      className={className}
      noValidate
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        form.send();
      }}
    >
      {(form.err || form.done !== null) && (
        <div className="col-span-full">
          <ErrorSummary message={form.err?.message} issues={fieldId ? form.err?.issues : undefined} fieldId={fieldId} />
          {form.done !== null && <SavedStatus>{typeof saved === "function" ? saved(form.done) : saved}</SavedStatus>}
        </div>
      )}
      {children}
      {footClassName ? <div className={footClassName}>{button}</div> : button}
    </form>
  );
}
