"use client";

import { useActionState } from "react";
import { sendSignUpCodeAction, signUpAction, type SignUpState } from "./actions";
import { SmsCodeField } from "@/components/forms/sms-code-field";
import { ErrorSummary, issueFor } from "@/components/forms/field";
import { InputField } from "@/components/forms/input-field";
import { NewPasswordFields } from "@/components/forms/new-password-fields";

export function SignUpForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState<SignUpState, FormData>(signUpAction, {});
  const err = (p: string) => issueFor(state.issues, p);
  return (
    <form action={action} className="space-y-4" noValidate>
      <ErrorSummary message={state.message} issues={state.issues} />
      <input type="hidden" name="next" value={next ?? ""} />
      <InputField id="mobile" name="mobile" label="手机号码" error={err("mobile")} inputMode="numeric" autoComplete="tel" defaultValue={state.values?.mobile} />
      <SmsCodeField send={sendSignUpCodeAction} error={err("smsCode")} />
      <InputField id="realName" name="realName" label="真实姓名" error={err("realName")} autoComplete="name" defaultValue={state.values?.realName} />
      <InputField
        id="idNumber"
        name="idNumber"
        label="居民身份证号码"
        hint="18位，最后一位可能是 X"
        error={err("idNumber")}
        maxLength={18}
        autoComplete="off"
        defaultValue={state.values?.idNumber}
      />
      <NewPasswordFields label="设置密码" confirmLabel="再次输入密码" hint="至少8位，不能是常见密码（如 12345678、woaini1314）或姓名、手机号" error={err} />
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? "正在注册…" : "注册并登录"}
      </button>
    </form>
  );
}
