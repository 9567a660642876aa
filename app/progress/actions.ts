"use server";

import { requestIp } from "@/lib/auth/guard";
import { isDomainError, type FieldIssue } from "@/lib/errors";
import { lookupProgress, requestProgressCode, type ProgressView } from "@/lib/filings/progress-lookup";
import { kickOutbox } from "@/lib/notify/outbox-worker";
import { sendCodeAnswer, type SendCodeAnswer } from "@/lib/sms-codes/send-code-answer";

export type ProgressState = { message?: string; issues?: FieldIssue[]; values?: { reference: string; name: string }; view?: ProgressView };

export async function sendProgressCodeAction(values: Record<string, string>): Promise<SendCodeAnswer> {
  const ip = await requestIp();
  const answer = await sendCodeAnswer(() => requestProgressCode({ reference: values?.reference, name: values?.name }, ip));
  if (answer.ok) answer.message = "如果申请编号和姓名相符，验证码已发送到办理该申请时使用的手机号，5分钟内有效。";
  kickOutbox();
  return answer;
}

export async function lookupProgressAction(_prev: ProgressState, form: FormData): Promise<ProgressState> {
  const values = { reference: String(form.get("reference") ?? ""), name: String(form.get("name") ?? "") };
  try {
    const view = await lookupProgress({ ...values, smsCode: String(form.get("smsCode") ?? "") }, await requestIp());
    return { view, values };
  } catch (e) {
    if (isDomainError(e)) return { message: e.message, issues: e.issues, values };
    throw e;
  }
}
