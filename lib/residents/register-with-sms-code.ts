import { getPrisma } from "@/lib/db/client";
import type { Db, PrismaClient } from "@/lib/db/types";
import { DomainError, formatZodIssues } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { mobileSchema, signUpSchema } from "@/lib/schemas/account";
import { smsCodeSchema } from "@/lib/schemas/sms-code";
import { sendSmsCode } from "@/lib/sms-codes/send-sms-code";
import { verifySmsCode } from "@/lib/sms-codes/verify-sms-code";
import { registerResident } from "./register-resident";

export function parseMobile(raw: unknown): string {
  const parsed = mobileSchema.safeParse(raw);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "请输入11位中国大陆手机号码";
    throw new DomainError("validation_failed", message, { issues: [{ path: "mobile", message }] });
  }
  return parsed.data;
}

/**
 * Step 1 of sign-up: a code to the number. A number that already has an account gets a hint
 * to sign in instead — the person asking sees the same answer either way.
 */
export async function requestSignUpCode(rawMobile: unknown, ip: string, db: Db = getPrisma()) {
  const mobile = parseMobile(rawMobile);
  const exists = await db.user.findUnique({ where: { mobile }, select: { id: true } });
  return sendSmsCode(db, {
    purpose: "register",
    mobile,
    ip,
    deliver: exists ? "hint" : "code",
    hint: "该手机号已注册落户通账号，请直接登录；如忘记密码，可在登录页点击“忘记密码”找回。",
  });
}

/** Step 2: the form and the code. The code is checked (and spent) only when the rest of the form is valid. */
export async function registerWithSmsCode(raw: Record<string, unknown>, ip: string, prisma: PrismaClient = getPrisma()) {
  const parsed = signUpSchema.safeParse(raw);
  const code = smsCodeSchema.safeParse(raw.smsCode);
  if (!parsed.success || !code.success) {
    const issues = [
      ...(parsed.success ? [] : formatZodIssues(parsed.error)),
      ...(code.success ? [] : formatZodIssues(code.error).map((i) => ({ ...i, path: "smsCode" }))),
    ];
    // The schema's cross-field check does not run while other fields fail: say it anyway.
    if (typeof raw.password === "string" && raw.password && raw.password !== raw.passwordConfirm && !issues.some((i) => i.path === "passwordConfirm")) {
      issues.push({ path: "passwordConfirm", message: "两次输入的密码不一致" });
    }
    throw new DomainError("validation_failed", "填写的内容有误，请按提示修改。", { issues });
  }
  try {
    await verifySmsCode(prisma, { purpose: "register", mobile: parsed.data.mobile, code: code.data });
  } catch (e) {
    await recordAudit(prisma, { action: "account.sign_up_code_refused", entityType: "user", ip });
    throw e;
  }
  return prisma.$transaction((tx) => registerResident(tx, raw, ip));
}
