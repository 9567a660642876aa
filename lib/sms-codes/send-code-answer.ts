import { isDomainError } from "@/lib/errors";
import { isDemoMode } from "@/lib/notify/list-demo-messages";

export type SendCodeAnswer = { ok: boolean; message: string; waitSeconds?: number; demoLink?: boolean };

/** What the 获取验证码 button shows: the same sentence for every number that was accepted. */
export async function sendCodeAnswer(run: () => Promise<{ resendAfterSeconds: number }>): Promise<SendCodeAnswer> {
  try {
    const r = await run();
    return { ok: true, message: "如果该号码可以接收短信，验证码已发送，5分钟内有效。", waitSeconds: r.resendAfterSeconds, demoLink: isDemoMode() };
  } catch (e) {
    if (isDomainError(e)) {
      const wait = Number(e.details?.retryAfterSeconds ?? 0);
      return { ok: false, message: e.issues[0]?.message ?? e.message, waitSeconds: wait > 0 && wait <= 60 ? wait : undefined };
    }
    throw e;
  }
}
