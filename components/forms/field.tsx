import type { FieldIssue } from "@/lib/errors";

/** The message for one field from a list of issues (paths joined with dots). */
export function issueFor(issues: FieldIssue[] | undefined, path: string): string | undefined {
  return issues?.find((i) => i.path === path)?.message;
}

type FieldProps = {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: React.ReactNode;
};

/** A labelled field with its hint and its error next to it, wired for screen readers. */
export function Field({ id, label, error, hint, children }: FieldProps) {
  return (
    <div>
      <label htmlFor={id} className="label">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="mb-1 text-sm text-slate-600">
          {hint}
        </p>
      )}
      {children}
      <FieldError id={id} error={error} />
    </div>
  );
}

/** A field's error under it (`<id>-error`, which fieldAria points to); nothing when there is none. */
export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="field-error" role="alert">
      {error}
    </p>
  );
}

/** aria attributes for an input inside <Field>. */
export function fieldAria(id: string, error?: string, hint?: string) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return { "aria-invalid": error ? true : undefined, "aria-describedby": describedBy || undefined } as const;
}

/** The shared GOV.UK-style error summary (a client component: it moves focus and titles the page). */
export { ErrorSummary } from "./error-summary";
