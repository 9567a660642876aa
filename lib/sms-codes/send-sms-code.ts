import type { Db } from "@/lib/db/types";
import { DomainError } from "@/lib/errors";
import { checkRateLimit } from "@/lib/http/rate-limit";
import { hashSmsCode, newSmsCode, SMS_CODE, SMS_CODE_PER_ADDRESS, type SmsCodePurpose } from "./sms-code-rules";

export type SendSmsCodeResult = { sent: true; resendAfterSeconds: number };

const PURPOSE_TEXT: Record<SmsCodePurpose, string> = {
  register: "注册",
  password_reset: "找回密码",
  progress: "查询办理进度",
};

/**
 * Issues a 6-digit code for `mobile` and queues the SMS. The answer is the same whatever the
 * number: whether an account exists is decided by `deliver` (the caller), and then only what
 * is SENT differs (a code, a hint, or nothing) — never what the requester sees.
 *
 * Limits: one code per number per minute, five per hour and purpose; SMS_CODE_PER_ADDRESS per
 * client address. The code is stored as a keyed hash; it lives 5 minutes and allows 5 tries.
 */
export async function sendSmsCode(
  db: Db,
  opts: { purpose: SmsCodePurpose; mobile: string; ip: string; deliver?: "code" | "hint" | "nothing"; hint?: string; now?: Date },
): Promise<SendSmsCodeResult> {
  const now = opts.now ?? new Date();
  const { purpose, mobile } = opts;
  const retry = await checkRateLimit(SMS_CODE_PER_ADDRESS, opts.ip);
  if (retry) throw new DomainError("rate_limited", "获取验证码过于频繁，请稍后再试。", { details: { retryAfterSeconds: retry } });
  const recent = await db.smsCode.findMany({
    where: { mobile, purpose, createdAt: { gt: new Date(now.getTime() - 60 * 60_000) } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const last = recent[0]?.createdAt.getTime();
  if (last && now.getTime() - last < SMS_CODE.resendAfterMs) {
    const wait = Math.ceil((SMS_CODE.resendAfterMs - (now.getTime() - last)) / 1000);
    throw new DomainError("rate_limited", `验证码已发送，请${wait}秒后再重新获取。`, {
      issues: [{ path: "mobile", message: `请${wait}秒后再重新获取验证码` }],
      details: { retryAfterSeconds: wait },
    });
  }
  if (recent.length >= SMS_CODE.perNumberPerHour) {
    throw new DomainError("rate_limited", "该号码获取验证码过于频繁，请1小时后再试。", {
      issues: [{ path: "mobile", message: "获取验证码过于频繁，请1小时后再试" }],
    });
  }
  const code = newSmsCode();
  const row = await db.smsCode.create({
    data: { purpose, mobile, codeHash: hashSmsCode(purpose, mobile, code), expiresAt: new Date(now.getTime() + SMS_CODE.ttlMs), createdAt: now },
  });
  const deliver = opts.deliver ?? "code";
  if (deliver === "code") {
    await db.outboxMessage.create({
      data: {
        channel: "sms",
        recipient: mobile,
        subject: `${PURPOSE_TEXT[purpose]}验证码`,
        body: `【三门峡落户通】您正在${PURPOSE_TEXT[purpose]}，验证码 ${code}，5分钟内有效。工作人员不会向您索要验证码，请勿告诉他人。`,
        template: "code",
        params: { code },
        idempotencyKey: `sms-code:${row.id}`,
      },
    });
  } else if (deliver === "hint" && opts.hint) {
    await db.outboxMessage.create({
      data: {
        channel: "sms",
        recipient: mobile,
        subject: `${PURPOSE_TEXT[purpose]}提示`,
        body: `【三门峡落户通】${opts.hint}`,
        template: "notice",
        idempotencyKey: `sms-hint:${row.id}`,
      },
    });
  }
  return { sent: true, resendAfterSeconds: Math.round(SMS_CODE.resendAfterMs / 1000) };
}
