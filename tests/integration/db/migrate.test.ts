/**
 * The offline migrate command (lib/db/migrate.ts) on fixture migrations, against a fresh
 * in-memory PGlite and — when DATABASE_URL is set — a fresh database on that server.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, migrationStatus, MigrationError, type MigrationTarget } from "@/lib/db/migrate";
import { connectPg, pgliteExecutor, withDatabase, type SqlExecutor } from "@/lib/db/sql-executor";

const ONE = `-- CreateTable
CREATE TABLE "Author" ("id" INTEGER PRIMARY KEY, "name" TEXT NOT NULL);
`;
const TWO = `CREATE TABLE "Book" ("id" INTEGER PRIMARY KEY, "authorId" INTEGER NOT NULL REFERENCES "Author"("id"), "title" TEXT NOT NULL);
INSERT INTO "Author" VALUES (1, '鲁迅');
`;
const THREE = `ALTER TABLE "Book" ADD COLUMN "year" INTEGER;`;

const sha256 = (s: string | Buffer) => createHash("sha256").update(s).digest("hex");

function fixtureDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "luohu-migs-"));
  for (const [name, sql] of Object.entries(files)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  fs.writeFileSync(path.join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');
  return dir;
}

interface Backend {
  name: string;
  /** A fresh, empty database. */
  fresh(): Promise<{ target: MigrationTarget; sql: SqlExecutor; dispose(): Promise<void> }>;
}

const backends: Backend[] = [];

// PGlite: initdb costs seconds, so start one pristine instance and clone it from a dump per test.
let pristine: Blob;
backends.push({
  name: "PGlite (in memory)",
  async fresh() {
    const db = await PGlite.create({ loadDataDir: pristine });
    return { target: db, sql: pgliteExecutor(db), dispose: () => db.close() };
  },
});

const SERVER = process.env.DATABASE_URL;
let admin: SqlExecutor | undefined;
if (SERVER) {
  let n = 0;
  backends.push({
    name: "PostgreSQL server",
    async fresh() {
      const name = `luohu_mt_${process.pid}_${n++}`;
      await admin!.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin!.exec(`CREATE DATABASE "${name}"`);
      const url = withDatabase(SERVER, name);
      const sql = await connectPg(url);
      return {
        target: { connectionString: url },
        sql,
        dispose: async () => {
          await sql.close();
          await admin!.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        },
      };
    },
  });
}

beforeAll(async () => {
  const db = await PGlite.create();
  pristine = await db.dumpDataDir("none");
  await db.close();
  if (SERVER) admin = await connectPg(SERVER);
});

afterAll(async () => {
  await admin?.close();
});

describe.each(backends)("migrations on $name", (backend) => {
  it("applies pending migrations in order and records them like Prisma", async () => {
    const dir = fixtureDir({ "20240101000000_one": ONE, "20240102000000_two": TWO });
    const { target, sql, dispose } = await backend.fresh();
    try {
      const lines: string[] = [];
      const applied = await applyMigrations(target, { migrationsDir: dir, log: (l) => lines.push(l) });
      expect(applied).toEqual(["20240101000000_one", "20240102000000_two"]);
      expect(lines).toHaveLength(2);
      expect(await sql.query(`SELECT "name" FROM "Author"`)).toEqual([{ name: "鲁迅" }]);

      // Prisma's table, column for column.
      const cols = await sql.query<{ column_name: string; data_type: string; is_nullable: string }>(
        `SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
      );
      expect(cols.map((c) => `${c.column_name}:${c.data_type}:${c.is_nullable}`)).toEqual([
        "id:character varying:NO",
        "checksum:character varying:NO",
        "finished_at:timestamp with time zone:YES",
        "migration_name:character varying:NO",
        "logs:text:YES",
        "rolled_back_at:timestamp with time zone:YES",
        "started_at:timestamp with time zone:NO",
        "applied_steps_count:integer:NO",
      ]);
      const rows = await sql.query<{
        id: string;
        migration_name: string;
        checksum: string;
        finished_at: Date | null;
        rolled_back_at: Date | null;
        applied_steps_count: number;
        logs: string | null;
      }>(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
      expect(rows.map((r) => r.migration_name)).toEqual(["20240101000000_one", "20240102000000_two"]);
      expect(rows.map((r) => r.checksum)).toEqual([sha256(ONE), sha256(TWO)]);
      for (const r of rows) {
        expect(r.id).toMatch(/^[0-9a-f-]{36}$/);
        expect(r.finished_at).toBeInstanceOf(Date);
        expect(r.rolled_back_at).toBeNull();
        expect(r.applied_steps_count).toBe(1);
        expect(r.logs).toBeNull();
      }
    } finally {
      await dispose();
    }
  });

  it("is a no-op the second time, and applies only what is new later", async () => {
    const dir = fixtureDir({ "20240101000000_one": ONE, "20240102000000_two": TWO });
    const { target, sql, dispose } = await backend.fresh();
    try {
      await applyMigrations(target, { migrationsDir: dir });
      expect(await applyMigrations(target, { migrationsDir: dir })).toEqual([]);
      expect(await sql.query(`SELECT count(*)::int AS n FROM "_prisma_migrations"`)).toEqual([{ n: 2 }]);

      fs.mkdirSync(path.join(dir, "20240103000000_three"));
      fs.writeFileSync(path.join(dir, "20240103000000_three", "migration.sql"), THREE);
      expect(await applyMigrations(target, { migrationsDir: dir })).toEqual(["20240103000000_three"]);
      expect(await sql.query(`SELECT count(*)::int AS n FROM "_prisma_migrations"`)).toEqual([{ n: 3 }]);
    } finally {
      await dispose();
    }
  });

  it("reports pending migrations in the status, and up to date after migrating", async () => {
    const dir = fixtureDir({ "20240101000000_one": ONE, "20240102000000_two": TWO });
    const { target, dispose } = await backend.fresh();
    try {
      const before = await migrationStatus(target, { migrationsDir: dir });
      expect(before.pending).toEqual(["20240101000000_one", "20240102000000_two"]);
      expect(before.applied).toEqual([]);
      expect(before.upToDate).toBe(false);

      await applyMigrations(target, { migrationsDir: dir });
      fs.mkdirSync(path.join(dir, "20240103000000_three"));
      fs.writeFileSync(path.join(dir, "20240103000000_three", "migration.sql"), THREE);
      const mid = await migrationStatus(target, { migrationsDir: dir });
      expect(mid.applied.map((a) => a.name)).toEqual(["20240101000000_one", "20240102000000_two"]);
      expect(mid.pending).toEqual(["20240103000000_three"]);
      expect(mid.upToDate).toBe(false);

      await applyMigrations(target, { migrationsDir: dir });
      const after = await migrationStatus(target, { migrationsDir: dir });
      expect(after.pending).toEqual([]);
      expect(after.upToDate).toBe(true);
    } finally {
      await dispose();
    }
  });

  it("refuses when an applied migration's file changed (but accepts CRLF line endings)", async () => {
    const dir = fixtureDir({ "20240101000000_one": ONE, "20240102000000_two": TWO });
    const { target, dispose } = await backend.fresh();
    try {
      await applyMigrations(target, { migrationsDir: dir });
      const file = path.join(dir, "20240101000000_one", "migration.sql");

      fs.writeFileSync(file, ONE.replace(/\n/g, "\r\n")); // a Windows checkout
      expect((await migrationStatus(target, { migrationsDir: dir })).modified).toEqual([]);
      expect(await applyMigrations(target, { migrationsDir: dir })).toEqual([]);

      fs.writeFileSync(file, ONE + '\nCREATE INDEX ON "Author"("name");\n');
      fs.mkdirSync(path.join(dir, "20240103000000_three"));
      fs.writeFileSync(path.join(dir, "20240103000000_three", "migration.sql"), THREE);
      const status = await migrationStatus(target, { migrationsDir: dir });
      expect(status.modified).toEqual(["20240101000000_one"]);
      expect(status.upToDate).toBe(false);
      const err = await applyMigrations(target, { migrationsDir: dir }).catch((e) => e);
      expect(err).toBeInstanceOf(MigrationError);
      expect(err.code).toBe("CHECKSUM_MISMATCH");
      expect(err.message).toContain("20240101000000_one");
      // Nothing else was applied.
      expect((await migrationStatus(target, { migrationsDir: dir })).pending).toEqual(["20240103000000_three"]);
    } finally {
      await dispose();
    }
  });

  it("rolls a failing migration back completely and records nothing", async () => {
    const dir = fixtureDir({
      "20240101000000_one": ONE,
      "20240102000000_bad": `CREATE TABLE "Half" ("id" INT);\nINSERT INTO "Nope" VALUES (1);\n`,
    });
    const { target, sql, dispose } = await backend.fresh();
    try {
      const err = await applyMigrations(target, { migrationsDir: dir }).catch((e) => e);
      expect(err).toBeInstanceOf(MigrationError);
      expect(err.code).toBe("MIGRATION_FAILED");
      expect(err.message).toContain("20240102000000_bad");
      expect(err.message).toMatch(/Nope/);
      expect(await sql.query(`SELECT migration_name FROM "_prisma_migrations"`)).toEqual([{ migration_name: "20240101000000_one" }]);
      expect(await sql.query(`SELECT to_regclass('"Half"')::text AS t`)).toEqual([{ t: null }]);
      // Fixed → applies.
      fs.writeFileSync(path.join(dir, "20240102000000_bad", "migration.sql"), `CREATE TABLE "Half" ("id" INT);\n`);
      expect(await applyMigrations(target, { migrationsDir: dir })).toEqual(["20240102000000_bad"]);
    } finally {
      await dispose();
    }
  });

  it("refuses to go on after a failed migration recorded by Prisma (finished_at NULL)", async () => {
    const dir = fixtureDir({ "20240101000000_one": ONE, "20240102000000_two": TWO });
    const { target, sql, dispose } = await backend.fresh();
    try {
      await applyMigrations(target, { migrationsDir: dir });
      await sql.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at, applied_steps_count) VALUES ('00000000-0000-0000-0000-000000000001', 'x', '20240103000000_three', 'boom', now(), 0)`,
      );
      fs.mkdirSync(path.join(dir, "20240103000000_three"));
      fs.writeFileSync(path.join(dir, "20240103000000_three", "migration.sql"), THREE);
      const status = await migrationStatus(target, { migrationsDir: dir });
      expect(status.failed).toEqual([{ name: "20240103000000_three", logs: "boom" }]);
      const err = await applyMigrations(target, { migrationsDir: dir }).catch((e) => e);
      expect(err.code).toBe("FAILED_MIGRATION");
      // Marked rolled back (what `prisma migrate resolve --rolled-back` does) → it is applied again.
      await sql.query(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE finished_at IS NULL`);
      expect(await applyMigrations(target, { migrationsDir: dir })).toEqual(["20240103000000_three"]);
    } finally {
      await dispose();
    }
  });

  it("runs a migration that manages its own transaction the way Prisma does", async () => {
    const dir = fixtureDir({
      "20240101000000_one": ONE,
      "20240102000000_own_tx": `BEGIN;\nCREATE TABLE "T" ("id" INT);\nCOMMIT;\nCREATE INDEX "T_id" ON "T"("id");\n`,
    });
    const { target, sql, dispose } = await backend.fresh();
    try {
      expect(await applyMigrations(target, { migrationsDir: dir })).toEqual(["20240101000000_one", "20240102000000_own_tx"]);
      const rows = await sql.query<{ finished_at: Date | null; applied_steps_count: number }>(
        `SELECT finished_at, applied_steps_count FROM "_prisma_migrations" WHERE migration_name = '20240102000000_own_tx'`,
      );
      expect(rows[0].finished_at).toBeInstanceOf(Date);
      expect(rows[0].applied_steps_count).toBe(1);
    } finally {
      await dispose();
    }
  });

  it("lets only one of two concurrent runs apply each migration", async () => {
    const dir = fixtureDir({ "20240101000000_one": ONE, "20240102000000_two": TWO });
    const { target, sql, dispose } = await backend.fresh();
    try {
      const [a, b] = await Promise.all([applyMigrations(target, { migrationsDir: dir }), applyMigrations(target, { migrationsDir: dir })]);
      expect([...a, ...b].sort()).toEqual(["20240101000000_one", "20240102000000_two"]);
      expect(await sql.query(`SELECT count(*)::int AS n FROM "_prisma_migrations"`)).toEqual([{ n: 2 }]);
    } finally {
      await dispose();
    }
  });
});
