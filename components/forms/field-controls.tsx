import { createElement, type ChangeEvent, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { Field, FieldError, fieldAria } from "./field";
import { SelectOptions, type SelectOption } from "./select-options";

/** What a labelled control takes besides its element's own attributes. */
type Labelled = {
  id: string;
  label: string;
  /** The message for this field (shown under it, and the control marked invalid). */
  error?: string;
  hint?: string;
  /** Called with the new value as it is typed or chosen. */
  onValue?: (value: string) => void;
  /** The control's classes ("input" unless given). */
  className?: string;
};

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * A control inside <Field>: its label tied to it (htmlFor), the hint and error under it,
 * aria-invalid and aria-describedby pointing at them.
 */
function LabelledControl({
  as,
  id,
  label,
  error,
  hint,
  onValue,
  className = "input",
  ...attrs
}: Labelled & { as: "input" | "select" | "textarea"; children?: ReactNode } & Record<string, unknown>) {
  const onChange = onValue && ((e: ChangeEvent<Control>) => onValue(e.target.value));
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      {createElement(as, { id, className, onChange, ...fieldAria(id, error, hint), ...attrs })}
    </Field>
  );
}

/** A labelled <input> with its hint and error (text, date, numbers as typed): one definition, in input-field.tsx. */
export { InputField } from "./input-field";

/** A labelled <textarea> with its hint and error. */
export function TextareaField(p: Labelled & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, keyof Labelled>) {
  return <LabelledControl as="textarea" {...p} />;
}

/**
 * A labelled <select> with its hint and error: `options` after the empty choice `placeholder`
 * (a county, a station, a role: see SelectOptions), or its own <option>s as children.
 */
export function SelectField({
  options,
  placeholder,
  children,
  ...p
}: Labelled & Omit<SelectHTMLAttributes<HTMLSelectElement>, keyof Labelled> & { options?: readonly SelectOption[]; placeholder?: string }) {
  return (
    <LabelledControl as="select" {...p}>
      {options && <SelectOptions placeholder={placeholder} options={options} />}
      {children}
    </LabelledControl>
  );
}

/** A checkbox with its words in the label; its error under it, tied to it for screen readers. */
export function CheckboxField({
  id,
  label,
  checked,
  onChecked,
  error,
  className = "flex items-center gap-2",
}: {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChecked: (checked: boolean) => void;
  error?: string;
  /** The label's classes. */
  className?: string;
}) {
  return (
    <div>
      <label className={className}>
        <input id={id} type="checkbox" className="h-5 w-5" checked={checked} onChange={(e) => onChecked(e.target.checked)} {...fieldAria(id, error)} />
        {label}
      </label>
      <FieldError id={id} error={error} />
    </div>
  );
}
