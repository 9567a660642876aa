import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { generate } from "otplib";
import { createTestPrisma } from "@/tests/support/test-db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { seedReferenceData } from "@/lib/seed/reference-data";
import { hashPassword } from "@/lib/auth/password";
import { runAction } from "@/lib/auth/run-action";
import type { SessionUser } from "@/lib/auth/roles";
import { endSession, listActiveSessions, loadSessionUser, purgeOldSessions, startSession, STAFF_IDLE_MS, SESSION_MAX_AGE_S } from "@/lib/auth/sessions";
import { JOBS } from "@/lib/jobs/job-registry";
import { resetStaffPasswordDef, resetStaffTwoFactorDef, setStaffDisabledDef, updateStaffDef, createStaffDef } from "@/lib/admin/staff-accounts";
import { changePasswordDef, confirmTotpDef, endSessionDef } from "@/lib/auth/account-security";
import { checkPasswordStep, TOO_MANY_ATTEMPTS, WRONG_CREDENTIALS } from "@/lib/auth/sign-in";
import { beginSignIn } from "@/lib/auth/begin-sign-in";
import { beginTotpEnrolment, verifySecondFactor } from "@/lib/auth/two-factor";
import { MemoryRateLimitStore, setRateLimitStore, RATE_LIMITS } from "@/lib/http/rate-limit";
import { registerResident, REGISTRATION_REFUSED } from "@/lib/residents/register-resident";
import { testId } from "../../helpers/ids";
import { verifyAuditChain } from "@/lib/audit/verify-chain";

let prisma: PrismaClient;
let close: () => Promise<void>;
const PASSWORD = "luohu-demo";
let admin: SessionUser;
let clerkId: string;
let stationIds: string[];

async function signedIn(userId: string, ip = "10.0.0.1") {
  const s = await startSession(prisma, userId, { ip, userAgent: "vitest" });
  return { uid: userId, ...s };
}

const prev2fa = process.env.LUOHU_REQUIRE_2FA;
beforeAll(async () => {
  // Two-factor is on by default with DATABASE_URL (production); these tests turn it on where they test it.
  process.env.LUOHU_REQUIRE_2FA = "0";
  ({ prisma, close } = await createTestPrisma());
  await seedReferenceData(prisma);
  (globalThis as Record<symbol, unknown>)[Symbol.for("luohu.db.prisma")] = prisma;
  process.env.AUTH_SECRET ??= "test-secret-0123456789-0123456789";
  const hash = await hashPassword(PASSWORD);
  stationIds = (await prisma.policeStation.findMany({ take: 2, orderBy: { code: "asc" }, select: { id: true } })).map((s) => s.id);
  const a = await prisma.user.create({ data: { role: "admin", username: "sec-admin", realName: "管理员", passwordHash: hash } });
  await prisma.user.create({ data: { role: "admin", username: "sec-admin-2", realName: "管理员二", passwordHash: hash } });
  const adminClaims = await signedIn(a.id);
  admin = (await loadSessionUser(prisma, adminClaims))!;
  clerkId = (await prisma.user.create({ data: { role: "clerk", username: "sec-clerk", realName: "民警甲", passwordHash: hash, stationId: stationIds[0] } })).id;
}, 180_000);
afterAll(async () => {
  if (prev2fa === undefined) delete process.env.LUOHU_REQUIRE_2FA;
  else process.env.LUOHU_REQUIRE_2FA = prev2fa;
  delete (globalThis as Record<symbol, unknown>)[Symbol.for("luohu.db.prisma")];
  await close?.();
});
beforeEach(() => setRateLimitStore(new MemoryRateLimitStore()));

describe("revocable sessions (point 1)", () => {
  it("a copied cookie stops working after sign-out", async () => {
    const cookie = await signedIn(clerkId);
    expect(await loadSessionUser(prisma, cookie)).toMatchObject({ id: clerkId, role: "clerk", sessionId: cookie.sid });
    const copy = { ...cookie };
    await endSession(prisma, cookie.sid); // what POST /api/auth/signout does (next-auth events.signOut)
    expect(await loadSessionUser(prisma, copy)).toBeNull();
  });

  it("an admin's password reset ends every session of that account, and the temporary password must be changed", async () => {
    const a = await signedIn(clerkId, "10.0.0.2");
    const b = await signedIn(clerkId, "10.0.0.3");
    await runAction(prisma, admin, "10.9.9.9", resetStaffPasswordDef, { id: clerkId });
    expect(await loadSessionUser(prisma, a)).toBeNull();
    expect(await loadSessionUser(prisma, b)).toBeNull();
    const fresh = await loadSessionUser(prisma, await signedIn(clerkId));
    expect(fresh?.mustChangePassword).toBe(true);
    // until changed, ordinary actions are refused; the password change itself is allowed
    await expect(runAction(prisma, fresh!, "ip", endSessionDef, { sessionId: "x" })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("a role or station change and disabling end the sessions", async () => {
    let c = await signedIn(clerkId);
    await runAction(prisma, admin, "ip", updateStaffDef, { id: clerkId, realName: "民警甲", role: "clerk", stationId: stationIds[1] });
    expect(await loadSessionUser(prisma, c)).toBeNull();
    c = await signedIn(clerkId);
    await runAction(prisma, admin, "ip", updateStaffDef, { id: clerkId, realName: "民警甲乙", role: "clerk", stationId: stationIds[1] });
    expect(await loadSessionUser(prisma, c)).not.toBeNull(); // a name change alone keeps them signed in
    await runAction(prisma, admin, "ip", setStaffDisabledDef, { id: clerkId, disabled: true });
    expect(await loadSessionUser(prisma, c)).toBeNull();
    await runAction(prisma, admin, "ip", setStaffDisabledDef, { id: clerkId, disabled: false });
    expect(await loadSessionUser(prisma, c)).toBeNull(); // re-enabling does not revive old sessions
  });

  it("staff idle 30 minutes are out; residents are not yet; nobody past the absolute lifetime", async () => {
    const resident = await prisma.user.create({
      data: { role: "resident", mobile: "13900009999", realName: "居民", passwordHash: "x", idNumber: testId("410323", "19900101", "555") },
    });
    const staff = await signedIn(clerkId);
    const res = await signedIn(resident.id);
    const later = new Date(Date.now() + STAFF_IDLE_MS + 60_000);
    expect(await loadSessionUser(prisma, staff, later)).toBeNull();
    expect(await loadSessionUser(prisma, res, later)).not.toBeNull();
    // kept active (a request every 20 minutes) but past the absolute lifetime
    const res2 = await signedIn(resident.id);
    await prisma.userSession.update({ where: { id: res2.sid }, data: { createdAt: new Date(Date.now() - SESSION_MAX_AGE_S * 1000 - 1000) } });
    expect(await loadSessionUser(prisma, res2)).toBeNull();
  });

  it("a staff member sees their sessions and ends another one, but never someone else's", async () => {
    await prisma.user.update({ where: { id: clerkId }, data: { mustChangePassword: false } }); // reset by an earlier test
    const here = await signedIn(clerkId, "10.1.0.1");
    const there = await signedIn(clerkId, "10.1.0.2");
    const me = (await loadSessionUser(prisma, here))!;
    const list = await listActiveSessions(prisma, me);
    expect(list.find((s) => s.current)?.id).toBe(here.sid);
    expect(list.map((s) => s.id)).toContain(there.sid);
    await runAction(prisma, me, "10.1.0.1", endSessionDef, { sessionId: there.sid });
    expect(await loadSessionUser(prisma, there)).toBeNull();
    expect(await loadSessionUser(prisma, here)).not.toBeNull();
    const adminSession = await signedIn(admin.id);
    await expect(runAction(prisma, me, "ip", endSessionDef, { sessionId: adminSession.sid })).rejects.toMatchObject({ code: "not_found" });
    expect(await loadSessionUser(prisma, adminSession)).not.toBeNull();
  });

  it("changing the password refuses weak ones, clears the temporary flag and ends all sessions", async () => {
    const created = await runAction(prisma, admin, "ip", createStaffDef, { username: "sec-new", realName: "新民警", role: "clerk", stationId: stationIds[0] });
    const s = await signedIn(created.id);
    const me = (await loadSessionUser(prisma, s))!;
    expect(me.mustChangePassword).toBe(true);
    const weak = await runAction(prisma, me, "ip", changePasswordDef, {
      currentPassword: created.temporaryPassword,
      newPassword: "password1234",
      newPasswordConfirm: "password1234",
    }).catch((e) => e);
    expect(weak).toMatchObject({ code: "validation_failed", issues: [expect.objectContaining({ path: "newPassword" })] });
    const short = await runAction(prisma, me, "ip", changePasswordDef, {
      currentPassword: created.temporaryPassword,
      newPassword: "Kq8#Zm2pL",
      newPasswordConfirm: "Kq8#Zm2pL",
    }).catch((e) => e);
    expect(short.issues[0].message).toMatch(/12/);
    await runAction(prisma, me, "ip", changePasswordDef, {
      currentPassword: created.temporaryPassword,
      newPassword: "Kq8#Zm2pLw9x-Tf",
      newPasswordConfirm: "Kq8#Zm2pLw9x-Tf",
    });
    expect(await loadSessionUser(prisma, s)).toBeNull();
    const row = await prisma.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.mustChangePassword).toBe(false);
    await expect(checkPasswordStep(prisma, "sec-new", "Kq8#Zm2pLw9x-Tf", "10.3.3.3")).resolves.toMatchObject({ id: created.id });
  });
});

describe("sign-in without enumeration, with backoff (point 3)", () => {
  it("unknown and known accounts: the same words and about the same time", async () => {
    const time = async (login: string) => {
      const t0 = performance.now();
      const e = await checkPasswordStep(prisma, login, "wrong-password", "10.4.4.4").catch((x) => x);
      return { e, ms: performance.now() - t0 };
    };
    await time("sec-admin"); // warm up the dummy hash
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      const k = await time("sec-admin");
      const u = await time(`nobody-${i}`);
      expect(k.e.message).toBe(WRONG_CREDENTIALS);
      expect(u.e.message).toBe(WRONG_CREDENTIALS);
      known.push(k.ms);
      unknown.push(u.ms);
    }
    const med = (xs: number[]) => xs.sort((a, b) => a - b)[1];
    // Both do one scrypt (~50 ms); without the dummy hash the unknown account answered in ~1 ms.
    expect(med(unknown)).toBeGreaterThan(med(known) * 0.5);
    expect(med(unknown)).toBeGreaterThan(15);
  });

  it("per-account backoff across addresses: 10 wrong passwords from 10 addresses, then even the right one waits", async () => {
    for (let i = 0; i < RATE_LIMITS.signInAccountFailures.limit; i++) {
      await expect(checkPasswordStep(prisma, "sec-admin-2", `wrong-${i}`, `198.51.100.${i}`)).rejects.toMatchObject({ message: WRONG_CREDENTIALS });
    }
    await expect(checkPasswordStep(prisma, "sec-admin-2", PASSWORD, "203.0.113.200")).rejects.toMatchObject({
      code: "rate_limited",
      message: TOO_MANY_ATTEMPTS,
    });
    // an unknown account gets the very same treatment
    for (let i = 0; i < RATE_LIMITS.signInAccountFailures.limit; i++)
      await checkPasswordStep(prisma, "ghost-account", "x", `192.0.2.${i}`).catch(() => undefined);
    await expect(checkPasswordStep(prisma, "ghost-account", "x", "192.0.2.250")).rejects.toMatchObject({ message: TOO_MANY_ATTEMPTS });
    // the audit trail records the addresses the attempts came from, in an intact chain
    expect(await prisma.auditEvent.count({ where: { action: "auth.sign_in_failed", ip: { startsWith: "198.51.100." } } })).toBe(10);
    await Promise.all(Array.from({ length: 8 }, (_, i) => checkPasswordStep(prisma, `parallel-${i}`, "x", `192.0.2.${100 + i}`).catch(() => undefined)));
    expect((await verifyAuditChain(prisma)).breaks).toEqual([]);
  });

  it("a global throttle caps all sign-in attempts", async () => {
    const store = new MemoryRateLimitStore();
    setRateLimitStore(store);
    for (let i = 0; i < RATE_LIMITS.signInGlobal.limit; i++) await store.hit(`${RATE_LIMITS.signInGlobal.name}:all`, RATE_LIMITS.signInGlobal.windowMs);
    await expect(checkPasswordStep(prisma, "sec-admin", PASSWORD, "10.5.5.5")).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("a NUL byte or a non-string in the sign-in form is a validation answer, not a database error", async () => {
    expect(await beginSignIn({ login: "adm\u0000in", password: "x" }, "10.6.6.6")).toMatchObject({ ok: false });
    expect(await beginSignIn({ login: { $gt: "" }, password: ["a"] }, "10.6.6.6")).toMatchObject({ ok: false });
    expect(await beginSignIn({ login: "sec-admin", password: PASSWORD }, "10.6.6.6")).toMatchObject({ ok: true, secondFactor: false });
  });

  it("registration: taken mobile and taken ID number get the same words; weak passwords are refused", async () => {
    const id1 = testId("411202", "19910101", "321");
    const input = (o: Record<string, string> = {}) => ({
      mobile: "13700001111",
      realName: "孙七",
      idNumber: id1,
      password: "Kq8#Zm2pLw",
      passwordConfirm: "Kq8#Zm2pLw",
      ...o,
    });
    await prisma.$transaction((tx) => registerResident(tx, input(), "ip"));
    const a = await prisma.$transaction((tx) => registerResident(tx, input({ idNumber: testId("411202", "19910101", "322") }), "ip")).catch((e) => e);
    const b = await prisma.$transaction((tx) => registerResident(tx, input({ mobile: "13700002222" }), "ip")).catch((e) => e);
    expect(a.message).toBe(REGISTRATION_REFUSED);
    expect(b.message).toBe(REGISTRATION_REFUSED);
    expect(a.issues).toEqual(b.issues);
    for (const pw of ["12345678", "password", "woaini1314"]) {
      const e = await prisma
        .$transaction((tx) =>
          registerResident(tx, input({ mobile: "13700003333", idNumber: testId("411202", "19920101", "323"), password: pw, passwordConfirm: pw }), "ip"),
        )
        .catch((x) => x);
      expect(e.issues).toEqual([expect.objectContaining({ path: "password" })]);
    }
  });
});

describe("TOTP two-factor (point 9)", () => {
  it("enrols with a QR code, confirms with a first code, then each code works once and recovery codes once", async () => {
    const u = await prisma.user.create({ data: { role: "auditor", username: "sec-auditor", realName: "审计员", passwordHash: await hashPassword(PASSWORD) } });
    const claims = await signedIn(u.id);
    const me = (await loadSessionUser(prisma, claims))!;
    const view = await beginTotpEnrolment(prisma, u.id);
    expect(view.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(view.uri).toMatch(/^otpauth:\/\/totp\//);
    const bad = await runAction(prisma, me, "ip", confirmTotpDef, { code: "000000" }).catch((e) => e);
    expect(bad.code).toBe("validation_failed");
    const code = await generate({ secret: view.secret });
    const { recoveryCodes } = await runAction(prisma, me, "ip", confirmTotpDef, { code });
    expect(recoveryCodes).toHaveLength(10);
    const row = await prisma.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(row.totpEnabledAt).not.toBeNull();
    expect(row.recoveryCodeHashes.join()).not.toContain(recoveryCodes[0].replace("-", ""));
    // the password step now asks for the second factor
    expect(await beginSignIn({ login: "sec-auditor", password: PASSWORD }, "10.7.7.7")).toMatchObject({ ok: true, secondFactor: true });
    // the enrolment code was used: not again
    expect(await verifySecondFactor(prisma, u.id, code)).toBe(false);
    expect(await verifySecondFactor(prisma, u.id, "12345")).toBe(false);
    expect(await verifySecondFactor(prisma, u.id, recoveryCodes[3].toLowerCase())).toBe(true);
    expect(await verifySecondFactor(prisma, u.id, recoveryCodes[3])).toBe(false);
  });

  it("an admin resets a lost second factor: cleared, signed out everywhere, enrolment again; never one's own, and a refusal is audited", async () => {
    const u = await prisma.user.create({
      data: { role: "clerk", username: "sec-lost-phone", realName: "民警丙", passwordHash: await hashPassword(PASSWORD), stationId: stationIds[0] },
    });
    const view = await beginTotpEnrolment(prisma, u.id);
    const me = (await loadSessionUser(prisma, await signedIn(u.id)))!;
    await runAction(prisma, me, "ip", confirmTotpDef, { code: await generate({ secret: view.secret }) });
    const session = await signedIn(u.id);
    expect(await beginSignIn({ login: "sec-lost-phone", password: PASSWORD }, "10.7.7.8")).toMatchObject({ ok: true, secondFactor: true });

    await runAction(prisma, admin, "10.9.9.9", resetStaffTwoFactorDef, { id: u.id });
    const row = await prisma.user.findUniqueOrThrow({ where: { id: u.id } });
    expect([row.totpSecret, row.totpEnabledAt, row.totpLastStep]).toEqual([null, null, null]);
    expect(await loadSessionUser(prisma, session)).toBeNull();
    expect(await beginSignIn({ login: "sec-lost-phone", password: PASSWORD }, "10.7.7.8")).toMatchObject({ ok: true, secondFactor: false });
    const event = await prisma.auditEvent.findFirst({ where: { action: "admin.staff.reset_two_factor", entityId: u.id } });
    expect(event?.actorId).toBe(admin.id);
    expect(JSON.stringify(event?.details)).not.toContain(view.secret);

    // Nothing to reset now; and an admin cannot reset their own.
    await expect(runAction(prisma, admin, "ip", resetStaffTwoFactorDef, { id: u.id })).rejects.toMatchObject({ code: "invalid_state" });
    await prisma.user.update({ where: { id: admin.id }, data: { totpEnabledAt: new Date(), totpSecret: "X" } });
    try {
      await expect(runAction(prisma, admin, "ip", resetStaffTwoFactorDef, { id: admin.id })).rejects.toMatchObject({ code: "forbidden" });
      expect(await prisma.auditEvent.count({ where: { action: "admin.staff.reset_two_factor.denied", actorId: admin.id } })).toBeGreaterThanOrEqual(1);
    } finally {
      await prisma.user.update({ where: { id: admin.id }, data: { totpEnabledAt: null, totpSecret: null } });
    }
  });

  it("LUOHU_REQUIRE_2FA=1: staff without TOTP may only enrol; off in the demo by default", async () => {
    try {
      process.env.LUOHU_REQUIRE_2FA = "1";
      const s = await signedIn(admin.id);
      const me = (await loadSessionUser(prisma, s))!;
      expect(me.needsTwoFactorEnrolment).toBe(true);
      await expect(runAction(prisma, me, "ip", endSessionDef, { sessionId: "x" })).rejects.toMatchObject({ code: "forbidden" });
      process.env.LUOHU_REQUIRE_2FA = "0";
      expect((await loadSessionUser(prisma, s))!.needsTwoFactorEnrolment).toBe(false);
    } finally {
      process.env.LUOHU_REQUIRE_2FA = "0";
    }
  });
});

describe("old session rows are deleted (session-cleanup job)", () => {
  it("rows begun before the retention window go, in batches; recent and live ones stay", async () => {
    const old = new Date(Date.now() - 100 * 24 * 60 * 60_000);
    await prisma.userSession.createMany({
      data: Array.from({ length: 7 }, (_, i) => ({
        userId: clerkId,
        version: 0,
        ip: `10.1.0.${i}`,
        userAgent: "old",
        createdAt: old,
        lastSeenAt: old,
        endedAt: old,
      })),
    });
    const recent = await prisma.userSession.create({
      data: { userId: clerkId, version: 0, ip: "10.1.1.1", userAgent: "recent", createdAt: new Date(Date.now() - 10 * 24 * 60 * 60_000) },
    });
    const live = await signedIn(clerkId);
    expect(await purgeOldSessions(prisma, { retentionDays: 90, batch: 3 })).toBe(7);
    expect(await prisma.userSession.count({ where: { userAgent: "old" } })).toBe(0);
    expect(await prisma.userSession.findUnique({ where: { id: recent.id } })).not.toBeNull();
    expect(await loadSessionUser(prisma, live)).toMatchObject({ id: clerkId });
    // Even "now" a year ahead never reaches a session that may still be alive.
    expect(await purgeOldSessions(prisma, { now: new Date(Date.now() + 365 * 24 * 60 * 60_000), retentionDays: 1 })).toBeGreaterThanOrEqual(1);
    expect(await prisma.userSession.findUnique({ where: { id: recent.id } })).toBeNull();
    expect(await loadSessionUser(prisma, live)).toMatchObject({ id: clerkId });
  });

  it("the job is in the registry, on a nightly schedule", () => {
    const job = JOBS.find((j) => j.name === "session-cleanup");
    expect(job?.cron).toMatch(/^\d+ \d+ \* \* \*$/);
  });
});
