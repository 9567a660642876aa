/**
 * One process per embedded data folder.
 *
 * PGlite is a whole PostgreSQL inside one process: two processes opening the same data folder
 * would both write to it and corrupt it (PGlite itself does not stop the second one). So the
 * folder carries a lock file `<dataDir>/luohu.lock` holding the owner's pid:
 *   - another LIVE process holds it → {@link DataDirLockedError} with a clear message;
 *   - the holder is dead (crash, kill -9, a container restart reusing pids) → taken over;
 *   - the same process acquiring again → the same lock (re-entrant);
 *   - released when the process exits (and by {@link releaseDataDirLock}).
 *
 * Also: turning a data folder PGlite cannot open into a clear message ({@link DataDirError}).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const LOCK_FILE_NAME = "luohu.lock";

/** What the lock file holds (JSON). */
export interface DataDirLockInfo {
  pid: number;
  host: string;
  /** Process start time from /proc/<pid>/stat (Linux), to tell a reused pid from the owner. */
  procStart?: string | null;
  startedAt?: string;
  command?: string;
}

export interface DataDirLock {
  readonly dataDir: string;
  readonly lockPath: string;
  release(): void;
}

/** Another live process holds the data folder. */
export class DataDirLockedError extends Error {
  readonly code = "LUOHU_DATA_DIR_LOCKED";
  constructor(
    readonly dataDir: string,
    readonly holder: DataDirLockInfo,
  ) {
    const elsewhere = holder.host !== os.hostname();
    super(
      holder.pid === process.pid && !elsewhere
        ? `数据目录 ${dataDir} 已被本进程的另一个实例打开 (this data folder is already open in another thread/module instance of this process).`
        : elsewhere
          ? `数据目录 ${dataDir} 已被主机 ${holder.host} 上的进程 ${holder.pid} 使用 (another Luohu server on host ${holder.host} is using this data folder). ` +
            `If you are sure it is not running, delete ${path.join(dataDir, LOCK_FILE_NAME)}.`
          : `数据目录 ${dataDir} 已被进程 ${holder.pid} 使用 (another Luohu server is running on this data folder). ` +
            `Stop it first, or set LUOHU_DATA_DIR to another folder.`,
    );
    this.name = "DataDirLockedError";
  }
}

/** The data folder exists but PGlite cannot use it. */
export class DataDirError extends Error {
  readonly code = "LUOHU_DATA_DIR_UNUSABLE";
  constructor(
    readonly dataDir: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "DataDirError";
  }
}

/* ------------------------------------------------------------------------------------------ */

type Held = { dataDir: string; lockPath: string; content: string };
const HELD_KEY = Symbol.for("luohu.db.heldDataDirLocks");
type WithHeld = typeof globalThis & { [HELD_KEY]?: Map<string, Held> };

/** Locks this process holds, by lock path; on globalThis so Next.js hot reload keeps them. */
function held(): Map<string, Held> {
  const g = globalThis as WithHeld;
  if (!g[HELD_KEY]) {
    g[HELD_KEY] = new Map();
    process.once("exit", releaseAllDataDirLocks);
  }
  return g[HELD_KEY];
}

function procStartOf(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 22 (starttime); the command (field 2) may contain spaces, so count after ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

/** Whether `pid` is a running process (EPERM = it exists but belongs to someone else). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function parseLock(text: string): DataDirLockInfo | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed), host: os.hostname() };
  try {
    const info = JSON.parse(trimmed) as DataDirLockInfo;
    if (typeof info?.pid === "number") return { ...info, host: info.host ?? os.hostname() };
  } catch {
    /* fall through */
  }
  return null;
}

/** The lock file's content, or null when there is none (or it is unreadable garbage). */
export function readDataDirLock(dataDir: string): DataDirLockInfo | null {
  try {
    return parseLock(fs.readFileSync(path.join(path.resolve(dataDir), LOCK_FILE_NAME), "utf8"));
  } catch {
    return null;
  }
}

/** Whether the holder recorded in a lock is still the live owner. */
function holderIsLive(info: DataDirLockInfo | null): boolean {
  if (!info) return false; // empty / garbage: a crash while writing it
  if (info.host !== os.hostname()) return true; // cannot check another host: respect it
  if (info.pid === process.pid) {
    // Our pid, but not held by this module instance: either a previous process that had the same
    // pid (containers restart with the same small pids) — stale — or another thread / bundle of
    // THIS process (e.g. a worker thread) — live: a second PGlite on the folder would corrupt it.
    const mine = procStartOf(process.pid);
    if (info.procStart && mine) return info.procStart === mine;
    const started = info.startedAt ? Date.parse(info.startedAt) : NaN;
    return Number.isFinite(started) && started >= Date.now() - process.uptime() * 1000 - 1000;
  }
  if (!isProcessAlive(info.pid)) return false;
  if (info.procStart) {
    const now = procStartOf(info.pid);
    if (now && now !== info.procStart) return false; // the pid was reused by another process
  }
  return true;
}

function myLockContent(): string {
  const info: DataDirLockInfo = {
    pid: process.pid,
    host: os.hostname(),
    procStart: procStartOf(process.pid),
    startedAt: new Date().toISOString(),
    command: process.argv.slice(1, 3).join(" "),
  };
  return JSON.stringify(info) + "\n";
}

function sleepSync(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Takes the data folder for this process (creating the folder). Throws
 * {@link DataDirLockedError} when another live process has it. Re-entrant within a process.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const dir = path.resolve(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, LOCK_FILE_NAME);
  const mine = held().get(lockPath);
  if (mine) {
    // Still ours? (someone may have deleted the file by hand)
    let current = "";
    try {
      current = fs.readFileSync(lockPath, "utf8");
    } catch {
      /* gone */
    }
    if (current === mine.content) return handle(mine);
    held().delete(lockPath);
  }

  const content = myLockContent();
  for (let attempt = 0; attempt < 50; attempt++) {
    // Write a complete file aside, then hard-link it into place: link() is atomic and fails
    // when the lock exists, so nobody ever sees a half-written lock file.
    const tmp = `${lockPath}.${process.pid}.${attempt}.tmp`;
    try {
      fs.writeFileSync(tmp, content, { mode: 0o644 });
      try {
        fs.linkSync(tmp, lockPath);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === "EEXIST") throw e;
        fs.writeFileSync(lockPath, content, { flag: "wx", mode: 0o644 }); // no hard links on this file system
      }
      const h: Held = { dataDir: dir, lockPath, content };
      held().set(lockPath, h);
      return handle(h);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") {
        throw new DataDirError(dir, `数据目录 ${dir} 无法写入 (cannot create the lock file: ${(e as Error).message})`, { cause: e });
      }
    } finally {
      fs.rmSync(tmp, { force: true });
    }
    // Someone has the file: live holder → refuse; stale → take over (under a small mutex so two
    // starters do not both remove it and both believe they own the folder).
    const info = readDataDirLock(dir);
    if (holderIsLive(info)) throw new DataDirLockedError(dir, info!);
    const mutex = `${lockPath}.takeover`;
    try {
      fs.mkdirSync(mutex);
    } catch {
      try {
        if (Date.now() - fs.statSync(mutex).mtimeMs > 10_000) fs.rmSync(mutex, { recursive: true, force: true });
      } catch {
        /* it went away */
      }
      sleepSync(20);
      continue;
    }
    try {
      const again = readDataDirLock(dir);
      if (holderIsLive(again)) throw new DataDirLockedError(dir, again!);
      fs.rmSync(lockPath, { force: true });
    } finally {
      fs.rmSync(mutex, { recursive: true, force: true });
    }
  }
  throw new DataDirError(dir, `数据目录 ${dir} 的锁文件无法获取 (could not take ${lockPath}; another process keeps changing it).`);
}

function handle(h: Held): DataDirLock {
  return { dataDir: h.dataDir, lockPath: h.lockPath, release: () => releaseDataDirLock(h.dataDir) };
}

/** Releases this process's lock on `dataDir` (no-op when it does not hold it). */
export function releaseDataDirLock(dataDir: string): void {
  const lockPath = path.join(path.resolve(dataDir), LOCK_FILE_NAME);
  const h = held().get(lockPath);
  if (!h) return;
  held().delete(lockPath);
  try {
    // Only remove it if it is still ours.
    if (fs.readFileSync(lockPath, "utf8") === h.content) fs.rmSync(lockPath, { force: true });
  } catch {
    /* already gone */
  }
}

export function releaseAllDataDirLocks(): void {
  for (const h of [...held().values()]) releaseDataDirLock(h.dataDir);
}

/** Whether this process holds the lock on `dataDir`. */
export function holdsDataDirLock(dataDir: string): boolean {
  return held().has(path.join(path.resolve(dataDir), LOCK_FILE_NAME));
}

/* ------------------------------------------------------------------------------------------ */
/* Data folders PGlite cannot use                                                              */
/* ------------------------------------------------------------------------------------------ */

/**
 * Checks, before PGlite opens it, that `pgdataDir` is absent/empty (a new database) or looks
 * like a PostgreSQL data folder. PGlite would otherwise run initdb over whatever is there.
 */
export function assertPgdataUsable(pgdataDir: string): void {
  const dir = path.resolve(pgdataDir);
  const st = fs.statSync(dir, { throwIfNoEntry: false });
  if (!st) return;
  if (!st.isDirectory()) {
    throw new DataDirError(dir, `内嵌数据库目录 ${dir} 不是文件夹 (the embedded database path is a file, not a folder) — move it away.`);
  }
  const entries = fs.readdirSync(dir);
  if (entries.length === 0) return;
  if (!entries.includes("PG_VERSION")) {
    throw new DataDirError(
      dir,
      `内嵌数据库目录 ${dir} 不是有效的数据库 (not a PostgreSQL data folder: no PG_VERSION; maybe the first start was interrupted) — ` +
        `move it away (or delete it if it holds nothing you need) and start again.`,
    );
  }
}

/** Turns PGlite's failure to open `pgdataDir` (often a bare "Aborted()") into a clear message. */
export function describeOpenFailure(pgdataDir: string, err: unknown): DataDirError {
  const dir = path.resolve(pgdataDir);
  if (err instanceof DataDirError || err instanceof DataDirLockedError) return err as DataDirError;
  const raw = String((err as Error)?.message ?? err ?? "unknown error").split("\n")[0] || (err as Error)?.constructor?.name || "unknown error";
  let version: string | null = null;
  try {
    version = fs.readFileSync(path.join(dir, "PG_VERSION"), "utf8").trim();
  } catch {
    /* none */
  }
  const made = version ? ` 由 PostgreSQL ${version} 创建 (created by PostgreSQL ${version});` : "";
  return new DataDirError(
    dir,
    `内嵌数据库 ${dir} 无法打开${made} 可能已损坏或来自不兼容的版本 (the embedded database could not be opened: ${raw}). ` +
      `Restore it from a backup, or move it away to start with an empty database.`,
    { cause: err },
  );
}
