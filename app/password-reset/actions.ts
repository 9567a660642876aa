"use server";

import { requestIp } from "@/lib/auth/guard";
import { isDomainError, type FieldIssue } from "@/lib/errors";
import { kickOutbox } from "@/lib/notify/outbox-worker";
import { requestPasswordResetCode, resetPasswordByCode } from "@/lib/residents/reset-password-by-code";
import { sendCodeAnswer, type SendCodeAnswer } from "@/lib/sms-codes/send-code-answer";

export type ResetState = { message?: string; issues?: FieldIssue[]; mobile?: string; done?: boolean };

export async function sendResetCodeAction(values: Record<string, string>): Promise<SendCodeAnswer> {
  const ip = await requestIp();
  const answer = await sendCodeAnswer(() => requestPasswordResetCode(values?.mobile, ip));
  kickOutbox();
  return answer;
}

export async function resetPasswordAction(_prev: ResetState, form: FormData): Promise<ResetState> {
  const raw = {
    mobile: String(form.get("mobile") ?? ""),
    smsCode: String(form.get("smsCode") ?? ""),
    password: String(form.get("password") ?? ""),
    passwordConfirm: String(form.get("passwordConfirm") ?? ""),
  };
  try {
    await resetPasswordByCode(raw, await requestIp());
    return { done: true, mobile: raw.mobile };
  } catch (e) {
    if (isDomainError(e)) return { message: e.message, issues: e.issues, mobile: raw.mobile };
    throw e;
  }
}
