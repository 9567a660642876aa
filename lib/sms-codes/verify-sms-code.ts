import type { Db } from "@/lib/db/types";
import { DomainError } from "@/lib/errors";
import { hashSmsCode, sameHash, SMS_CODE, type SmsCodePurpose } from "./sms-code-rules";

const wrong = (message = "验证码不正确或已过期，请重新获取。") => new DomainError("validation_failed", message, { issues: [{ path: "smsCode", message }] });

/**
 * Checks the newest unused code for (purpose, mobile) and spends it. A wrong entry counts
 * against the code (5 tries); run this OUTSIDE a transaction that may roll back, or the
 * count is lost. Throws a validation error on the field `smsCode`.
 */
export async function verifySmsCode(db: Db, opts: { purpose: SmsCodePurpose; mobile: string; code: string; now?: Date }): Promise<void> {
  const now = opts.now ?? new Date();
  const code = opts.code.trim();
  if (!/^\d{6}$/.test(code)) throw wrong("请输入短信中的6位数字验证码");
  const row = await db.smsCode.findFirst({ where: { purpose: opts.purpose, mobile: opts.mobile, usedAt: null }, orderBy: { createdAt: "desc" } });
  if (!row || row.expiresAt <= now) throw wrong();
  if (row.attempts >= SMS_CODE.maxAttempts) throw wrong("验证码输错次数过多，请重新获取。");
  if (!sameHash(row.codeHash, hashSmsCode(opts.purpose, opts.mobile, code))) {
    await db.smsCode.updateMany({ where: { id: row.id, attempts: { lt: SMS_CODE.maxAttempts } }, data: { attempts: { increment: 1 } } });
    const left = SMS_CODE.maxAttempts - row.attempts - 1;
    throw wrong(left > 0 ? `验证码不正确，还可以再试${left}次。` : "验证码输错次数过多，请重新获取。");
  }
  // Spend it once: of two simultaneous uses, one wins.
  const spent = await db.smsCode.updateMany({ where: { id: row.id, usedAt: null, attempts: { lt: SMS_CODE.maxAttempts } }, data: { usedAt: now } });
  if (spent.count !== 1) throw wrong();
}
