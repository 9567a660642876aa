/**
 * A tiny SQL interface the migrate command, test databases and scripts share, with one
 * implementation over a PostgreSQL server (`pg`, ONE dedicated connection, so session state
 * such as advisory locks and `BEGIN` holds) and one over the embedded PGlite.
 *
 * Also: connection-string helpers that never reveal the password, and turning connection
 * failures into one clear line.
 */
import type { PGlite, Transaction as PGliteTransaction } from "@electric-sql/pglite";
import pg from "pg";

export interface SqlExecutor {
  readonly kind: "pg" | "pglite";
  /** Where this executor points, safe to print (no password). */
  readonly description: string;
  /**
   * The underlying session when several executors may share it (the PGlite instance): work that
   * relies on session-level advisory locks must also serialize on this object in-process.
   */
  readonly session?: object;
  /** One statement, `$1…` parameters, rows as objects. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** A script of several statements (simple query protocol), no parameters. */
  exec(sql: string): Promise<void>;
  /** Runs `fn` in a transaction (BEGIN … COMMIT, ROLLBACK when it throws). */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Ends the connection (pg) / closes the PGlite instance when this executor owns it. */
  close(): Promise<void>;
}

/* ------------------------------------------------------------------------------------------ */
/* Connection strings                                                                          */
/* ------------------------------------------------------------------------------------------ */

/** `host:port/database` of a postgresql:// URL — never the user's password. */
export function describeConnectionString(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    const host = url.hostname || (url.searchParams.get("host") ?? "localhost");
    return `${host}:${url.port || "5432"}/${decodeURIComponent(url.pathname.replace(/^\//, "")) || "(default)"}`;
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

/** The same server and credentials, another database. */
export function withDatabase(connectionString: string, database: string): string {
  const url = new URL(connectionString);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

export function databaseName(connectionString: string): string {
  return decodeURIComponent(new URL(connectionString).pathname.replace(/^\//, ""));
}

/** Removes the password of `connectionString` (raw and URL-encoded) from any text. */
export function scrubSecrets(text: string, connectionString?: string): string {
  let out = text.replace(/(postgres(?:ql)?:\/\/[^:\s/@]+:)[^@\s]+@/gi, "$1***@");
  if (connectionString) {
    try {
      const url = new URL(connectionString);
      for (const secret of [url.password, decodeURIComponent(url.password)]) {
        if (secret && secret.length >= 3) out = out.split(secret).join("***");
      }
    } catch {
      /* ignore */
    }
  }
  return out;
}

/** A database server could not be reached or refused us: the message is one clear line. */
export class DatabaseConnectionError extends Error {
  readonly code: string;
  constructor(message: string, code: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DatabaseConnectionError";
    this.code = code;
  }
}

/** One line (Chinese + English) for why connecting to `connectionString` failed. */
export function connectionFailureMessage(err: unknown, connectionString: string): { message: string; code: string } {
  const e = err as { code?: string; message?: string; errors?: { code?: string }[] };
  const where = describeConnectionString(connectionString);
  const code = e?.code ?? e?.errors?.[0]?.code ?? "UNKNOWN";
  const first = scrubSecrets(String(e?.message ?? err).split("\n")[0], connectionString);
  switch (code) {
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
    case "ETIMEDOUT":
    case "ECONNRESET":
      return { code, message: `无法连接数据库 ${where} (${code}) — check DATABASE_URL and that the PostgreSQL server is running.` };
    case "3D000":
      return { code, message: `数据库 ${where} 不存在 (database does not exist) — create it first, e.g. createdb ${databaseNameSafe(connectionString)}.` };
    case "28P01":
    case "28000":
      return { code, message: `数据库 ${where} 拒绝登录 (authentication failed: ${first}) — check the user and password in DATABASE_URL.` };
    case "ERR_INVALID_URL":
      return { code, message: "DATABASE_URL 格式不正确 (not a valid postgresql://user:password@host:port/database URL)." };
  }
  if (/timeout/i.test(first)) return { code: "ETIMEDOUT", message: `无法连接数据库 ${where} (timeout) — check DATABASE_URL and the network.` };
  if (/SASL|password must be a string/i.test(first)) {
    return { code: "28P01", message: `数据库 ${where} 需要密码 (the server asks for a password; put it in DATABASE_URL).` };
  }
  return { code, message: `无法连接数据库 ${where} (${first}) — check DATABASE_URL.` };
}

function databaseNameSafe(connectionString: string): string {
  try {
    return databaseName(connectionString) || "luohu";
  } catch {
    return "luohu";
  }
}

/* ------------------------------------------------------------------------------------------ */
/* PostgreSQL server (pg)                                                                      */
/* ------------------------------------------------------------------------------------------ */

type PgQueryable = { query: pg.Client["query"] };

function pgExecutorOver(client: PgQueryable, description: string, onClose: () => Promise<void>, inTx = false): SqlExecutor {
  const self: SqlExecutor = {
    kind: "pg",
    description,
    async query<T>(sql: string, params: unknown[] = []) {
      const r = await client.query(sql, params as unknown[]);
      return r.rows as T[];
    },
    async exec(sql: string) {
      // No parameters → simple query protocol → several statements in one string are fine.
      await client.query(sql);
    },
    async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
      if (inTx) return fn(self);
      await client.query("BEGIN");
      try {
        const result = await fn(pgExecutorOver(client, description, async () => {}, true));
        await client.query("COMMIT");
        return result;
      } catch (e) {
        await client.query("ROLLBACK").catch(() => {});
        throw e;
      }
    },
    close: onClose,
  };
  return self;
}

/**
 * One dedicated connection to a PostgreSQL server. Connection failures become a
 * {@link DatabaseConnectionError} with one clear line (never the password).
 */
export async function connectPg(connectionString: string, opts: { applicationName?: string; connectTimeoutMs?: number } = {}): Promise<SqlExecutor> {
  let client: pg.Client;
  try {
    new URL(connectionString);
    client = new pg.Client({
      connectionString,
      application_name: opts.applicationName ?? "luohu-db",
      connectionTimeoutMillis: opts.connectTimeoutMs ?? 10_000,
    });
  } catch (e) {
    const { message, code } = connectionFailureMessage(Object.assign(new Error("invalid url"), { code: "ERR_INVALID_URL" }), connectionString);
    throw new DatabaseConnectionError(message, code, { cause: e });
  }
  // A connection killed later (server restart, DROP DATABASE … WITH (FORCE)) must not crash the process.
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (e) {
    await client.end().catch(() => {});
    const { message, code } = connectionFailureMessage(e, connectionString);
    throw new DatabaseConnectionError(message, code, { cause: e });
  }
  let closed = false;
  return pgExecutorOver(client, `PostgreSQL ${describeConnectionString(connectionString)}`, async () => {
    if (closed) return;
    closed = true;
    await client.end().catch(() => {});
  });
}

/* ------------------------------------------------------------------------------------------ */
/* Embedded PGlite                                                                             */
/* ------------------------------------------------------------------------------------------ */

type PGliteLike = Pick<PGlite, "query" | "exec"> & { transaction?: PGlite["transaction"] };

function pgliteExecutorOver(db: PGliteLike, description: string, onClose: () => Promise<void>, session: object = db): SqlExecutor {
  const self: SqlExecutor = {
    kind: "pglite",
    description,
    session,
    async query<T>(sql: string, params: unknown[] = []) {
      const r = await db.query<T>(sql, params as unknown[]);
      return r.rows;
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
    async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
      // Inside a PGlite transaction already (tx object has no .transaction): run inline.
      if (!db.transaction) return fn(self);
      // PGlite's own transaction() holds its connection mutex, so queries of a Prisma client
      // sharing this instance wait instead of landing inside our BEGIN … COMMIT.
      return db.transaction((tx: PGliteTransaction) => fn(pgliteExecutorOver(tx, description, async () => {}, session)));
    },
    close: onClose,
  };
  return self;
}

/**
 * An executor over a PGlite instance. By default `close()` leaves the instance open (its
 * owner closes it); pass `{ owned: true }` to close it too.
 */
export function pgliteExecutor(db: PGlite, opts: { owned?: boolean; description?: string } = {}): SqlExecutor {
  return pgliteExecutorOver(db, opts.description ?? `PGlite ${db.dataDir ?? "(in memory)"}`, async () => {
    if (opts.owned && !db.closed) await db.close();
  });
}

/* ------------------------------------------------------------------------------------------ */
/* Which database is behind a PrismaClient                                                     */
/* ------------------------------------------------------------------------------------------ */

/** What lib/db/client.ts records for each PrismaClient it creates. */
export type PrismaSource = { kind: "pg"; connectionString: string } | { kind: "pglite"; open: () => Promise<PGlite>; description: string };

const SOURCES_KEY = Symbol.for("luohu.db.prismaSources");
type WithSources = typeof globalThis & { [SOURCES_KEY]?: WeakMap<object, PrismaSource> };

function sources(): WeakMap<object, PrismaSource> {
  const g = globalThis as WithSources;
  return (g[SOURCES_KEY] ??= new WeakMap());
}

export function registerPrismaSource(prisma: object, source: PrismaSource): void {
  sources().set(prisma, source);
}

export function prismaSource(prisma: object): PrismaSource | undefined {
  return sources().get(prisma);
}

/**
 * An executor on the same database as `prisma` (made by createPrisma): for PGlite the SAME
 * instance (one process per data folder), for a server a new dedicated connection.
 */
export async function executorForPrisma(prisma: object): Promise<SqlExecutor> {
  const source = prismaSource(prisma);
  if (!source) {
    throw new Error("This PrismaClient was not created by createPrisma() (lib/db/client.ts): cannot tell which database it uses.");
  }
  if (source.kind === "pg") return connectPg(source.connectionString, { applicationName: "luohu-migrate" });
  const db = await source.open();
  return pgliteExecutor(db, { owned: false, description: source.description });
}
