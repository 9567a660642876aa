import { describe, expect, it } from "vitest";
import { expectDomainError } from "@/tests/support/domain-error";
import { withSmsCodeDb } from "@/tests/support/sms-code-kit";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { verifyPassword } from "@/lib/auth/password";
import { isDomainError } from "@/lib/errors";
import { registerWithSmsCode, requestSignUpCode } from "@/lib/residents/register-with-sms-code";
import { requestPasswordResetCode, resetPasswordByCode } from "@/lib/residents/reset-password-by-code";
import { sendSmsCode } from "@/lib/sms-codes/send-sms-code";
import { verifySmsCode } from "@/lib/sms-codes/verify-sms-code";
import { testId } from "../../helpers/ids";

let db: PrismaClient;
const { mobile, lastCode } = withSmsCodeDb("1351234", (x) => (db = x));

describe("SMS codes", () => {
  it("registration confirms the number: a wrong code is refused, the right one registers once", async () => {
    const m = mobile();
    const ip = "10.0.0.1";
    expect(await requestSignUpCode(m, ip, db)).toEqual({ sent: true, resendAfterSeconds: 60 });
    const code = await lastCode(m);
    expect(code).toMatch(/^\d{6}$/);
    const row = await db.smsCode.findFirstOrThrow({ where: { mobile: m } });
    expect(row.codeHash).not.toContain(code!);
    expect(row.codeHash.length).toBeGreaterThan(20);
    const form = {
      mobile: m,
      realName: "王小红",
      idNumber: testId("411221", "19920101", "222"),
      password: "a-long-password-1",
      passwordConfirm: "a-long-password-1",
    };
    const wrongCode = code === "000000" ? "111111" : "000000";
    const e = await expectDomainError(registerWithSmsCode({ ...form, smsCode: wrongCode }, ip, db));
    expect(e.issues[0]).toMatchObject({ path: "smsCode" });
    expect(await db.user.count({ where: { mobile: m } })).toBe(0);
    // A mismatched confirmation is flagged even while other fields are wrong too.
    const both = await expectDomainError(registerWithSmsCode({ ...form, mobile: "123", passwordConfirm: "other", smsCode: code }, ip, db));
    expect(both.issues.map((i) => i.path)).toEqual(expect.arrayContaining(["mobile", "passwordConfirm"]));
    // A form error does not spend the code.
    await expectDomainError(registerWithSmsCode({ ...form, passwordConfirm: "other", smsCode: code }, ip, db));
    await registerWithSmsCode({ ...form, smsCode: code }, ip, db);
    expect(await db.user.count({ where: { mobile: m } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "account.sign_up_code_refused" } })).toBeGreaterThan(0);
    // Spent: not usable again.
    await expect(verifySmsCode(db, { purpose: "register", mobile: m, code: code! })).rejects.toThrow(/验证码/);
  });

  it("never reveals whether a number is registered: same answer, a hint instead of a code", async () => {
    const m = mobile();
    await db.user.create({ data: { role: "resident", mobile: m, realName: "已注册", passwordHash: "x" } });
    expect(await requestSignUpCode(m, "10.0.0.2", db)).toEqual({ sent: true, resendAfterSeconds: 60 });
    expect(await lastCode(m)).toBeUndefined();
    const hint = await db.outboxMessage.findFirstOrThrow({ where: { recipient: m } });
    expect(hint.body).toMatch(/已注册/);
    const unknown = mobile();
    expect(await requestPasswordResetCode(unknown, "10.0.0.2", db)).toEqual(await requestPasswordResetCode(mobile(), "10.0.0.2", db));
    expect(await db.outboxMessage.count({ where: { recipient: unknown } })).toBe(0);
    // …but the per-number limit applies to unknown numbers too, so timing the limit reveals nothing.
    await expect(requestPasswordResetCode(unknown, "10.0.0.2", db)).rejects.toThrow(/秒后/);
  });

  it("expires after 5 minutes and allows 5 tries", async () => {
    const m = mobile();
    const t0 = new Date("2026-12-01T02:00:00Z");
    await sendSmsCode(db, { purpose: "progress", mobile: m, ip: "10.0.0.3", now: t0 });
    const code = (await lastCode(m))!;
    await expect(verifySmsCode(db, { purpose: "progress", mobile: m, code, now: new Date(t0.getTime() + 5 * 60_000 + 1) })).rejects.toThrow(/过期/);
    // A code for another purpose never works.
    await expect(verifySmsCode(db, { purpose: "register", mobile: m, code, now: t0 })).rejects.toThrow();

    const m2 = mobile();
    await sendSmsCode(db, { purpose: "progress", mobile: m2, ip: "10.0.0.3", now: t0 });
    const good = (await lastCode(m2))!;
    const bad = good === "123456" ? "654321" : "123456";
    for (let i = 0; i < 5; i++) await expect(verifySmsCode(db, { purpose: "progress", mobile: m2, code: bad, now: t0 })).rejects.toThrow();
    await expect(verifySmsCode(db, { purpose: "progress", mobile: m2, code: good, now: t0 })).rejects.toThrow(/次数过多/);
  });

  it("is rate-limited per number (one a minute, five an hour) and per address", async () => {
    const m = mobile();
    const t0 = Date.parse("2026-12-01T03:00:00Z");
    await sendSmsCode(db, { purpose: "register", mobile: m, ip: "10.0.1.1", now: new Date(t0) });
    const e = await expectDomainError(sendSmsCode(db, { purpose: "register", mobile: m, ip: "10.0.1.2", now: new Date(t0 + 30_000) }));
    expect(e.code).toBe("rate_limited");
    for (let i = 1; i < 5; i++) await sendSmsCode(db, { purpose: "register", mobile: m, ip: `10.0.1.${i + 2}`, now: new Date(t0 + i * 61_000) });
    await expect(sendSmsCode(db, { purpose: "register", mobile: m, ip: "10.0.1.9", now: new Date(t0 + 10 * 61_000) })).rejects.toThrow(/1小时/);

    let refused = 0;
    for (let i = 0; i < 22; i++) {
      try {
        await sendSmsCode(db, { purpose: "register", mobile: mobile(), ip: "10.9.9.9" });
      } catch (err) {
        if (isDomainError(err) && err.code === "rate_limited") refused += 1;
      }
    }
    expect(refused).toBe(2);
  });

  it("resets a password by code", async () => {
    const m = mobile();
    const u = await db.user.create({ data: { role: "resident", mobile: m, realName: "赵四", passwordHash: "x" } });
    await requestPasswordResetCode(m, "10.0.2.1", db);
    const code = (await lastCode(m))!;
    const e = await expectDomainError(resetPasswordByCode({ mobile: m, smsCode: code, password: "new-password-9", passwordConfirm: "other" }, "10.0.2.1", db));
    expect(e.issues.map((i) => i.path)).toEqual(["passwordConfirm"]);
    await resetPasswordByCode({ mobile: m, smsCode: code, password: "new-password-9", passwordConfirm: "new-password-9" }, "10.0.2.1", db);
    const after = await db.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(await verifyPassword("new-password-9", after.passwordHash)).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "account.password_reset", entityId: u.id } })).toBe(1);
  });
});
