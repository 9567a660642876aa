import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPrisma } from "@/tests/support/test-db";
import { registerResident, REGISTRATION_REFUSED } from "@/lib/residents/register-resident";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { testId, badChecksum } from "../../helpers/ids";

let prisma: PrismaClient;
let close: () => Promise<void>;
beforeAll(async () => ({ prisma, close } = await createTestPrisma()));
afterAll(async () => close?.());

const input = (over: Record<string, string> = {}) => ({
  mobile: "13900001111",
  realName: "赵六",
  idNumber: testId("411221", "19880808", "456"),
  password: "Secret-Harbor-47",
  passwordConfirm: "Secret-Harbor-47",
  ...over,
});

describe("resident sign-up", () => {
  it("stores a scrypt hash, never the password, and audits the sign-up", async () => {
    const u = await prisma.$transaction((tx) => registerResident(tx, input(), "10.0.0.1"));
    const row = await prisma.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(row.role).toBe("resident");
    expect(row.passwordHash).not.toContain("Secret-Harbor-47");
    expect(row.passwordHash.startsWith("scrypt$")).toBe(true);
    expect(await verifyPassword("Secret-Harbor-47", row.passwordHash)).toBe(true);
    expect(await verifyPassword("wrong-pass", row.passwordHash)).toBe(false);
    const ev = await prisma.auditEvent.findFirstOrThrow({ where: { action: "account.sign_up", actorId: u.id } });
    expect(JSON.stringify({ ...ev, id: String(ev.id) })).not.toContain(input().idNumber);
  });

  it("refuses a taken mobile or ID number with the same words (no account enumeration)", async () => {
    await expect(prisma.$transaction((tx) => registerResident(tx, input({ idNumber: testId("411221", "19880808", "457") }), "ip"))).rejects.toMatchObject({
      code: "conflict",
      message: REGISTRATION_REFUSED,
    });
    await expect(prisma.$transaction((tx) => registerResident(tx, input({ mobile: "13900002222" }), "ip"))).rejects.toMatchObject({
      code: "conflict",
      message: REGISTRATION_REFUSED,
    });
  });

  it("validates every field at once, in Chinese", async () => {
    const err = await prisma
      .$transaction((tx) => registerResident(tx, input({ mobile: "123", idNumber: badChecksum(testId()), realName: "", passwordConfirm: "other" }), "ip"))
      .catch((e) => e);
    expect(err.code).toBe("validation_failed");
    const paths = err.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["mobile", "idNumber", "realName"]));
    expect(err.issues.every((i: { message: string }) => /[\u4e00-\u9fff]/.test(i.message))).toBe(true);
  });

  it("hashes differ for the same password (salted)", async () => {
    expect(await hashPassword("same-password")).not.toBe(await hashPassword("same-password"));
  });
});
