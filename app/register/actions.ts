"use server";

import { redirect } from "next/navigation";
import { REGISTRATION_REFUSED } from "@/lib/residents/register-resident";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { registerWithSmsCode, requestSignUpCode } from "@/lib/residents/register-with-sms-code";
import { kickOutbox } from "@/lib/notify/outbox-worker";
import { sendCodeAnswer, type SendCodeAnswer } from "@/lib/sms-codes/send-code-answer";
import { signIn } from "@/lib/auth/auth";
import { requestIp } from "@/lib/auth/guard";
import { checkRateLimit, RATE_LIMITS } from "@/lib/http/rate-limit";
import { isDomainError, type FieldIssue } from "@/lib/errors";

export type SignUpState = { message?: string; issues?: FieldIssue[]; values?: Record<string, string> };

export async function signUpAction(_prev: SignUpState, form: FormData): Promise<SignUpState> {
  // Called with anything but a form (a crafted server-action request): a validation answer, never a 500.
  if (!(form instanceof FormData)) return { message: "填写的内容有误，请按提示修改。" };
  const raw = {
    mobile: String(form.get("mobile") ?? ""),
    realName: String(form.get("realName") ?? ""),
    idNumber: String(form.get("idNumber") ?? ""),
    password: String(form.get("password") ?? ""),
    passwordConfirm: String(form.get("passwordConfirm") ?? ""),
    smsCode: String(form.get("smsCode") ?? ""),
  };
  // Entered values come back to the form (never the passwords), so nothing typed is lost.
  const values = { mobile: raw.mobile, realName: raw.realName, idNumber: raw.idNumber };
  const ip = await requestIp();
  if (await checkRateLimit(RATE_LIMITS.signUp, ip)) return { message: "注册过于频繁，请稍后再试。", values };
  try {
    await registerWithSmsCode(raw, ip);
  } catch (e) {
    if (isDomainError(e)) return { message: e.message, issues: e.issues, values };
    if ((e as { code?: string }).code === "P2002") return { message: REGISTRATION_REFUSED, values };
    throw e;
  }
  await signIn("credentials", { login: raw.mobile, password: raw.password, redirect: false });
  redirect(safeRedirectPath(form.get("next"), "/my"));
}

/** 获取验证码 on the sign-up form. */
export async function sendSignUpCodeAction(values: Record<string, string>): Promise<SendCodeAnswer> {
  const ip = await requestIp();
  const answer = await sendCodeAnswer(() => requestSignUpCode(values?.mobile, ip));
  kickOutbox();
  return answer;
}
