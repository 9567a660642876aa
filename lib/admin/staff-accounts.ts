import { randomInt } from "node:crypto";
import { z } from "zod";
import type { Db, Prisma } from "@/lib/db/types";
import { defineAction } from "@/lib/auth/run-action";
import { hashPassword } from "@/lib/auth/password";
import { revokeAllSessions } from "@/lib/auth/sessions";
import { realNameSchema } from "@/lib/schemas/account";
import { COUNTY_CODES } from "@/lib/places";
import { DomainError, notFound } from "@/lib/errors";
import type { Role } from "@/lib/auth/roles";

/**
 * Staff accounts (民警, 领导, 管理员, 审计): created, changed and disabled by admins only.
 * Residents register themselves and are not managed here. Passwords are never chosen by the
 * admin or shown twice: a random temporary password is returned once, to hand over in person.
 * A disabled account is out at once (the guard reloads the user on every request).
 */

export const STAFF_ROLES = ["clerk", "official", "admin", "auditor"] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

const usernameSchema = z
  .string({ error: "请填写用户名" })
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9._-]{2,31}$/, "用户名为3—32位小写字母、数字、点、横线或下划线，以字母开头");

/** Where the account works: a clerk's station, an official's county ("" = the whole city). */
const placement = {
  role: z.enum(STAFF_ROLES, { error: "请选择角色" }),
  stationId: z.preprocess(blankToUndefined, z.string().trim().max(64).optional()),
  isStationHead: checkbox.default(false),
  countyCode: z.preprocess(blankToUndefined, z.enum(COUNTY_CODES, { error: "请选择县（市、区）" }).optional()),
};

function refinePlacement<T extends { role: StaffRole; stationId?: string }>(v: T, ctx: z.RefinementCtx) {
  if (v.role === "clerk" && !v.stationId) ctx.addIssue({ code: "custom", path: ["stationId"], message: "民警账号须选择所属派出所" });
}

export const createStaffSchema = z.object({ username: usernameSchema, realName: realNameSchema, ...placement }).superRefine(refinePlacement);
export const updateStaffSchema = z.object({ id: z.string().trim().min(1).max(64), realName: realNameSchema, ...placement }).superRefine(refinePlacement);
export const staffIdSchema = z.object({ id: z.string().trim().min(1).max(64) });
export const setStaffDisabledSchema = staffIdSchema.extend({ disabled: checkbox });

export type CreateStaffInput = z.input<typeof createStaffSchema>;

/** The columns a role keeps; the others are cleared (a clerk has no county, an admin no station). */
async function placementColumns(db: Db, v: { role: StaffRole; stationId?: string; isStationHead: boolean; countyCode?: string }) {
  if (v.role === "clerk") {
    const st = await db.policeStation.findUnique({ where: { id: v.stationId! }, select: { id: true, active: true } });
    if (!st || !st.active)
      throw new DomainError("validation_failed", "请选择在用的派出所。", { issues: [{ path: "stationId", message: "请选择在用的派出所" }] });
    return { stationId: st.id, isStationHead: v.isStationHead, countyCode: null };
  }
  return { stationId: null, isStationHead: false, countyCode: v.role === "official" ? (v.countyCode ?? null) : null };
}

// Unambiguous characters (no 0/O, 1/l/I): read aloud or copied by hand.
const ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

export function temporaryPassword(length = 12): string {
  let s = "";
  for (let i = 0; i < length; i += 1) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

/** An admin may not lock the portal out of its last admin. */
async function assertAnotherActiveAdmin(db: Db, exceptId: string) {
  const others = await db.user.count({ where: { role: "admin", disabled: false, id: { not: exceptId } } });
  if (others === 0) throw new DomainError("invalid_state", "这是唯一在用的管理员账号，不能停用或改为其他角色。");
}

const SUMMARY = { id: true, username: true, realName: true, role: true, stationId: true, isStationHead: true, countyCode: true, disabled: true } as const;

export const createStaffDef = defineAction({ roles: ["admin"], action: "admin.staff.create", schema: createStaffSchema }, async (ctx, input) => {
  if (await ctx.tx.user.findUnique({ where: { username: input.username }, select: { id: true } })) {
    throw new DomainError("conflict", "该用户名已被使用。", { issues: [{ path: "username", message: "该用户名已被使用" }] });
  }
  const password = temporaryPassword();
  const user = await ctx.tx.user.create({
    data: {
      username: input.username,
      realName: input.realName,
      role: input.role,
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
      ...(await placementColumns(ctx.tx, input)),
    },
    select: SUMMARY,
  });
  ctx.audit({ entityType: "user", entityId: user.id, details: { after: user } });
  return { id: user.id, username: user.username, temporaryPassword: password };
});

export const updateStaffDef = defineAction({ roles: ["admin"], action: "admin.staff.update", schema: updateStaffSchema }, async (ctx, input) => {
  const before = await ctx.tx.user.findUnique({ where: { id: input.id }, select: SUMMARY });
  if (!before || before.role === "resident") throw notFound("账号");
  if (before.role === "admin" && input.role !== "admin") await assertAnotherActiveAdmin(ctx.tx, before.id);
  const after = await ctx.tx.user.update({
    where: { id: input.id },
    data: { realName: input.realName, role: input.role, ...(await placementColumns(ctx.tx, input)) },
    select: SUMMARY,
  });
  // A new role, station or county ends the account's sessions: the next request signs in again with the new rights.
  if (
    before.role !== after.role ||
    before.stationId !== after.stationId ||
    before.countyCode !== after.countyCode ||
    before.isStationHead !== after.isStationHead
  ) {
    await revokeAllSessions(ctx.tx, after.id);
  }
  ctx.audit({ entityType: "user", entityId: input.id, details: { before, after } });
  return { id: after.id };
});

export const setStaffDisabledDef = defineAction({ roles: ["admin"], action: "admin.staff.disable", schema: setStaffDisabledSchema }, async (ctx, input) => {
  const before = await ctx.tx.user.findUnique({ where: { id: input.id }, select: SUMMARY });
  if (!before || before.role === "resident") throw notFound("账号");
  if (input.disabled && before.id === ctx.user.id) throw new DomainError("invalid_state", "不能停用自己正在使用的账号。");
  if (input.disabled && before.role === "admin") await assertAnotherActiveAdmin(ctx.tx, before.id);
  await ctx.tx.user.update({ where: { id: input.id }, data: { disabled: input.disabled } });
  if (input.disabled) await revokeAllSessions(ctx.tx, input.id);
  ctx.audit({
    action: input.disabled ? "admin.staff.disable" : "admin.staff.enable",
    entityType: "user",
    entityId: input.id,
    details: { username: before.username },
  });
  return { id: input.id, disabled: input.disabled };
});

/** A new random password, shown once; the old one stops working at once. Neither is logged. */
export const resetStaffPasswordDef = defineAction({ roles: ["admin"], action: "admin.staff.reset_password", schema: staffIdSchema }, async (ctx, input) => {
  const user = await ctx.tx.user.findUnique({ where: { id: input.id }, select: { id: true, role: true, username: true } });
  if (!user || user.role === "resident") throw notFound("账号");
  const password = temporaryPassword();
  // The temporary password must be changed at the next sign-in; every session of the old password ends now.
  await ctx.tx.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password), mustChangePassword: true } });
  await revokeAllSessions(ctx.tx, user.id);
  ctx.audit({ entityType: "user", entityId: user.id, details: { username: user.username } });
  return { id: user.id, username: user.username, temporaryPassword: password };
});

/**
 * A staff member who lost their authenticator: the second factor is cleared, every session ends,
 * and the next sign-in (password, then a new enrolment) sets it up again. Never one's own: an admin
 * cannot drop their own second factor this way. The secret is not logged.
 */
export const resetStaffTwoFactorDef = defineAction({ roles: ["admin"], action: "admin.staff.reset_two_factor", schema: staffIdSchema }, async (ctx, input) => {
  const user = await ctx.tx.user.findUnique({ where: { id: input.id }, select: { id: true, role: true, username: true, totpEnabledAt: true } });
  if (!user || user.role === "resident") throw notFound("账号");
  if (user.id === ctx.user.id) throw new DomainError("forbidden", "不能重置自己的两步验证，请由另一位管理员办理。");
  if (!user.totpEnabledAt) throw new DomainError("invalid_state", "该账号尚未启用两步验证，无需重置。");
  await ctx.tx.user.update({ where: { id: user.id }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
  await revokeAllSessions(ctx.tx, user.id);
  ctx.audit({ entityType: "user", entityId: user.id, details: { username: user.username } });
  return { id: user.id };
});

export type StaffRow = Prisma.UserGetPayload<{ select: typeof SUMMARY & { lastLoginAt: true; station: { select: { name: true; countyCode: true } } } }>;

export async function listStaff(db: Db, filter: { role?: StaffRole; q?: string } = {}): Promise<StaffRow[]> {
  return db.user.findMany({
    where: {
      role: filter.role ? filter.role : { in: [...STAFF_ROLES] },
      ...(filter.q ? { OR: [{ username: { contains: filter.q.toLowerCase() } }, { realName: { contains: filter.q } }] } : {}),
    },
    orderBy: [{ role: "asc" }, { username: "asc" }],
    select: { ...SUMMARY, lastLoginAt: true, station: { select: { name: true, countyCode: true } } },
    take: 500,
  });
}
