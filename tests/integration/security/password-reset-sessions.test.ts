import { describe, expect, it } from "vitest";
import { expectDomainError } from "@/tests/support/domain-error";
import { withSmsCodeDb } from "@/tests/support/sms-code-kit";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { loadSessionUser, startSession } from "@/lib/auth/sessions";
import { requestPasswordResetCode, resetPasswordByCode } from "@/lib/residents/reset-password-by-code";

/** Issue 12 point 1 with issue 13 point 2: a password reset by SMS code ends every session and refuses weak passwords. */

let db: PrismaClient;
const { mobile, lastCode } = withSmsCodeDb("1367654", (x) => (db = x));

describe("password reset by SMS code", () => {
  it("a session from before the reset is refused after it; a new sign-in works", async () => {
    const m = mobile();
    const u = await db.user.create({ data: { role: "resident", mobile: m, realName: "钱七", passwordHash: await hashPassword("old-Passw0rd-x") } });
    const phone = await startSession(db, u.id, { ip: "10.0.3.1", userAgent: "phone" });
    const laptop = await startSession(db, u.id, { ip: "10.0.3.2", userAgent: "laptop" });
    const claims = (s: { sid: string; sv: number }) => ({ uid: u.id, sid: s.sid, sv: s.sv });
    expect(await loadSessionUser(db, claims(phone))).not.toBeNull();
    expect(await loadSessionUser(db, claims(laptop))).not.toBeNull();

    await requestPasswordResetCode(m, "10.0.3.3", db);
    const code = (await lastCode(m))!;
    await resetPasswordByCode({ mobile: m, smsCode: code, password: "Bright-harbour-lantern-7", passwordConfirm: "Bright-harbour-lantern-7" }, "10.0.3.3", db);

    expect(await loadSessionUser(db, claims(phone))).toBeNull();
    expect(await loadSessionUser(db, claims(laptop))).toBeNull();
    const rows = await db.userSession.findMany({ where: { userId: u.id } });
    expect(rows.every((r) => r.endedAt !== null)).toBe(true);
    const after = await db.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(await verifyPassword("Bright-harbour-lantern-7", after.passwordHash)).toBe(true);
    // A fresh sign-in after the reset is a valid session.
    const fresh = await startSession(db, u.id, { ip: "10.0.3.3", userAgent: "phone" });
    expect((await loadSessionUser(db, claims(fresh)))?.id).toBe(u.id);
  });

  it("refuses a common password without spending the code, and one built from the person's name", async () => {
    const m = mobile();
    const u = await db.user.create({ data: { role: "resident", mobile: m, realName: "孙小明", passwordHash: await hashPassword("old-Passw0rd-x") } });
    const s = await startSession(db, u.id, { ip: "10.0.3.4", userAgent: "phone" });
    await requestPasswordResetCode(m, "10.0.3.4", db);
    const code = (await lastCode(m))!;
    for (const weak of ["password", "12345678", "woaini1314"]) {
      const e = await expectDomainError(resetPasswordByCode({ mobile: m, smsCode: code, password: weak, passwordConfirm: weak }, "10.0.3.4", db));
      expect(e.issues.map((i) => i.path)).toContain("password");
    }
    // The code was not spent by those refusals; the name's pinyin is refused once the account is known.
    const e = await expectDomainError(
      resetPasswordByCode({ mobile: m, smsCode: code, password: "sunxiaoming", passwordConfirm: "sunxiaoming" }, "10.0.3.4", db),
    );
    expect(e.issues.find((i) => i.path === "password")?.message).toMatch(/密码/);
    const before = await db.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(await verifyPassword("old-Passw0rd-x", before.passwordHash)).toBe(true);
    expect(await loadSessionUser(db, { uid: u.id, sid: s.sid, sv: s.sv })).not.toBeNull();
  });
});
