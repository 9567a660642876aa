import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, type TestPrisma } from "@/tests/support/test-db";
import { asSuperuser, rewriteChainFrom } from "@/tests/support/audit-tamper";
import { createPrisma } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { verifyAuditChain, verifyChainStep } from "@/lib/audit/verify-chain";
import { recordAuditCheckpoint, startIncrementalCursor } from "@/lib/audit/audit-checkpoints";
import { applyRuntimeGrants, describeRole, ownerRefusalMessage } from "@/lib/db/runtime-role";
import { connectPg } from "@/lib/db/sql-executor";

let db: TestPrisma;
let prisma: PrismaClient;
beforeAll(async () => {
  db = await createTestPrisma();
  prisma = db.prisma;
});
afterAll(async () => db?.close());
beforeEach(async () => db.reset());

const record = (i: number) =>
  prisma.$transaction((tx) => recordAudit(tx, { action: "filing.view", actorId: "u1", actorRole: "clerk", ip: "10.0.0.1", details: { i } }));
async function recordSome(n: number) {
  for (let i = 0; i < n; i++) await record(i);
  return prisma.auditEvent.findMany({ orderBy: { id: "asc" } });
}
async function incremental() {
  const start = await startIncrementalCursor(prisma);
  let cursor = start.cursor;
  const breaks = [...start.breaks];
  for (;;) {
    const step = await verifyChainStep(prisma, cursor);
    breaks.push(...step.breaks);
    cursor = step.cursor;
    if (step.done) return { cursor, breaks };
  }
}

describe("audit checkpoints", () => {
  it("a rewritten and recomputed chain is caught by the checkpoints, in full and in incremental verification", async () => {
    const rows = await recordSome(4);
    expect(await recordAuditCheckpoint(prisma)).toMatchObject({ eventId: rows[3].id.toString(), count: 4 });
    expect(await recordAuditCheckpoint(prisma)).toBeNull(); // nothing new
    await recordSome(3);
    const all = await prisma.auditEvent.findMany({ orderBy: { id: "asc" } });
    expect(await recordAuditCheckpoint(prisma)).toMatchObject({ eventId: all[6].id.toString(), count: 7 });
    await record(99);

    // Intact: incremental starts at the last checkpoint and re-hashes only the one event after it.
    const ok = await incremental();
    expect(ok.breaks).toEqual([]);
    expect(ok.cursor).toMatchObject({ checked: 8, total: 8, found: 0 });
    expect((await verifyAuditChain(prisma)).ok).toBe(true);

    // Edit event 1 and recompute every later hash: the chain itself is consistent again …
    await rewriteChainFrom(prisma, all[1].id, all[0].hash);
    // … but not with the checkpoints.
    const full = await verifyAuditChain(prisma);
    expect(full.ok).toBe(false);
    expect(full.firstBroken).toMatchObject({ id: rows[3].id.toString(), kind: "checkpoint_mismatch" });
    expect(full.breaks.filter((b) => b.kind === "checkpoint_mismatch")).toHaveLength(2);
    const inc = await incremental();
    expect(inc.cursor.found).toBeGreaterThanOrEqual(2);
    expect(inc.breaks.map((b) => b.kind)).toContain("checkpoint_mismatch");
  });

  it("a deleted checkpointed event is reported", async () => {
    const rows = await recordSome(3);
    await recordAuditCheckpoint(prisma);
    await asSuperuser(prisma, `DELETE FROM "AuditEvent" WHERE "id" = $1`, rows[2].id);
    const full = await verifyAuditChain(prisma);
    expect(full.breaks.map((b) => b.kind)).toContain("checkpoint_missing");
    expect((await incremental()).breaks.map((b) => b.kind)).toContain("checkpoint_missing");
  });

  it("checkpoints are append-only", async () => {
    await recordSome(1);
    await recordAuditCheckpoint(prisma);
    await expect(prisma.$executeRawUnsafe(`UPDATE "AuditCheckpoint" SET "hash" = 'x'`)).rejects.toThrow();
    await expect(prisma.$executeRawUnsafe(`DELETE FROM "AuditCheckpoint"`)).rejects.toThrow();
  });
});

describe.skipIf(!process.env.DATABASE_URL)("PostgreSQL roles: the runtime role cannot rewrite the audit trail", () => {
  const role = `luohu_rt_${randomBytes(4).toString("hex")}`;
  let runtime: PrismaClient | undefined;
  afterAll(async () => {
    await runtime?.$disconnect();
    const admin = await connectPg(db.databaseUrl!);
    await admin.exec(`DROP OWNED BY "${role}" CASCADE; `).catch(() => {});
    await admin.close();
    // The role is dropped once the test database is gone (it holds its grants).
    const server = await connectPg(process.env.DATABASE_URL!);
    setTimeout(() => void server.exec(`DROP ROLE IF EXISTS "${role}"`).finally(() => server.close()), 0);
  });

  it("INSERT and SELECT only; UPDATE, DELETE, TRUNCATE and DISABLE TRIGGER are refused; the owner is recognised", async () => {
    const owner = await connectPg(db.databaseUrl!);
    try {
      await applyRuntimeGrants(owner, role);
      const ownerInfo = await describeRole(owner);
      expect(ownerInfo.superuser || ownerInfo.ownsAudit).toBe(true);
      expect(ownerRefusalMessage(ownerInfo)).toContain("DATABASE_MIGRATION_URL");
    } finally {
      await owner.close();
    }
    const url = new URL(db.databaseUrl!);
    url.username = role;
    url.password = "";
    const asRuntime = await connectPg(url.toString());
    try {
      expect(await describeRole(asRuntime)).toMatchObject({ user: role, superuser: false, ownsAudit: false });
      for (const sql of [
        `UPDATE "AuditEvent" SET "ip" = 'x'`,
        `DELETE FROM "AuditEvent"`,
        `TRUNCATE "AuditEvent"`,
        `ALTER TABLE "AuditEvent" DISABLE TRIGGER USER`,
        `UPDATE "AuditCheckpoint" SET "hash" = 'x'`,
        `DELETE FROM "AuditCheckpoint"`,
        `DROP TABLE "AuditCheckpoint"`,
      ]) {
        await expect(asRuntime.exec(sql), sql).rejects.toThrow(/permission denied|must be owner/);
      }
    } finally {
      await asRuntime.close();
    }
    // The app as the runtime role: audit events and checkpoints are written and read.
    runtime = createPrisma({ databaseUrl: url.toString() });
    await runtime.$transaction((tx) => recordAudit(tx, { action: "test.runtime" }));
    expect(await recordAuditCheckpoint(runtime)).toMatchObject({ count: 1 });
    expect((await verifyAuditChain(runtime)).ok).toBe(true);
  });
});
