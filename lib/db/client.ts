/**
 * The Prisma client of the app, on one of two databases:
 *   - `DATABASE_URL` set → a PostgreSQL server through `@prisma/adapter-pg`;
 *   - otherwise → the embedded PostgreSQL (PGlite) in `<LUOHU_DATA_DIR or .data>/pgdata`,
 *     through `pglite-prisma-adapter`. One process per data folder (see data-dir-lock.ts).
 *
 * Nothing is opened until the first query (or `$connect()`), so importing this module — e.g.
 * during `next build` — never touches the database.
 */
import fs from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { acquireDataDirLock, assertPgdataUsable, describeOpenFailure } from "./data-dir-lock";
import { connectionFailureMessage, describeConnectionString, registerPrismaSource, scrubSecrets } from "./sql-executor";

export interface CreatePrismaOptions {
  /** A PostgreSQL server; default `process.env.DATABASE_URL`. */
  databaseUrl?: string;
  /** Use this PGlite instance (e.g. an in-memory one in tests). The caller closes it. */
  pglite?: PGlite;
  /** Embedded data folder; default {@link getDataDir}(). Ignored when a database URL applies. */
  dataDir?: string;
  /** Prisma log levels, e.g. ["query"]. Default ["warn"] (errors are thrown to the caller anyway). */
  log?: Prisma.LogLevel[];
  /** PostgreSQL server only: every session read-only (`default_transaction_read_only`), so a write fails. */
  readOnly?: boolean;
}

/** The embedded data folder: `LUOHU_DATA_DIR`, default `.data` in the working directory. */
export function getDataDir(): string {
  return path.resolve(process.env.LUOHU_DATA_DIR || ".data");
}

/** The PGlite data folder inside a data folder. */
export function getPgdataDir(dataDir: string = getDataDir()): string {
  return path.join(path.resolve(dataDir), "pgdata");
}

/* ------------------------------------------------------------------------------------------ */
/* Embedded PGlite instances: one per data folder per process                                  */
/* ------------------------------------------------------------------------------------------ */

const EMBEDDED_KEY = Symbol.for("luohu.db.embedded");
const PRISMA_KEY = Symbol.for("luohu.db.prisma");
const CONNECTED_KEY = Symbol.for("luohu.db.embeddedClients");
const REPLICA_KEY = Symbol.for("luohu.db.replicas");
type Globals = typeof globalThis & {
  [EMBEDDED_KEY]?: Map<string, Promise<PGlite>>;
  [PRISMA_KEY]?: PrismaClient;
  [REPLICA_KEY]?: Map<string, PrismaClient>;
  [CONNECTED_KEY]?: Map<string, number>;
};
const g = globalThis as Globals;
const embedded = (g[EMBEDDED_KEY] ??= new Map());
/** Connected PrismaClients per embedded data folder. */
const connectedClients = (g[CONNECTED_KEY] ??= new Map());

/**
 * Opens (once per process) the embedded database of `dataDir`: takes the data folder lock,
 * checks the folder, starts PGlite. Errors: DataDirLockedError / DataDirError, with clear messages.
 */
export function openEmbeddedDatabase(dataDir: string = getDataDir()): Promise<PGlite> {
  const dir = path.resolve(dataDir);
  let opening = embedded.get(dir);
  if (!opening) {
    opening = (async () => {
      acquireDataDirLock(dir);
      const pgdata = getPgdataDir(dir);
      assertPgdataUsable(pgdata);
      fs.mkdirSync(pgdata, { recursive: true });
      const { PGlite } = await import("@electric-sql/pglite");
      try {
        const db = new PGlite(pgdata);
        await db.waitReady;
        return db;
      } catch (e) {
        throw describeOpenFailure(pgdata, e);
      }
    })();
    embedded.set(dir, opening);
    opening.catch(() => embedded.delete(dir)); // a later attempt may succeed (e.g. the other server stopped)
  }
  return opening;
}

/** Closes this process's embedded database of `dataDir` (the lock stays until exit / release). */
export async function closeEmbeddedDatabase(dataDir: string = getDataDir()): Promise<void> {
  const dir = path.resolve(dataDir);
  const opening = embedded.get(dir);
  if (!opening) return;
  embedded.delete(dir);
  const db = await opening.catch(() => null);
  if (db && !db.closed) await db.close();
}

/** A Prisma adapter factory that opens the PGlite instance on first connect. */
class LazyPGliteFactory implements SqlDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "pglite-prisma-adapter";
  constructor(
    private readonly open: () => Promise<PGlite>,
    private readonly onDispose: () => Promise<void>,
  ) {}
  async connect(): Promise<SqlDriverAdapter> {
    const [db, { PrismaPGlite }] = await Promise.all([this.open(), import("pglite-prisma-adapter")]);
    const adapter = (await new PrismaPGlite(db).connect()) as unknown as SqlDriverAdapter;
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await this.onDispose();
    };
    return adapter;
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Prisma clients                                                                              */
/* ------------------------------------------------------------------------------------------ */

function defaultLog(): Prisma.LogLevel[] {
  // Errors are thrown to the caller (which may expect some, e.g. P2002); logging them too is noise.
  return ["warn"];
}

/**
 * A new PrismaClient. Precedence: `opts.pglite` → `opts.databaseUrl` → `opts.dataDir`
 * (embedded) → `DATABASE_URL` → the embedded default data folder.
 *
 * For the embedded database, `$disconnect()` closes PGlite (cleanly); a later query reopens it.
 */
export function createPrisma(opts: CreatePrismaOptions = {}): PrismaClient {
  const log = opts.log ?? defaultLog();
  if (opts.pglite) {
    const db = opts.pglite;
    const prisma = new PrismaClient({
      adapter: new LazyPGliteFactory(
        async () => db,
        async () => {},
      ),
      log,
    });
    registerPrismaSource(prisma, { kind: "pglite", open: async () => db, description: `PGlite ${db.dataDir ?? "(in memory)"}` });
    return prisma;
  }
  const url = opts.databaseUrl ?? (opts.dataDir ? undefined : process.env.DATABASE_URL);
  if (url) {
    const adapter = new PrismaPg(
      { connectionString: url, application_name: "luohu", ...(opts.readOnly ? { options: "-c default_transaction_read_only=on" } : {}) },
      {
        // An idle connection dropped by the server must not crash the process; the pool reconnects.
        onPoolError: (err) => console.error(`[db] PostgreSQL ${describeConnectionString(url)}: connection error: ${err.message}`),
      },
    );
    const prisma = new PrismaClient({ adapter, log });
    registerPrismaSource(prisma, { kind: "pg", connectionString: url });
    return prisma;
  }
  const dir = path.resolve(opts.dataDir ?? getDataDir());
  const prisma = new PrismaClient({
    adapter: new LazyPGliteFactory(
      async () => {
        const db = await openEmbeddedDatabase(dir);
        connectedClients.set(dir, (connectedClients.get(dir) ?? 0) + 1);
        return db;
      },
      async () => {
        // Several clients may share the instance: close it when the last one disconnects.
        const left = (connectedClients.get(dir) ?? 1) - 1;
        connectedClients.set(dir, left);
        if (left <= 0) await closeEmbeddedDatabase(dir);
      },
    ),
    log,
  });
  registerPrismaSource(prisma, { kind: "pglite", open: () => openEmbeddedDatabase(dir), description: `PGlite ${getPgdataDir(dir)}` });
  return prisma;
}

/**
 * The process-wide client (created on first call from the environment). Kept on globalThis so
 * Next.js dev hot reload does not open a second one (the embedded database allows one).
 */
export function getPrisma(): PrismaClient {
  return (g[PRISMA_KEY] ??= createPrisma());
}

/**
 * The client for reports that may read slightly old data (the officials' dashboards and CSV
 * exports): a read-only client of the replica at `DATABASE_REPLICA_URL` (one per URL and
 * process), or — the variable unset — `primary` itself.
 */
export function getReplicaPrisma(primary: PrismaClient = getPrisma()): PrismaClient {
  const url = process.env.DATABASE_REPLICA_URL;
  if (!url) return primary;
  const replicas = (g[REPLICA_KEY] ??= new Map());
  let replica = replicas.get(url);
  if (!replica) replicas.set(url, (replica = createPrisma({ databaseUrl: url, readOnly: true })));
  return replica;
}

/** Disconnects the replica clients of this process (tests; a later call connects again). */
export async function closeReplicaPrisma(): Promise<void> {
  const replicas = g[REPLICA_KEY];
  if (!replicas) return;
  const all = [...replicas.values()];
  replicas.clear();
  await Promise.all(all.map((c) => c.$disconnect()));
}

/* ------------------------------------------------------------------------------------------ */
/* Errors → one clear line                                                                     */
/* ------------------------------------------------------------------------------------------ */

/**
 * One line (Chinese + English, never a password) for a failure to reach or open the database:
 * our own errors (data folder locked / unusable, connection, migration) and Prisma's wrapped
 * ones (P2010 + meta.driverAdapterError, "Invalid `prisma.x()` invocation:" prefixes).
 */
export function explainDatabaseError(e: unknown, opts: { databaseUrl?: string } = {}): string {
  const url = opts.databaseUrl ?? process.env.DATABASE_URL;
  const err = e as { code?: string; message?: string; meta?: { driverAdapterError?: { cause?: Record<string, unknown> } } };
  // Prisma puts "\nInvalid `prisma.foo()` invocation:\n\n\n" in front of the real message.
  const text = String(err?.message ?? e).replace(/^\s*Invalid `[^`]*` invocation:?\s*/, "");
  const first =
    text
      .split("\n")
      .map((l) => l.trim())
      .find(Boolean) ?? String(e);
  const cause = err?.meta?.driverAdapterError?.cause;
  if (cause && url) {
    const kind = String(cause.kind ?? "");
    const asConn = (code: string, message = "") => connectionFailureMessage(Object.assign(new Error(message), { code }), url).message;
    if (kind === "DatabaseNotReachable" || kind === "SocketTimeout") return asConn("ECONNREFUSED");
    if (kind === "DatabaseDoesNotExist") return asConn("3D000");
    if (kind === "DatabaseAccessDenied" || kind === "AuthenticationFailed") return asConn("28P01", String(cause.originalMessage ?? kind));
    if (kind === "TlsConnectionError") return asConn("TLS", `TLS: ${String(cause.reason ?? "")}`);
  }
  return scrubSecrets(first, url);
}
