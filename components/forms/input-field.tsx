import type { ChangeEvent, InputHTMLAttributes } from "react";
import { Field, fieldAria } from "./field";

/**
 * The one labelled <input> (also exported by field-controls.tsx with its siblings): inside
 * <Field>, its hint and its error beside it and tied to it for screen readers (fieldAria). Every
 * other attribute (name, type, autoComplete, inputMode, value or defaultValue, onChange…) goes to
 * the input as given; `onValue` is called with the new value; the class is "input" unless one is
 * given. Its own file so that pages needing only this input do not bundle the other controls.
 */
export function InputField({
  id,
  label,
  hint,
  error,
  onValue,
  className = "input",
  ...input
}: { id: string; label: string; hint?: string; error?: string; onValue?: (value: string) => void } & Omit<InputHTMLAttributes<HTMLInputElement>, "id">) {
  const onChange = onValue ? (e: ChangeEvent<HTMLInputElement>) => onValue(e.target.value) : input.onChange;
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input id={id} className={className} {...input} onChange={onChange} {...fieldAria(id, error, hint)} />
    </Field>
  );
}
