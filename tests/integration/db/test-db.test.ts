/**
 * The real migrations (prisma/migrations) on a fresh in-memory PGlite and, with DATABASE_URL,
 * on PostgreSQL; and createTestPrisma() — what every integration test of the app stands on.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations, migrationStatus, readMigrations } from "@/lib/db/migrate";
import { createTestPrisma, type TestPrisma } from "@/tests/support/test-db";
import { connectPg } from "@/lib/db/sql-executor";

const local = readMigrations();
const SERVER = process.env.DATABASE_URL;

describe("the real migrations", () => {
  it("exist, and the migration lock file names PostgreSQL", () => {
    expect(local.length).toBeGreaterThan(0);
    expect(fs.readFileSync(path.resolve("prisma/migrations/migration_lock.toml"), "utf8")).toMatch(/provider = "postgresql"/);
    for (const m of local) expect(m.name).toMatch(/^\d{14}_[a-z0-9_]+$/);
  });

  it("apply to a fresh in-memory PGlite quickly, with sha256 checksums", async () => {
    const db = await PGlite.create();
    try {
      const t0 = performance.now();
      const applied = await applyMigrations(db);
      const ms = performance.now() - t0;
      console.log(`[db] ${applied.length} migrations on a fresh in-memory PGlite: ${ms.toFixed(0)} ms`);
      expect(applied).toEqual(local.map((m) => m.name));
      // ~0.25–0.6 s on an idle 2-core machine; generous so a busy machine does not fail it.
      expect(ms).toBeLessThan(15_000);
      const rows = (
        await db.query<{ migration_name: string; checksum: string }>(`SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`)
      ).rows;
      expect(rows).toEqual(
        local.map((m) => ({
          migration_name: m.name,
          checksum: createHash("sha256")
            .update(fs.readFileSync(path.join(m.dir, "migration.sql")))
            .digest("hex"),
        })),
      );
      expect(await applyMigrations(db)).toEqual([]);
      expect((await migrationStatus(db)).upToDate).toBe(true);
    } finally {
      await db.close();
    }
  });
});

const modes: { name: string; databaseUrl: string }[] = [{ name: "PGlite", databaseUrl: "" }];
if (SERVER) modes.push({ name: "PostgreSQL", databaseUrl: SERVER });

describe.each(modes)("createTestPrisma on $name", ({ databaseUrl }) => {
  const opened: TestPrisma[] = [];
  afterAll(async () => {
    for (const t of opened) await t.close();
  });

  it("gives a fresh, fully migrated database that Prisma can use", async () => {
    const t0 = performance.now();
    const t = await createTestPrisma({ databaseUrl });
    opened.push(t);
    console.log(`[db] createTestPrisma (${t.kind}): ${(performance.now() - t0).toFixed(0)} ms`);
    expect(t.kind).toBe(databaseUrl ? "pg" : "pglite");
    const rows = await t.prisma.$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(local.map((m) => m.name));
    expect(await t.prisma.county.count()).toBe(0);
    await t.prisma.county.create({ data: { code: "411202", name: "湖滨区", kind: "district" } });
    expect(await t.prisma.county.findUnique({ where: { code: "411202" } })).toMatchObject({ name: "湖滨区" });
    // Interactive transactions work (the guard runs every action in one).
    await expect(
      t.prisma.$transaction(async (tx) => {
        await tx.county.create({ data: { code: "411203", name: "陕州区", kind: "district" } });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await t.prisma.county.count()).toBe(1);
  });

  it("isolates two test databases from each other", async () => {
    const [a, b] = await Promise.all([createTestPrisma({ databaseUrl }), createTestPrisma({ databaseUrl })]);
    opened.push(a, b);
    await a.prisma.county.create({ data: { code: "411221", name: "渑池县", kind: "county" } });
    expect(await a.prisma.county.count()).toBe(1);
    expect(await b.prisma.county.count()).toBe(0);
  });

  it("reset() empties every table, even the append-only audit trail, and keeps its guard", async () => {
    const t = await createTestPrisma({ databaseUrl });
    opened.push(t);
    await t.prisma.county.create({ data: { code: "411224", name: "卢氏县", kind: "county" } });
    const tables = await t.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = current_schema()`);
    expect(tables[0].n).toBeGreaterThan(5);
    await t.reset();
    expect(await t.prisma.county.count()).toBe(0);
    const migrations = await t.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "_prisma_migrations"`);
    expect(migrations[0].n).toBe(local.length);
    // User triggers are enabled again after the reset.
    const triggers = await t.prisma.$queryRawUnsafe<{ tgname: string; tgenabled: string }[]>(
      `SELECT tgname, tgenabled::text AS tgenabled FROM pg_trigger WHERE NOT tgisinternal`,
    );
    for (const tr of triggers) expect(tr.tgenabled, tr.tgname).toBe("O");
  });

  it.runIf(!!databaseUrl)("drops its database on close()", async () => {
    const t = await createTestPrisma({ databaseUrl });
    const name = new URL(t.databaseUrl!).pathname.slice(1);
    const admin = await connectPg(databaseUrl);
    try {
      expect(await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).toHaveLength(1);
      await t.close();
      expect(await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).toHaveLength(0);
    } finally {
      await admin.close();
    }
  });
});
