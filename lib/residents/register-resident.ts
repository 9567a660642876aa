import type { Db } from "@/lib/db/types";
import { DomainError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { signUpSchema } from "@/lib/schemas/account";
import { formatZodIssues } from "@/lib/schemas/eligibility";
import { recordAudit } from "@/lib/audit/record-audit";

/** Creates a resident account with real-name data. The mobile number and ID number are each used once. */
export async function registerResident(db: Db, raw: unknown, ip: string) {
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) {
    throw new DomainError("validation_failed", "填写的内容有误，请按提示修改。", { issues: formatZodIssues(parsed.error) });
  }
  const { mobile, realName, idNumber, password } = parsed.data;
  const taken = await db.user.findFirst({ where: { OR: [{ mobile }, { idNumber }] }, select: { mobile: true } });
  if (taken) {
    const path = taken.mobile === mobile ? "mobile" : "idNumber";
    const message = path === "mobile" ? "该手机号已注册，请直接登录。" : "该身份证号已注册实名账号，请使用原手机号登录。";
    throw new DomainError("conflict", message, { issues: [{ path, message }] });
  }
  const user = await db.user.create({
    data: { role: "resident", mobile, realName, idNumber, passwordHash: await hashPassword(password) },
    select: { id: true },
  });
  await recordAudit(db, { actorId: user.id, actorRole: "resident", action: "account.sign_up", entityType: "user", entityId: user.id, ip });
  return user;
}
