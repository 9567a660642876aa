"use client";

import { useActionState } from "react";
import { sendSignUpCodeAction, signUpAction, type SignUpState } from "./actions";
import { SmsCodeField } from "@/components/forms/sms-code-field";
import { ErrorSummary, Field, fieldAria, issueFor } from "@/components/forms/field";
import { NewPasswordFields } from "@/components/forms/new-password-fields";

export function SignUpForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState<SignUpState, FormData>(signUpAction, {});
  const err = (p: string) => issueFor(state.issues, p);
  return (
    <form action={action} className="space-y-4" noValidate>
      <ErrorSummary message={state.message} issues={state.issues} />
      <input type="hidden" name="next" value={next ?? ""} />
      <Field id="mobile" label="手机号码" error={err("mobile")}>
        <input
          id="mobile"
          name="mobile"
          inputMode="numeric"
          autoComplete="tel"
          className="input"
          defaultValue={state.values?.mobile}
          {...fieldAria("mobile", err("mobile"))}
        />
      </Field>
      <SmsCodeField send={sendSignUpCodeAction} error={err("smsCode")} />
      <Field id="realName" label="真实姓名" error={err("realName")}>
        <input
          id="realName"
          name="realName"
          autoComplete="name"
          className="input"
          defaultValue={state.values?.realName}
          {...fieldAria("realName", err("realName"))}
        />
      </Field>
      <Field id="idNumber" label="居民身份证号码" hint="18位，最后一位可能是 X" error={err("idNumber")}>
        <input
          id="idNumber"
          name="idNumber"
          className="input"
          maxLength={18}
          autoComplete="off"
          defaultValue={state.values?.idNumber}
          {...fieldAria("idNumber", err("idNumber"), "hint")}
        />
      </Field>
      <NewPasswordFields label="设置密码" confirmLabel="再次输入密码" hint="至少8位，不能是常见密码（如 12345678、woaini1314）或姓名、手机号" error={err} />
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? "正在注册…" : "注册并登录"}
      </button>
    </form>
  );
}
