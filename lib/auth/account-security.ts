import { z } from "zod";
import { defineAction } from "./run-action";
import { hashPassword, verifyPassword } from "./password";
import { passwordProblem } from "./password-strength";
import { endOtherSessions, endOwnSession, revokeAllSessions } from "./sessions";
import { beginTotpEnrolment, confirmTotpEnrolment } from "./two-factor";
import { DomainError } from "@/lib/errors";
import { STAFF_AND_RESIDENT } from "./roles";

/**
 * The signed-in person's own account security: change the password (ends every session),
 * see and end their other sessions, enrol TOTP two-factor sign-in.
 */

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "请输入当前密码" }).min(1, "请输入当前密码").max(128),
    newPassword: z.string({ error: "请输入新密码" }).min(1, "请输入新密码").max(128, "密码最长128位"),
    newPasswordConfirm: z.string({ error: "请再次输入新密码" }).max(128),
  })
  .refine((v) => v.newPassword === v.newPasswordConfirm, { path: ["newPasswordConfirm"], message: "两次输入的新密码不一致" });

export const changePasswordDef = defineAction(
  { roles: STAFF_AND_RESIDENT, action: "account.password_change", schema: changePasswordSchema, allowDuringSetup: true },
  async (ctx, input) => {
    const me = await ctx.tx.user.findUniqueOrThrow({
      where: { id: ctx.user.id },
      select: { passwordHash: true, realName: true, username: true, mobile: true, idNumber: true },
    });
    if (!(await verifyPassword(input.currentPassword, me.passwordHash))) {
      throw new DomainError("validation_failed", "当前密码不正确。", { issues: [{ path: "currentPassword", message: "当前密码不正确" }] });
    }
    const weak = passwordProblem(input.newPassword, ctx.user.role, [me.realName, me.username, me.mobile, me.idNumber, input.currentPassword]);
    if (weak) throw new DomainError("validation_failed", "新密码不符合要求。", { issues: [{ path: "newPassword", message: weak }] });
    if (input.newPassword === input.currentPassword) {
      throw new DomainError("validation_failed", "新密码不能与当前密码相同。", { issues: [{ path: "newPassword", message: "新密码不能与当前密码相同" }] });
    }
    await ctx.tx.user.update({ where: { id: ctx.user.id }, data: { passwordHash: await hashPassword(input.newPassword), mustChangePassword: false } });
    // Every session (this one too) ends: sign in again with the new password.
    await revokeAllSessions(ctx.tx, ctx.user.id);
    ctx.audit({ entityType: "user", entityId: ctx.user.id });
    return { changed: true };
  },
);

export const endSessionDef = defineAction(
  { roles: STAFF_AND_RESIDENT, action: "account.session_end", schema: z.object({ sessionId: z.string().trim().min(1).max(64) }) },
  async (ctx, input) => {
    await endOwnSession(ctx.tx, ctx.user.id, input.sessionId);
    ctx.audit({ entityType: "user_session", entityId: input.sessionId });
    return { ended: 1 };
  },
);

export const endOtherSessionsDef = defineAction(
  { roles: STAFF_AND_RESIDENT, action: "account.sessions_end_others", schema: z.object({}).passthrough() },
  async (ctx) => {
    const ended = await endOtherSessions(ctx.tx, ctx.user.id, ctx.user.sessionId);
    ctx.audit({ entityType: "user", entityId: ctx.user.id, details: { ended } });
    return { ended };
  },
);

export const restartTotpEnrolmentDef = defineAction(
  { roles: STAFF_AND_RESIDENT, action: "account.two_factor_restart", schema: z.object({}).passthrough(), allowDuringSetup: true, auditEvent: false },
  async (ctx) => {
    const v = await beginTotpEnrolment(ctx.tx, ctx.user.id);
    return { qrDataUrl: v.qrDataUrl, secret: v.secret };
  },
);

export const confirmTotpDef = defineAction(
  {
    roles: STAFF_AND_RESIDENT,
    action: "account.two_factor_enable",
    schema: z.object({ code: z.string({ error: "请输入6位验证码" }).trim().max(16) }),
    allowDuringSetup: true,
  },
  async (ctx, input) => {
    const recoveryCodes = await confirmTotpEnrolment(ctx.tx, ctx.user.id, input.code);
    ctx.audit({ entityType: "user", entityId: ctx.user.id });
    return { recoveryCodes };
  },
);
