"use client";

import { useActionState } from "react";
import { ErrorSummary, issueFor } from "@/components/forms/field";
import { InputField } from "@/components/forms/input-field";
import { changePasswordAction, type PasswordState } from "../actions";
import { NewPasswordFields } from "@/components/forms/new-password-fields";

export function ChangePasswordForm({ minLength }: { minLength: number }) {
  const [state, action, pending] = useActionState<PasswordState, FormData>(changePasswordAction, {});
  const err = (p: string) => issueFor(state.issues, p);
  return (
    <form action={action} className="space-y-4" noValidate>
      <ErrorSummary message={state.message} />
      <InputField id="currentPassword" name="currentPassword" label="当前密码" error={err("currentPassword")} type="password" autoComplete="current-password" />
      <NewPasswordFields
        name="newPassword"
        confirmName="newPasswordConfirm"
        label="新密码"
        confirmLabel="再次输入新密码"
        hint={`至少${minLength}位，不能是常见密码，也不能含姓名、手机号`}
        error={err}
      />
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? "正在保存…" : "修改密码"}
      </button>
    </form>
  );
}
