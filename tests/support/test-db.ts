/**
 * Databases for integration tests: every call gets its OWN fresh, fully migrated database.
 *
 *   - without DATABASE_URL: an in-memory PGlite. Starting PGlite runs initdb (3–4 s), so the
 *     first call builds a migrated snapshot once (cached in the OS temp folder, keyed by the
 *     PGlite version and the migrations) and every call loads it (~1 s).
 *   - with DATABASE_URL: a new database on that server, `CREATE DATABASE … TEMPLATE` a
 *     template migrated once per migration history (guarded by an advisory lock so parallel
 *     test workers do not race), dropped again by `close()`.
 *
 *   const { prisma, reset, close } = await createTestPrisma();   // in beforeAll
 *   await close();                                                // in afterAll
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrisma } from "@/lib/db/client";
import { isProcessAlive } from "@/lib/db/data-dir-lock";
import { applyMigrations, migrationsFingerprint, readMigrations, sha256Hex } from "@/lib/db/migrate";
import { connectPg, withDatabase, type SqlExecutor } from "@/lib/db/sql-executor";

export interface TestPrisma {
  prisma: PrismaClient;
  kind: "pglite" | "pg";
  /** PostgreSQL: the URL of this test's database. */
  databaseUrl?: string;
  /** PGlite: the instance. */
  pglite?: PGlite;
  /** Empties every table (except `_prisma_migrations`) and restarts sequences. */
  reset(): Promise<void>;
  /** Disconnects and throws the database away. */
  close(): Promise<void>;
}

export interface TestPrismaOptions {
  /** Default: DATABASE_URL (PostgreSQL) or, when unset, an in-memory PGlite. */
  databaseUrl?: string;
  migrationsDir?: string;
}

/**
 * Empties all tables in one transaction. User triggers (e.g. the append-only audit trail's
 * BEFORE TRUNCATE guard) are disabled for the TRUNCATE and enabled again.
 */
const TRUNCATE_ALL = `DO $$
DECLARE t text; r record;
BEGIN
  SELECT string_agg(format('%I.%I', schemaname, tablename), ', ') INTO t
    FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations';
  IF t IS NULL THEN RETURN; END IF;
  FOR r IN SELECT DISTINCT c.oid::regclass AS tbl FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
           WHERE NOT g.tgisinternal AND c.relnamespace = current_schema()::regnamespace LOOP
    EXECUTE format('ALTER TABLE %s DISABLE TRIGGER USER', r.tbl);
  END LOOP;
  EXECUTE 'TRUNCATE TABLE ' || t || ' RESTART IDENTITY CASCADE';
  FOR r IN SELECT DISTINCT c.oid::regclass AS tbl FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
           WHERE NOT g.tgisinternal AND c.relnamespace = current_schema()::regnamespace LOOP
    EXECUTE format('ALTER TABLE %s ENABLE TRIGGER USER', r.tbl);
  END LOOP;
END $$`;

export async function createTestPrisma(opts: TestPrismaOptions = {}): Promise<TestPrisma> {
  const url = opts.databaseUrl ?? process.env.DATABASE_URL;
  return url ? createServerTestPrisma(url, opts) : createPGliteTestPrisma(opts);
}

/* ------------------------------------------------------------------------------------------ */
/* PGlite                                                                                      */
/* ------------------------------------------------------------------------------------------ */

const snapshots = new Map<string, Promise<Blob>>();

function pgliteVersion(): string {
  try {
    const req = createRequire(path.resolve("package.json"));
    let dir = path.dirname(req.resolve("@electric-sql/pglite"));
    for (let i = 0; i < 4; i++, dir = path.dirname(dir)) {
      const pkg = path.join(dir, "package.json");
      if (fs.existsSync(pkg)) {
        const json = JSON.parse(fs.readFileSync(pkg, "utf8")) as { name?: string; version?: string };
        if (json.name === "@electric-sql/pglite") return json.version ?? "?";
      }
    }
  } catch {
    /* fall through */
  }
  return "unknown";
}

/** A gzipped PGlite data folder with all migrations applied (built once, cached on disk). */
function migratedSnapshot(migrationsDir: string | undefined): Promise<Blob> {
  const fingerprint = migrationsFingerprint(readMigrations(migrationsDir));
  const key = sha256Hex(`${pgliteVersion()}\n${fingerprint}`).slice(0, 20);
  let snap = snapshots.get(key);
  if (!snap) {
    snap = (async () => {
      const cacheDir = path.join(os.tmpdir(), "luohu-test-pglite");
      const file = path.join(cacheDir, `${key}.tgz`);
      if (fs.existsSync(file)) return new Blob([fs.readFileSync(file)]);
      const { PGlite } = await import("@electric-sql/pglite");
      const db = await PGlite.create();
      try {
        await applyMigrations(db, { migrationsDir });
        const blob = await db.dumpDataDir("gzip");
        fs.mkdirSync(cacheDir, { recursive: true });
        const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
        fs.writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
        fs.renameSync(tmp, file); // atomic: parallel workers never read half a file
        for (const old of fs.readdirSync(cacheDir)) {
          const p = path.join(cacheDir, old);
          if (old !== path.basename(file) && old.endsWith(".tgz") && Date.now() - fs.statSync(p).mtimeMs > 60_000) fs.rmSync(p, { force: true });
        }
        return blob;
      } finally {
        await db.close();
      }
    })();
    snapshots.set(key, snap);
    snap.catch(() => snapshots.delete(key));
  }
  return snap;
}

/** Empties every table between tests; closes once (disconnects, then `release` frees the database). */
function resetAndClose(prisma: PrismaClient, release: () => Promise<void>): Pick<TestPrisma, "reset" | "close"> {
  let closed = false;
  return {
    reset: async () => {
      await prisma.$executeRawUnsafe(TRUNCATE_ALL);
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await prisma.$disconnect().catch(() => {});
      await release();
    },
  };
}

async function createPGliteTestPrisma(opts: TestPrismaOptions): Promise<TestPrisma> {
  const { PGlite } = await import("@electric-sql/pglite");
  let db: PGlite;
  try {
    db = await PGlite.create({ loadDataDir: await migratedSnapshot(opts.migrationsDir) });
  } catch {
    // A damaged cache file: rebuild it once.
    fs.rmSync(path.join(os.tmpdir(), "luohu-test-pglite"), { recursive: true, force: true });
    snapshots.clear();
    db = await PGlite.create({ loadDataDir: await migratedSnapshot(opts.migrationsDir) });
  }
  await applyMigrations(db, { migrationsDir: opts.migrationsDir }); // a no-op unless the snapshot is behind
  const prisma = createPrisma({ pglite: db, log: ["warn"] });
  return {
    prisma,
    kind: "pglite",
    pglite: db,
    ...resetAndClose(prisma, async () => {
      if (!db.closed) await db.close();
    }),
  };
}

/* ------------------------------------------------------------------------------------------ */
/* PostgreSQL server                                                                           */
/* ------------------------------------------------------------------------------------------ */

/** Advisory lock key for building templates (on the database of DATABASE_URL). */
const TEMPLATE_LOCK = 72707370;
const HOST_TAG = sha256Hex(os.hostname()).slice(0, 6);

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function dropDatabase(admin: SqlExecutor, name: string, force = true): Promise<void> {
  await admin.exec(`DROP DATABASE IF EXISTS ${quoteIdent(name)}${force ? " WITH (FORCE)" : ""}`);
}

/** Test databases left behind by killed test processes of this host. */
async function dropAbandoned(admin: SqlExecutor): Promise<void> {
  const rows = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`luohu\\_t\\_${HOST_TAG}\\_%`]);
  for (const { datname } of rows) {
    const pid = Number(datname.split("_")[3]);
    if (pid && pid !== process.pid && !isProcessAlive(pid)) await dropDatabase(admin, datname).catch(() => {});
  }
}

async function createServerTestPrisma(url: string, opts: TestPrismaOptions): Promise<TestPrisma> {
  const admin = await connectPg(url, { applicationName: "luohu-test-admin" });
  const fingerprint = migrationsFingerprint(readMigrations(opts.migrationsDir)).slice(0, 16);
  const template = `luohu_template_${fingerprint}`;
  const name = `luohu_t_${HOST_TAG}_${process.pid}_${randomBytes(4).toString("hex")}`;
  try {
    await admin.query(`SELECT pg_advisory_lock(${TEMPLATE_LOCK})`);
    try {
      const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [template]);
      if (!exists.length) {
        // Build under another name and rename: a half-migrated template is never used.
        const building = `${template}_b${process.pid}`;
        await dropDatabase(admin, building);
        await admin.exec(`CREATE DATABASE ${quoteIdent(building)}`);
        try {
          await applyMigrations(withDatabase(url, building), { migrationsDir: opts.migrationsDir });
        } catch (e) {
          await dropDatabase(admin, building).catch(() => {});
          throw e;
        }
        await admin.exec(`ALTER DATABASE ${quoteIdent(building)} RENAME TO ${quoteIdent(template)}`);
        // Templates of older migration histories are no longer needed.
        const old = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'luohu\\_template\\_%' AND datname <> $1`, [
          template,
        ]);
        for (const { datname } of old) await dropDatabase(admin, datname, false).catch(() => {});
      }
      await dropAbandoned(admin).catch(() => {});
      for (let attempt = 0; ; attempt++) {
        try {
          await admin.exec(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`);
          break;
        } catch (e) {
          // 55006: someone is connected to the template; it goes away quickly.
          if ((e as { code?: string }).code !== "55006" || attempt >= 20) throw e;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    } finally {
      await admin.query(`SELECT pg_advisory_unlock(${TEMPLATE_LOCK})`).catch(() => {});
    }
  } catch (e) {
    await admin.close();
    throw e;
  }
  const databaseUrl = withDatabase(url, name);
  try {
    await applyMigrations(databaseUrl, { migrationsDir: opts.migrationsDir }); // a no-op: the template is migrated
  } catch (e) {
    await dropDatabase(admin, name).catch(() => {});
    await admin.close();
    throw e;
  }
  const prisma = createPrisma({ databaseUrl, log: ["warn"] });
  return {
    prisma,
    kind: "pg",
    databaseUrl,
    ...resetAndClose(prisma, async () => {
      try {
        // $disconnect() sometimes returns before the pool's last connection is gone; give it a
        // moment so DROP … WITH (FORCE) does not have to kill it (noise in the pool's error log).
        for (let i = 0; i < 40; i++) {
          const [{ n }] = await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1`, [name]);
          if (n === 0) break;
          await new Promise((r) => setTimeout(r, 25));
        }
        await dropDatabase(admin, name);
      } finally {
        await admin.close();
      }
    }),
  };
}
