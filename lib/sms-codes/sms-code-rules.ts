import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import type { RateLimitRule } from "@/lib/http/rate-limit";

/** What a code is for; a code for one purpose never works for another. */
export type SmsCodePurpose = "register" | "password_reset" | "progress";

export const SMS_CODE = {
  /** A code is valid this long. */
  ttlMs: 5 * 60_000,
  /** Wrong entries allowed per code. */
  maxAttempts: 5,
  /** A number gets at most one code per this interval… */
  resendAfterMs: 60_000,
  /** …and at most this many per hour (per purpose). */
  perNumberPerHour: 5,
} as const;

/** Codes requested from one client address (any number, any purpose). */
export const SMS_CODE_PER_ADDRESS: RateLimitRule = { name: "sms-code-address", limit: Number(process.env.LUOHU_RATE_SMS_CODES ?? 20), windowMs: 60 * 60_000 };

export function newSmsCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

/** Keyed hash: the code alone (a million values) cannot be found from the table without the server's secret. */
export function hashSmsCode(purpose: SmsCodePurpose, mobile: string, code: string): string {
  const key = process.env.AUTH_SECRET || "luohu-sms-code";
  return createHmac("sha256", key).update(`${purpose}:${mobile}:${code}`).digest("base64");
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
