"use client";

import { Fragment, createContext, useActionState, useContext, useEffect, useRef, useState } from "react";
import { ErrorSummary, Field, fieldAria, issueFor } from "@/components/forms/field";
import type { FormState } from "./form-state";

/**
 * One page of the filing form: posts to its server action, shows the pending state, and gives
 * the fields inside it (TextInput, RadioGroup, …) their messages and the values typed, so a
 * validation error loses nothing. A double click is harmless: the button is disabled while
 * the page saves, and every action is idempotent or refuses a second run.
 */
const FormCtx = createContext<FormState>({});

export function useFormState(): FormState {
  return useContext(FormCtx);
}

type StepFormProps = {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  hidden?: Record<string, string | undefined>;
  submitLabel: string;
  pendingLabel?: string;
  variant?: "primary" | "secondary" | "danger";
  children?: React.ReactNode;
  /** Extra content beside the submit button (e.g. a "back" link). */
  aside?: React.ReactNode;
  className?: string;
  testId?: string;
};

/** Typed but not saved: the browser asks before the page is left (no claim of autosave; nothing is lost silently). */
function useLeaveWarning(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);
}

/**
 * Before this form is sent: input typed into the form `guardTestId` and not saved stops it,
 * with a message and focus on that input (the members page: a member typed but not added).
 */
function unsavedInputIn(testId: string): HTMLInputElement | null {
  const other = document.querySelector(`[data-testid="${testId}"]`);
  if (!other) return null;
  return [...other.querySelectorAll<HTMLInputElement>('input[type="text"], input:not([type]), textarea')].find((i) => i.value.trim() !== "") ?? null;
}

export function StepForm({
  action,
  hidden,
  submitLabel,
  pendingLabel = "正在保存…",
  variant = "primary",
  children,
  aside,
  className,
  testId,
  guardUnsavedIn,
}: StepFormProps & { guardUnsavedIn?: { testId: string; message: string } }) {
  const [state, formAction, pending] = useActionState(action, {});
  const [dirty, setDirty] = useState(false);
  const [guard, setGuard] = useState<string | null>(null);
  const sent = useRef(false);
  useLeaveWarning(dirty && !pending);
  useEffect(() => {
    // After a reply with errors the typed values are still unsaved; after success the page moves on.
    if (sent.current && !pending) setDirty(!!state.message);
  }, [state, pending]);
  return (
    <form
      action={formAction}
      noValidate
      className={className ?? "space-y-5"}
      data-testid={testId}
      aria-busy={pending}
      onInput={() => setDirty(true)}
      onSubmit={(e) => {
        if (guardUnsavedIn) {
          const typed = unsavedInputIn(guardUnsavedIn.testId);
          if (typed) {
            e.preventDefault();
            setGuard(guardUnsavedIn.message);
            typed.focus();
            return;
          }
        }
        setGuard(null);
        sent.current = true;
        setDirty(false);
      }}
    >
      {guard && (
        <p role="alert" className="rounded border-2 border-red-600 bg-red-50 p-3 text-red-900" data-testid="unsaved-guard">
          {guard}
        </p>
      )}
      {(state.message || !!state.issues?.length) && <ErrorSummary message={state.message} issues={state.issues} fieldId={(p) => `f-${p}`} />}
      {Object.entries(hidden ?? {}).map(([k, v]) => (v === undefined ? null : <input key={k} type="hidden" name={k} value={v} />))}
      <FormCtx.Provider value={state}>
        {/* Remount the fields with what was typed as their defaults: React resets a form after its
            action, and a <select> or radio would otherwise fall back to its first default. */}
        <Fragment key={JSON.stringify(state.values ?? null)}>{children}</Fragment>
      </FormCtx.Provider>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={`btn-${variant}`} disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </button>
        {aside}
      </div>
    </form>
  );
}

type InputProps = {
  name: string;
  label: string;
  hint?: string;
  defaultValue?: string;
  type?: string;
  inputMode?: React.HTMLAttributes<HTMLInputElement>["inputMode"];
  autoComplete?: string;
  maxLength?: number;
  /** Shown, not editable (e.g. real-name data of the account). */
  readOnly?: boolean;
};

export function TextInput({ name, label, hint, defaultValue, type = "text", inputMode, autoComplete, maxLength, readOnly }: InputProps) {
  const s = useFormState();
  const error = issueFor(s.issues, name);
  const id = `f-${name}`;
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={readOnly ? undefined : name}
        type={type}
        className={`input ${readOnly ? "bg-slate-100" : ""}`}
        defaultValue={s.values?.[name] ?? defaultValue}
        inputMode={inputMode}
        autoComplete={autoComplete ?? "off"}
        maxLength={maxLength}
        readOnly={readOnly}
        {...fieldAria(id, error, hint)}
      />
    </Field>
  );
}

export function SelectInput({
  name,
  label,
  hint,
  defaultValue,
  options,
  placeholder = "请选择",
}: InputProps & { options: Array<{ value: string; label: string }>; placeholder?: string }) {
  const s = useFormState();
  const error = issueFor(s.issues, name);
  const id = `f-${name}`;
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <select id={id} name={name} className="input" defaultValue={s.values?.[name] ?? defaultValue ?? ""} {...fieldAria(id, error, hint)}>
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A question answered by one of a few options (radio buttons in a fieldset, keyboard friendly). */
export function RadioGroup({
  name,
  legend,
  hint,
  defaultValue,
  options,
}: {
  name: string;
  legend: string;
  hint?: string;
  defaultValue?: string;
  options: Array<{ value: string; label: string; hint?: string }>;
}) {
  const s = useFormState();
  const error = issueFor(s.issues, name);
  const current = s.values?.[name] ?? defaultValue;
  const id = `f-${name}`;
  return (
    <fieldset aria-describedby={[hint ? `${id}-hint` : "", error ? `${id}-error` : ""].join(" ").trim() || undefined} aria-invalid={error ? true : undefined}>
      <legend className="label">{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="mb-2 text-sm text-slate-600">
          {hint}
        </p>
      )}
      <div className="space-y-2">
        {options.map((o, i) => (
          <label key={o.value} className="flex cursor-pointer items-start gap-3 rounded-md border border-slate-200 bg-white p-3 hover:border-brand-600">
            <input
              type="radio"
              id={i === 0 ? id : undefined}
              name={name}
              value={o.value}
              defaultChecked={current === o.value}
              className="mt-1 h-5 w-5 shrink-0"
            />
            <span>
              <span className="font-medium">{o.label}</span>
              {o.hint && <span className="block text-sm text-slate-600">{o.hint}</span>}
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

export function CheckboxInput({ name, label, defaultChecked }: { name: string; label: string; defaultChecked?: boolean }) {
  const s = useFormState();
  const error = issueFor(s.issues, name);
  const id = `f-${name}`;
  const checked = s.values ? s.values[name] === "true" : defaultChecked;
  return (
    <div>
      <label htmlFor={id} className="flex cursor-pointer items-start gap-3">
        <input id={id} type="checkbox" name={name} value="true" defaultChecked={checked} className="mt-1 h-5 w-5 shrink-0" {...fieldAria(id, error)} />
        <span>{label}</span>
      </label>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** Messages that belong to no field of the page (e.g. a task not finished), listed once. */
export function OtherIssues({ paths }: { paths: string[] }) {
  const s = useFormState();
  const rest = (s.issues ?? []).filter((i) => !paths.includes(i.path));
  if (rest.length === 0) return null;
  return (
    <ul className="list-disc rounded border border-red-300 bg-red-50 p-3 pl-8 text-sm text-red-800" role="alert">
      {rest.map((i) => (
        <li key={i.path + i.message}>{i.message}</li>
      ))}
    </ul>
  );
}

export function TextArea({
  name,
  label,
  hint,
  defaultValue,
  maxLength,
}: {
  name: string;
  label: string;
  hint?: string;
  defaultValue?: string;
  maxLength?: number;
}) {
  const s = useFormState();
  const error = issueFor(s.issues, name);
  const id = `f-${name}`;
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        rows={3}
        className="input"
        defaultValue={s.values?.[name] ?? defaultValue}
        maxLength={maxLength}
        {...fieldAria(id, error, hint)}
      />
    </Field>
  );
}
