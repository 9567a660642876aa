"use client";

import Link from "next/link";
import { useActionState } from "react";
import { resetPasswordAction, sendResetCodeAction, type ResetState } from "./actions";
import { ErrorSummary, issueFor } from "@/components/forms/field";
import { InputField } from "@/components/forms/input-field";
import { SmsCodeField } from "@/components/forms/sms-code-field";
import { NewPasswordFields } from "@/components/forms/new-password-fields";

export function ResetPasswordForm() {
  const [state, action, pending] = useActionState<ResetState, FormData>(resetPasswordAction, {});
  const err = (p: string) => issueFor(state.issues, p);
  if (state.done) {
    return (
      <div role="status" className="space-y-4">
        <p className="rounded border border-green-300 bg-green-50 p-3 text-green-900">密码已重新设置，所有设备上的登录均已退出，请使用新密码登录。</p>
        <Link href="/login" className="btn-primary w-full">
          去登录
        </Link>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <ErrorSummary message={state.message} issues={state.issues} />
      <InputField id="mobile" name="mobile" label="手机号码" error={err("mobile")} inputMode="numeric" autoComplete="tel" defaultValue={state.mobile} />
      <SmsCodeField send={sendResetCodeAction} error={err("smsCode")} />
      <NewPasswordFields label="新密码" confirmLabel="再次输入新密码" hint="至少8位，不能使用常见密码（如 12345678）或姓名拼音" error={err} />
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? "正在提交…" : "重设密码"}
      </button>
    </form>
  );
}
