import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, type TestPrisma } from "@/tests/support/test-db";
import { asSuperuser, rewriteChainFrom } from "@/tests/support/audit-tamper";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { seedReferenceData } from "@/lib/seed/reference-data";
import { auditHash, recordAudit, type AuditInput } from "@/lib/audit/record-audit";
import { startChainCursor, verifyAuditChain, verifyChainStep, type ChainCursor, type ChainStep } from "@/lib/audit/verify-chain";
import { auditCsvBatches, auditWhere, exportAuditDef, listAuditEventsDef, verifyChainStepDef, type AuditPage } from "@/lib/supervision/query-audit";
import { runAction } from "@/lib/auth/run-action";
import { toCsv } from "@/lib/csv";
import { makeUsers, type StatsUsers } from "../stats/stats-fixtures";

let db: TestPrisma;
let prisma: PrismaClient;
let u: StatsUsers;

beforeAll(async () => {
  db = await createTestPrisma();
  prisma = db.prisma;
}, 180_000);
afterAll(async () => db?.close());

/** A fresh world for each test: the tamper tests break the chain on purpose. */
beforeEach(async () => {
  await db.reset();
  await seedReferenceData(prisma);
  u = await makeUsers(prisma);
});

const record = (input: AuditInput) => prisma.$transaction((tx) => recordAudit(tx, input));

async function recordSome(n: number) {
  for (let i = 0; i < n; i++) {
    await record({
      action: i % 2 ? "review.accept" : "filing.view",
      actorId: u.clerk.id,
      actorRole: "clerk",
      stationId: u.clerk.stationId,
      ip: "10.0.0.1",
      details: { i, note: "前进派出所", nested: { b: 2, a: [1, "二(二)"] } },
    });
  }
  return prisma.auditEvent.findMany({ orderBy: { id: "asc" } });
}

describe("tamper evidence", () => {
  it("an intact chain verifies; every event carries sha256 over its content and the previous hash", async () => {
    const rows = await recordSome(6);
    const report = await verifyAuditChain(prisma, { batchSize: 4 });
    expect(report).toMatchObject({ ok: true, checked: 6, firstBroken: null, headId: rows[5].id.toString(), headHash: rows[5].hash });
    expect(rows[3].prevHash).toBe(rows[2].hash);
    expect(rows[3].hash).toBe(auditHash(rows[3].prevHash, { ...rows[3], details: rows[3].details as Record<string, unknown> }));
  });

  it("the database itself refuses an ordinary UPDATE of an event", async () => {
    await recordSome(2);
    await expect(prisma.$executeRawUnsafe(`UPDATE "AuditEvent" SET "action" = 'x'`)).rejects.toThrow();
  });

  it("a row changed directly in the database is reported as the first broken link", async () => {
    const rows = await recordSome(8);
    const victim = rows[4];
    await asSuperuser(prisma, `UPDATE "AuditEvent" SET "details" = jsonb_set("details", '{note}', '"已篡改"') WHERE "id" = $1`, victim.id);
    // The trigger is back on for everyone else.
    await expect(prisma.$executeRawUnsafe(`UPDATE "AuditEvent" SET "action" = 'x' WHERE "id" = $1`, victim.id)).rejects.toThrow();

    const report = await verifyAuditChain(prisma, { batchSize: 3 });
    expect(report.ok).toBe(false);
    expect(report.checked).toBe(8);
    expect(report.firstBroken).toMatchObject({ id: victim.id.toString(), kind: "content_changed", actual: victim.hash });
    expect(report.breaks).toHaveLength(1);
  });

  it("a changed time or actor is caught as well, and the earliest of several changes comes first", async () => {
    const rows = await recordSome(8);
    await asSuperuser(prisma, `UPDATE "AuditEvent" SET "actorId" = NULL WHERE "id" = $1`, rows[6].id);
    await asSuperuser(prisma, `UPDATE "AuditEvent" SET "at" = "at" - INTERVAL '1 day' WHERE "id" = $1`, rows[2].id);
    const report = await verifyAuditChain(prisma);
    expect(report.firstBroken).toMatchObject({ id: rows[2].id.toString(), kind: "content_changed" });
    expect(report.breaks.map((b) => b.id)).toEqual([rows[2].id.toString(), rows[6].id.toString()]);
  });

  it("a deleted event breaks the link of the next one", async () => {
    const rows = await recordSome(5);
    await asSuperuser(prisma, `DELETE FROM "AuditEvent" WHERE "id" = $1`, rows[2].id);
    const report = await verifyAuditChain(prisma);
    expect(report.firstBroken).toMatchObject({ id: rows[3].id.toString(), kind: "link_broken", expected: rows[1].hash, actual: rows[2].hash });
  });

  it("a chain rewritten from the changed row on is caught by an anchor noted earlier", async () => {
    const rows = await recordSome(6);
    const anchor = { id: rows[4].id, hash: rows[4].hash };
    // The attacker changes event 2 and recomputes every later hash and link.
    await rewriteChainFrom(prisma, rows[2].id, rows[1].hash);
    expect((await verifyAuditChain(prisma)).ok).toBe(true);
    const report = await verifyAuditChain(prisma, { anchors: [anchor] });
    expect(report.firstBroken).toMatchObject({ id: rows[4].id.toString(), kind: "anchor_mismatch", expected: anchor.hash });
  });
});

describe("the auditor's view", () => {
  it("verifies through the guard step by step (auditors only) and records the result", async () => {
    await recordSome(3);
    const steps: ChainStep[] = [];
    let cursor: ChainCursor | undefined;
    for (;;) {
      const step: ChainStep = await runAction(prisma, u.auditor, "10.1.1.1", verifyChainStepDef, { cursor });
      steps.push(step);
      cursor = step.cursor;
      if (step.done) break;
    }
    expect(steps).toHaveLength(1);
    expect(cursor).toMatchObject({ checked: 3, total: 3, found: 0, firstBrokenId: null });
    const ev = await prisma.auditEvent.findFirst({ where: { action: "audit.verify" }, orderBy: { id: "desc" } });
    expect(ev).toMatchObject({ actorId: u.auditor.id, ip: "10.1.1.1", details: { ok: true, checked: 3 } });
    // The verification's own event extends an intact chain.
    expect((await verifyAuditChain(prisma)).ok).toBe(true);
    for (const who of [u.admin, u.clerk, u.city])
      await expect(runAction(prisma, who, "x", verifyChainStepDef, {})).rejects.toMatchObject({ code: "not_found" });
  });

  it("a long chain is verified in steps that carry the cursor, and the first broken link survives the steps", async () => {
    const rows = await recordSome(12);
    await asSuperuser(prisma, `UPDATE "AuditEvent" SET "action" = 'x' WHERE "id" = $1`, rows[9].id);
    await asSuperuser(prisma, `UPDATE "AuditEvent" SET "action" = 'y' WHERE "id" = $1`, rows[4].id);
    let cursor = await startChainCursor(prisma);
    const breaks = [];
    let n = 0;
    for (;;) {
      const step = await verifyChainStep(prisma, cursor, { maxRows: 5, batchSize: 2 });
      n += 1;
      breaks.push(...step.breaks);
      cursor = step.cursor;
      if (step.done) break;
    }
    expect(n).toBe(3);
    expect(cursor).toMatchObject({ checked: 12, total: 12, found: 2, firstBrokenId: rows[4].id.toString(), afterId: rows[11].id.toString() });
    expect(breaks.map((b) => b.id)).toEqual([rows[4].id.toString(), rows[9].id.toString()]);
    // A tampered cursor is refused at the boundary.
    await expect(runAction(prisma, u.auditor, "x", verifyChainStepDef, { cursor: { ...cursor, prevHash: "not-a-hash" } })).rejects.toMatchObject({
      code: "validation_failed",
    });
  });

  it("filters by person, station, action, filing and time range, newest first, page by page", async () => {
    const other = await prisma.policeStation.findUniqueOrThrow({ where: { code: "411203-01" } });
    const app = await prisma.application.create({
      data: {
        reference: "SMX-2025-000777",
        residentId: u.admin.id,
        channel: "residence",
        destinationCounty: "411202",
        applicantName: "甲",
        applicantIdNumber: "x",
        stationId: u.clerk.stationId,
      },
    });
    await recordSome(5);
    await record({ action: "review.refuse", actorId: u.clerk.id, stationId: u.clerk.stationId, applicationId: app.id });
    await record({ action: "review.accept", actorId: u.admin.id, stationId: other.id });
    const list = (input: Record<string, unknown>) => runAction(prisma, u.auditor, "x", listAuditEventsDef, input) as Promise<AuditPage>;

    expect((await list({ person: "clerk-1" })).rows).toHaveLength(6);
    expect((await list({ person: "nobody" })).rows).toHaveLength(0);
    expect((await list({ station: other.id })).rows.map((r) => r.action)).toEqual(["review.accept"]);
    expect((await list({ action: "review." })).rows.map((r) => r.action)).toEqual(["review.accept", "review.refuse", "review.accept", "review.accept"]);
    expect((await list({ action: "review.refuse" })).rows).toHaveLength(1);
    const byFiling = await list({ filing: "smx-2025-000777" });
    expect(byFiling.rows.map((r) => [r.action, r.applicationReference, r.actorName])).toEqual([["review.refuse", "SMX-2025-000777", "clerk-1"]]);
    expect((await list({ from: "2000-01-01", to: "2000-12-31" })).rows).toHaveLength(0);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect((await list({ from: today, to: today })).rows.length).toBe(7);

    const p1 = await list({ limit: 3 });
    expect(p1.rows).toHaveLength(3);
    const p2 = await list({ limit: 3, before: p1.nextBefore });
    const p3 = await list({ limit: 3, before: p2.nextBefore });
    const ids = [...p1.rows, ...p2.rows, ...p3.rows].map((r) => Number(r.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(7);
    expect(p3.nextBefore).toBeNull();

    await expect(list({ from: "2025-02-30" })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(list({ from: "2025-03-02", to: "2025-03-01" })).rejects.toMatchObject({ code: "validation_failed" });
  });

  it("exports the filtered events as CSV with a BOM, oldest first, and records the export", async () => {
    await recordSome(5);
    const where = await runAction(prisma, u.auditor, "x", exportAuditDef, { action: "review.accept" });
    const rows = [];
    for await (const batch of auditCsvBatches(prisma, where, 1)) rows.push(...batch);
    expect(rows).toHaveLength(2);
    expect(Number(rows[0][0])).toBeLessThan(Number(rows[1][0]));
    const csv = toCsv(
      ["序号"],
      rows.map((r) => [r[0]]),
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const ev = await prisma.auditEvent.findFirst({ where: { action: "audit.export" } });
    expect(ev?.details).toMatchObject({ filter: { action: "review.accept" } });
    await expect(runAction(prisma, u.city, "x", exportAuditDef, {})).rejects.toMatchObject({ code: "not_found" });
    // The same filter is used for listing and export.
    expect(await prisma.auditEvent.count({ where: await auditWhere(prisma, { action: "review.accept" }) })).toBe(2);
  });
});
