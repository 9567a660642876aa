import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestPrisma } from "@/tests/support/test-db";
import { seedReferenceData } from "@/lib/seed/reference-data";
import { defineAction, runAction } from "@/lib/auth/run-action";
import { applicationScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/roles";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/errors";
import { testId } from "../../helpers/ids";
import { asSession, submittedFiling } from "@/tests/support/guard-fixtures";

let prisma: PrismaClient;
let close: () => Promise<void>;
const users: Record<string, SessionUser> = {};
let filingA: string;
let filingB: string;

/** Reads one filing through the guard and the scope, as every page does. */
const readFiling = defineAction(
  { roles: ["resident", "clerk", "official", "admin", "auditor"], action: "filing.view", schema: z.object({ id: z.string() }) },
  async (ctx, { id }) => {
    const app = await ctx.tx.application.findFirst({ where: { id, ...applicationScope(ctx.user) }, select: { id: true, applicantName: true } });
    if (!app) throw new DomainError("not_found", "申请不存在或您无权查看。");
    ctx.audit({ applicationId: app.id, entityType: "application", entityId: app.id });
    return app;
  },
);

const adminOnly = defineAction({ roles: ["admin"], action: "admin.ping", schema: z.object({ n: z.number().int() }) }, async () => "pong");

beforeAll(async () => {
  ({ prisma, close } = await createTestPrisma());
  await seedReferenceData(prisma);
  const stations = await prisma.policeStation.findMany({ where: { code: { in: ["411202-01", "411203-01"] } }, orderBy: { code: "asc" } });
  const mk = async (role: SessionUser["role"], key: string, extra: Record<string, unknown> = {}) => {
    const u = await prisma.user.create({ data: { role, realName: key, username: key, passwordHash: "x", ...extra } });
    users[key] = asSession({ ...u, role });
  };
  await mk("resident", "resA", { idNumber: testId("410323", "19900101", "111") });
  await mk("resident", "resB", { idNumber: testId("410323", "19900101", "222") });
  await mk("clerk", "clerkHubin", { stationId: stations[0].id });
  await mk("clerk", "clerkShanzhou", { stationId: stations[1].id });
  await mk("official", "offHubin", { countyCode: "411202" });
  await mk("official", "offShanzhou", { countyCode: "411203" });
  await mk("official", "offCity", { countyCode: null });
  await mk("auditor", "aud");
  filingA = await submittedFiling(prisma, users.resA.id, stations[0].id, "甲");
  filingB = await submittedFiling(prisma, users.resB.id, stations[0].id, "乙");
});
afterAll(async () => close?.());

describe("the guard: role, scope, validation, audit", () => {
  it("a resident reads their own filing and the view is audited in the same transaction", async () => {
    const before = await prisma.auditEvent.count({ where: { action: "filing.view", applicationId: filingA } });
    const app = await runAction(prisma, users.resA, "127.0.0.1", readFiling, { id: filingA });
    expect(app.applicantName).toBe("甲");
    const after = await prisma.auditEvent.count({ where: { action: "filing.view", applicationId: filingA, actorId: users.resA.id } });
    expect(after).toBe(before + 1);
  });

  it("a resident opening another resident's filing gets not_found, not the data, and the attempt is audited", async () => {
    await expect(runAction(prisma, users.resA, "127.0.0.1", readFiling, { id: filingB })).rejects.toMatchObject({ code: "not_found" });
    const denied = await prisma.auditEvent.findFirst({ where: { action: "filing.view.denied", actorId: users.resA.id } });
    expect(denied).not.toBeNull();
  });

  it("a clerk sees their station's filings only", async () => {
    await expect(runAction(prisma, users.clerkHubin, "ip", readFiling, { id: filingA })).resolves.toMatchObject({ id: filingA });
    await expect(runAction(prisma, users.clerkShanzhou, "ip", readFiling, { id: filingA })).rejects.toMatchObject({ code: "not_found" });
  });

  it("an official sees their county or the whole city; auditors read all", async () => {
    await expect(runAction(prisma, users.offHubin, "ip", readFiling, { id: filingA })).resolves.toBeTruthy();
    await expect(runAction(prisma, users.offCity, "ip", readFiling, { id: filingA })).resolves.toBeTruthy();
    await expect(runAction(prisma, users.offShanzhou, "ip", readFiling, { id: filingA })).rejects.toMatchObject({ code: "not_found" });
    await expect(runAction(prisma, users.aud, "ip", readFiling, { id: filingA })).resolves.toBeTruthy();
  });

  it("a role not allowed gets not_found; bad input gets validation_failed with paths", async () => {
    await expect(runAction(prisma, users.resA, "ip", adminOnly, { n: 1 })).rejects.toMatchObject({ code: "not_found" });
    const admin = asSession({ ...(await prisma.user.create({ data: { role: "admin", realName: "管", username: "adm", passwordHash: "x" } })), role: "admin" });
    await expect(runAction(prisma, admin, "ip", adminOnly, { n: "x" })).rejects.toMatchObject({
      code: "validation_failed",
      issues: [expect.objectContaining({ path: "n" })],
    });
    await expect(runAction(prisma, admin, "ip", adminOnly, { n: 2 })).resolves.toBe("pong");
  });

  it("a failing handler rolls back its audit event together with its writes", async () => {
    const failing = defineAction({ roles: ["resident"], action: "test.fail", schema: z.object({}) }, async (ctx) => {
      await ctx.tx.notification.create({ data: { userId: ctx.user.id, title: "t", body: "b" } });
      throw new DomainError("invalid_state", "不行");
    });
    await expect(runAction(prisma, users.resB, "ip", failing, {})).rejects.toBeInstanceOf(DomainError);
    expect(await prisma.notification.count({ where: { userId: users.resB.id, title: "t" } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { action: "test.fail" } })).toBe(0);
  });
});
