import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPrisma } from "@/tests/support/test-db";
import { auditHash, GENESIS_HASH, recordAudit } from "@/lib/audit/record-audit";
import type { PrismaClient } from "@/lib/generated/prisma/client";

let prisma: PrismaClient;
let close: () => Promise<void>;
beforeAll(async () => ({ prisma, close } = await createTestPrisma()));
afterAll(async () => close?.());

describe("audit trail", () => {
  it("links every event to the previous one by hash, also under concurrent writers", async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => prisma.$transaction((tx) => recordAudit(tx, { action: "test.concurrent", details: { i, note: "并发" } }))),
    );
    const rows = await prisma.auditEvent.findMany({ orderBy: { id: "asc" } });
    expect(rows.length).toBe(12);
    let prev = GENESIS_HASH;
    for (const r of rows) {
      expect(r.prevHash).toBe(prev);
      const recomputed = auditHash(r.prevHash, { ...r, details: r.details as Record<string, unknown> | null });
      expect(recomputed).toBe(r.hash);
      prev = r.hash;
    }
  });

  it("the database refuses to update or delete audit events", async () => {
    await expect(prisma.$executeRawUnsafe(`UPDATE "AuditEvent" SET "action" = 'x'`)).rejects.toThrow();
    await expect(prisma.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow();
    expect(await prisma.auditEvent.count({ where: { action: "test.concurrent" } })).toBe(12);
  });
});
