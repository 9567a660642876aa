import type { InputHTMLAttributes } from "react";
import { Field, fieldAria } from "./field";

/**
 * One labelled <input> inside <Field>: its hint and its error beside it and tied to it for screen
 * readers (fieldAria). Every other attribute (name, type, autoComplete, inputMode, value or
 * defaultValue, onChange…) goes to the input as given; the class is "input" unless one is given.
 * (It imports field.tsx, which brings the client ErrorSummary: fine in forms that show one.)
 */
export function InputField({
  id,
  label,
  hint,
  error,
  className = "input",
  ...input
}: { id: string; label: string; hint?: string; error?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, "id">) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input id={id} className={className} {...input} {...fieldAria(id, error, hint)} />
    </Field>
  );
}
