import { InputField } from "./input-field";

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
      <InputField id={name} name={name} label={label} hint={hint} error={error(name)} type="password" autoComplete="new-password" />
      <InputField id={confirmName} name={confirmName} label={confirmLabel} error={error(confirmName)} type="password" autoComplete="new-password" />
    </>
  );
}
