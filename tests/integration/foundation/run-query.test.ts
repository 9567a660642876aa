import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestPrisma } from "@/tests/support/test-db";
import { seedReferenceData } from "@/lib/seed/reference-data";
import { defineQuery, executeQuery } from "@/lib/auth/run-query";
import { applicationScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/roles";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/errors";
import { myFilingQuery, myFilingsQuery, myInboxQuery } from "@/lib/filings/load-resident-pages";
import { staffAccountQuery, stationQuery } from "@/lib/admin/load-admin-pages";
import { stationCollectiveHouseholdsQuery } from "@/lib/collective/collective-households";
import { auditStationsQuery } from "@/lib/supervision/query-audit";
import { testId } from "../../helpers/ids";
import { asSession, submittedFiling } from "@/tests/support/guard-fixtures";

let prisma: PrismaClient;
let close: () => Promise<void>;
const users: Record<string, SessionUser> = {};
let filingA: string;
let filingB: string;
let stationId: string;

/** A clerk's personal-data read: scoped, and the view recorded. */
const viewApplicant = defineQuery(
  { roles: ["clerk", "auditor"], action: "applicant.view", schema: z.object({ id: z.string().min(1) }) },
  async (ctx, { id }) => {
    const app = await ctx.db.application.findFirst({ where: { id, ...applicationScope(ctx.user) }, select: { id: true, applicantName: true } });
    if (!app) throw new DomainError("not_found", "申请不存在或您无权查看。");
    ctx.audit({ applicationId: app.id, entityType: "application", entityId: app.id });
    return app;
  },
);

const countAudit = (action: string, actorId: string) => prisma.auditEvent.count({ where: { action, actorId } });

beforeAll(async () => {
  ({ prisma, close } = await createTestPrisma());
  await seedReferenceData(prisma);
  const stations = await prisma.policeStation.findMany({ where: { code: { in: ["411202-01", "411203-01"] } }, orderBy: { code: "asc" } });
  stationId = stations[0].id;
  const mk = async (role: SessionUser["role"], key: string, extra: Record<string, unknown> = {}) => {
    const u = await prisma.user.create({ data: { role, realName: key, username: `rq-${key}`, passwordHash: "x", ...extra } });
    users[key] = asSession({ ...u, role });
  };
  await mk("resident", "resA", { idNumber: testId("410323", "19900101", "131") });
  await mk("resident", "resB", { idNumber: testId("410323", "19900101", "242") });
  await mk("clerk", "clerkHubin", { stationId: stations[0].id });
  await mk("clerk", "clerkShanzhou", { stationId: stations[1].id });
  await mk("admin", "adm");
  await mk("auditor", "aud");
  filingA = await submittedFiling(prisma, users.resA.id, stations[0].id, "甲");
  filingB = await submittedFiling(prisma, users.resB.id, stations[0].id, "乙");
});
afterAll(async () => close?.());

describe("the read guard (defineQuery / executeQuery)", () => {
  it("a role not allowed gets not_found and the refusal is audited as <action>.denied", async () => {
    const before = await countAudit("applicant.view.denied", users.resA.id);
    await expect(executeQuery(prisma, users.resA, "ip", viewApplicant, { id: filingA })).rejects.toMatchObject({ code: "not_found" });
    expect(await countAudit("applicant.view.denied", users.resA.id)).toBe(before + 1);
  });

  it("a personal-data view in scope returns the data and is recorded once", async () => {
    const before = await countAudit("applicant.view", users.clerkHubin.id);
    await expect(executeQuery(prisma, users.clerkHubin, "10.0.0.1", viewApplicant, { id: filingA })).resolves.toMatchObject({ applicantName: "甲" });
    const events = await prisma.auditEvent.findMany({ where: { action: "applicant.view", actorId: users.clerkHubin.id }, orderBy: { id: "desc" } });
    expect(events.length).toBe(before + 1);
    expect(events[0]).toMatchObject({ applicationId: filingA, ip: "10.0.0.1", stationId: users.clerkHubin.stationId });
  });

  it("out of scope: not_found, no data, the attempt audited with the filing it was about unnamed", async () => {
    const before = await countAudit("applicant.view.denied", users.clerkShanzhou.id);
    await expect(executeQuery(prisma, users.clerkShanzhou, "ip", viewApplicant, { id: filingA })).rejects.toMatchObject({ code: "not_found" });
    expect(await countAudit("applicant.view.denied", users.clerkShanzhou.id)).toBe(before + 1);
    expect(await countAudit("applicant.view", users.clerkShanzhou.id)).toBe(0);
  });

  it("input is checked by the query's schema", async () => {
    await expect(executeQuery(prisma, users.clerkHubin, "ip", viewApplicant, { id: "" })).rejects.toMatchObject({
      code: "validation_failed",
      issues: [expect.objectContaining({ path: "id" })],
    });
  });

  it("a read that shows no personal data writes no audit event", async () => {
    const before = await prisma.auditEvent.count();
    await executeQuery(prisma, users.adm, "ip", stationQuery, stationId);
    expect(await prisma.auditEvent.count()).toBe(before);
  });
});

describe("the pages' queries keep role and scope", () => {
  it("a resident reads only their own filings", async () => {
    await expect(executeQuery(prisma, users.resA, "ip", myFilingQuery, filingA)).resolves.toMatchObject({ id: filingA });
    await expect(executeQuery(prisma, users.resA, "ip", myFilingQuery, filingB)).rejects.toMatchObject({ code: "not_found" });
    expect(await countAudit("filing.view.denied", users.resA.id)).toBeGreaterThan(0);
    const mine = await executeQuery(prisma, users.resA, "ip", myFilingsQuery);
    expect(mine.filings.map((f) => f.id)).toEqual([filingA]);
    expect(mine.unread).toBe(0);
    await expect(executeQuery(prisma, users.resA, "ip", myInboxQuery)).resolves.toEqual([]);
  });

  it("staff pages refuse residents; an admin never gets a resident's account as staff", async () => {
    await expect(executeQuery(prisma, users.resA, "ip", staffAccountQuery, users.clerkHubin.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(executeQuery(prisma, users.adm, "ip", staffAccountQuery, users.resA.id)).resolves.toBeNull();
    const found = await executeQuery(prisma, users.adm, "ip", staffAccountQuery, users.clerkHubin.id);
    expect(found?.account).toMatchObject({ id: users.clerkHubin.id, role: "clerk" });
    expect(found?.stations.some((s) => s.id === stationId)).toBe(true);
  });

  it("a clerk sees the collective households of their own station only", async () => {
    const mine = await prisma.collectiveHousehold.create({
      data: {
        stationId,
        countyCode: "411202",
        name: "湖滨测试集体户",
        address: "湖滨区某路1号",
        approvingOffice: "湖滨区公安分局",
        approvedAt: new Date("2020-01-01"),
      },
    });
    const hubin = await executeQuery(prisma, users.clerkHubin, "ip", stationCollectiveHouseholdsQuery);
    expect(hubin.map((h) => h.id)).toContain(mine.id);
    expect(hubin.every((h) => h.stationId === stationId)).toBe(true);
    const shanzhou = await executeQuery(prisma, users.clerkShanzhou, "ip", stationCollectiveHouseholdsQuery);
    expect(shanzhou.map((h) => h.id)).not.toContain(mine.id);
    expect(shanzhou.every((h) => h.stationId === users.clerkShanzhou.stationId)).toBe(true);
    await expect(executeQuery(prisma, users.resA, "ip", stationCollectiveHouseholdsQuery)).rejects.toMatchObject({ code: "not_found" });
  });

  it("auditors' station filter lists every station; others are refused", async () => {
    const all = await executeQuery(prisma, users.aud, "ip", auditStationsQuery);
    expect(all.length).toBe(await prisma.policeStation.count());
    await expect(executeQuery(prisma, users.clerkHubin, "ip", auditStationsQuery)).rejects.toMatchObject({ code: "not_found" });
  });
});
