import { Field, fieldAria } from "./field";

/** The new password and its repetition (sign-up, reset, change), each with its error next to it. */
export function NewPasswordFields({
  name = "password",
  confirmName = "passwordConfirm",
  label,
  confirmLabel,
  hint,
  error,
}: {
  name?: string;
  confirmName?: string;
  label: string;
  confirmLabel: string;
  hint: string;
  error: (path: string) => string | undefined;
}) {
  return (
    <>
      <Field id={name} label={label} hint={hint} error={error(name)}>
        <input id={name} name={name} type="password" autoComplete="new-password" className="input" {...fieldAria(name, error(name), "hint")} />
      </Field>
      <Field id={confirmName} label={confirmLabel} error={error(confirmName)}>
        <input
          id={confirmName}
          name={confirmName}
          type="password"
          autoComplete="new-password"
          className="input"
          {...fieldAria(confirmName, error(confirmName))}
        />
      </Field>
    </>
  );
}
