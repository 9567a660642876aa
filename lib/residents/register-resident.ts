import type { Db } from "@/lib/db/types";
import { DomainError, formatZodIssues } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { signUpSchema } from "@/lib/schemas/account";
import { recordAudit } from "@/lib/audit/record-audit";
import { passwordProblem } from "@/lib/auth/password-strength";
import { pinyin } from "pinyin-pro";

/** One answer whether the mobile number or the ID number is taken (no account enumeration). */
export const REGISTRATION_REFUSED = "无法用这些信息注册。如果您已有账号，请直接登录或找回密码；如有疑问请到派出所咨询。";

/** Creates a resident account with real-name data. The mobile number and ID number are each used once. */
export async function registerResident(db: Db, raw: unknown, ip: string) {
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) {
    throw new DomainError("validation_failed", "填写的内容有误，请按提示修改。", { issues: formatZodIssues(parsed.error) });
  }
  const { mobile, realName, idNumber, password } = parsed.data;
  const weak = passwordProblem(password, "resident", [mobile, realName, idNumber, pinyin(realName, { toneType: "none", type: "string", separator: "" })]);
  if (weak) throw new DomainError("validation_failed", "填写的内容有误，请按提示修改。", { issues: [{ path: "password", message: weak }] });
  // Hash before looking the person up: a taken number answers in the same time, with the same words for mobile and ID number.
  const passwordHash = await hashPassword(password);
  const taken = await db.user.findFirst({ where: { OR: [{ mobile }, { idNumber }] }, select: { id: true } });
  if (taken) throw new DomainError("conflict", REGISTRATION_REFUSED);
  const user = await db.user.create({
    data: { role: "resident", mobile, realName, idNumber, passwordHash },
    select: { id: true },
  });
  await recordAudit(db, { actorId: user.id, actorRole: "resident", action: "account.sign_up", entityType: "user", entityId: user.id, ip });
  return user;
}
