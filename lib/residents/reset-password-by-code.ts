import { getPrisma } from "@/lib/db/client";
import type { Db, PrismaClient } from "@/lib/db/types";
import { DomainError, formatZodIssues } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-strength";
import { revokeAllSessions } from "@/lib/auth/sessions";
import { pinyin } from "pinyin-pro";
import { recordAudit } from "@/lib/audit/record-audit";
import { passwordResetSchema } from "@/lib/schemas/sms-code";
import { sendSmsCode } from "@/lib/sms-codes/send-sms-code";
import { verifySmsCode } from "@/lib/sms-codes/verify-sms-code";
import { parseMobile } from "./register-with-sms-code";

/**
 * 忘记密码, step 1. Only a resident account's number receives a code; every number gets the
 * same answer, so the page never tells whether a number is registered.
 */
export async function requestPasswordResetCode(rawMobile: unknown, ip: string, db: Db = getPrisma()) {
  const mobile = parseMobile(rawMobile);
  const user = await db.user.findUnique({ where: { mobile }, select: { role: true, disabled: true } });
  const deliver = user && user.role === "resident" && !user.disabled ? "code" : "nothing";
  return sendSmsCode(db, { purpose: "password_reset", mobile, ip, deliver });
}

const weakPassword = (message: string) => new DomainError("validation_failed", "填写的内容有误，请按提示修改。", { issues: [{ path: "password", message }] });

/**
 * Step 2: the code and the new password. The password is judged as at registration
 * (common and breached passwords refused); every session of the account ends (issue 12 point 1).
 */
export async function resetPasswordByCode(raw: unknown, ip: string, prisma: PrismaClient = getPrisma()): Promise<void> {
  const parsed = passwordResetSchema.safeParse(raw);
  if (!parsed.success) throw new DomainError("validation_failed", "填写的内容有误，请按提示修改。", { issues: formatZodIssues(parsed.error) });
  const { mobile, smsCode, password } = parsed.data;
  // Judged first with what the caller already typed, so a common password never spends the code
  // and the answer says nothing about the account.
  const common = passwordProblem(password, "resident", [mobile]);
  if (common) throw weakPassword(common);
  try {
    await verifySmsCode(prisma, { purpose: "password_reset", mobile, code: smsCode });
  } catch (e) {
    await recordAudit(prisma, { action: "account.password_reset_refused", entityType: "user", ip });
    throw e;
  }
  const user = await prisma.user.findUnique({
    where: { mobile },
    select: { id: true, role: true, disabled: true, realName: true, idNumber: true, username: true },
  });
  // A code is only ever sent to an active resident's number, so this is a stale or forged attempt.
  if (!user || user.role !== "resident" || user.disabled) {
    throw new DomainError("validation_failed", "验证码不正确或已过期，请重新获取。", {
      issues: [{ path: "smsCode", message: "验证码不正确或已过期，请重新获取。" }],
    });
  }
  // Then with the person's own data (name, its pinyin, ID number), as registration does; only the code's holder sees this.
  const personal = passwordProblem(password, "resident", [
    mobile,
    user.realName,
    user.idNumber,
    user.username,
    pinyin(user.realName, { toneType: "none", type: "string", separator: "" }),
  ]);
  if (personal) throw weakPassword(`${personal}（验证码已使用，请重新获取验证码）`);
  const passwordHash = await hashPassword(password);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: false } });
    // Whoever held a session (a stolen phone, a shared computer) is signed out everywhere.
    await revokeAllSessions(tx, user.id);
    await recordAudit(tx, { actorId: user.id, actorRole: "resident", action: "account.password_reset", entityType: "user", entityId: user.id, ip });
  });
}
