/**
 * One process per embedded data folder (lib/db/data-dir-lock.ts), and clear messages for data
 * folders PGlite cannot open.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirError, DataDirLockedError, holdsDataDirLock, readDataDirLock, releaseDataDirLock } from "@/lib/db/data-dir-lock";
import { openEmbeddedDatabase } from "@/lib/db/client";

const LOCK_MODULE = path.resolve("lib/db/data-dir-lock.ts");

const dirs: string[] = [];
const children: ChildProcess[] = [];
function tmpDataDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "luohu-data-"));
  dirs.push(d);
  return d;
}

afterEach(() => {
  for (const c of children.splice(0)) c.kill("SIGKILL");
  for (const d of dirs.splice(0)) {
    releaseDataDirLock(d);
    fs.rmSync(d, { recursive: true, force: true });
    fs.rmSync(`${d}-holder.ts`, { force: true });
  }
});

/** A pid that certainly belongs to no process any more. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(r.stdout);
}

/** Another process that takes the lock (through the real module) and keeps it until killed. */
async function otherHolder(dataDir: string): Promise<ChildProcess> {
  const script = path.join(dataDir, "..", `${path.basename(dataDir)}-holder.ts`);
  fs.writeFileSync(
    script,
    // The SIGTERM handler first: the parent may signal as soon as "locked" reaches the pipe.
    `import { acquireDataDirLock } from ${JSON.stringify(LOCK_MODULE)};\n` +
      `process.on("SIGTERM", () => process.exit(0));\n` +
      `acquireDataDirLock(${JSON.stringify(dataDir)});\nconsole.log("locked");\nsetInterval(() => {}, 1000);\n`,
  );
  // node --import tsx (not the tsx CLI, which would run the script in a grandchild process).
  const child = spawn(process.execPath, ["--import", "tsx", script], { cwd: process.cwd(), stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (b: Buffer) => b.toString().includes("locked") && resolve());
    child.on("exit", (code) => reject(new Error(`holder exited ${code}`)));
  });
  return child;
}

describe("data folder lock", () => {
  it("is taken with this pid, re-entrant in the same process, and released", () => {
    const dir = tmpDataDir();
    const lock = acquireDataDirLock(dir);
    expect(readDataDirLock(dir)?.pid).toBe(process.pid);
    expect(holdsDataDirLock(dir)).toBe(true);
    expect(() => acquireDataDirLock(dir)).not.toThrow();
    lock.release();
    expect(fs.existsSync(path.join(dir, "luohu.lock"))).toBe(false);
    expect(holdsDataDirLock(dir)).toBe(false);
  });

  it("refuses a second holder while another live process has the folder", async () => {
    const dir = tmpDataDir();
    const child = await otherHolder(dir);
    expect(readDataDirLock(dir)?.pid).toBe(child.pid);
    let err: unknown;
    try {
      acquireDataDirLock(dir);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DataDirLockedError);
    expect((err as Error).message).toBe(
      `数据目录 ${dir} 已被进程 ${child.pid} 使用 (another Luohu server is running on this data folder). Stop it first, or set LUOHU_DATA_DIR to another folder.`,
    );
    // Opening the embedded database is refused the same way (before PGlite touches the files).
    await expect(openEmbeddedDatabase(dir)).rejects.toBeInstanceOf(DataDirLockedError);
    expect(fs.existsSync(path.join(dir, "pgdata"))).toBe(false);

    // Once the holder stops (normal exit releases the lock), the folder is free.
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
    expect(fs.existsSync(path.join(dir, "luohu.lock"))).toBe(false);
    expect(() => acquireDataDirLock(dir)).not.toThrow();
  });

  it("takes over a stale lock: dead pid, garbage, or a pid reused by another process", () => {
    const dir = tmpDataDir();
    const file = path.join(dir, "luohu.lock");
    for (const stale of [
      JSON.stringify({ pid: deadPid(), host: os.hostname() }),
      String(deadPid()), // a bare pid
      "", // a crash while writing
      "not json at all",
      JSON.stringify({ pid: process.ppid, host: os.hostname(), procStart: "1" }), // live pid, other start time
    ]) {
      fs.writeFileSync(file, stale);
      const lock = acquireDataDirLock(dir);
      expect(readDataDirLock(dir)?.pid).toBe(process.pid);
      lock.release();
    }
  });

  it("respects a lock from another host (it cannot check that pid) and says how to clear it", () => {
    const dir = tmpDataDir();
    fs.writeFileSync(path.join(dir, "luohu.lock"), JSON.stringify({ pid: 4242, host: "other-box" }));
    expect(() => acquireDataDirLock(dir)).toThrow(/已被主机 other-box 上的进程 4242 使用.*delete .*luohu\.lock/);
  });

  it("refuses a lock of this very process taken by another thread / module instance", () => {
    const dir = tmpDataDir();
    acquireDataDirLock(dir);
    // Forget it in this module instance, as a worker thread (own globalThis) would not know it.
    const held = (globalThis as Record<symbol, Map<string, unknown>>)[Symbol.for("luohu.db.heldDataDirLocks")];
    const entry = held.get(path.join(dir, "luohu.lock"));
    held.delete(path.join(dir, "luohu.lock"));
    try {
      expect(() => acquireDataDirLock(dir)).toThrow(/已被本进程的另一个实例打开/);
    } finally {
      held.set(path.join(dir, "luohu.lock"), entry);
    }
  });

  it("takes over a lock left by a previous process that had our pid (container restarts)", () => {
    const dir = tmpDataDir();
    fs.writeFileSync(path.join(dir, "luohu.lock"), JSON.stringify({ pid: process.pid, host: os.hostname(), procStart: "0" }));
    expect(holdsDataDirLock(dir)).toBe(false);
    acquireDataDirLock(dir);
    expect(holdsDataDirLock(dir)).toBe(true);
  });
});

describe("unusable data folders", () => {
  it("refuses a pgdata folder that is not a PostgreSQL data folder instead of running initdb over it", async () => {
    const dir = tmpDataDir();
    fs.mkdirSync(path.join(dir, "pgdata"));
    fs.writeFileSync(path.join(dir, "pgdata", "notes.txt"), "my files");
    const err = await openEmbeddedDatabase(dir).catch((e) => e);
    expect(err).toBeInstanceOf(DataDirError);
    expect(err.message).toContain("不是有效的数据库 (not a PostgreSQL data folder");
    expect(fs.readdirSync(path.join(dir, "pgdata"))).toEqual(["notes.txt"]);
  });

  it("refuses a pgdata path that is a file", async () => {
    const dir = tmpDataDir();
    fs.writeFileSync(path.join(dir, "pgdata"), "x");
    const err = await openEmbeddedDatabase(dir).catch((e) => e);
    expect(err).toBeInstanceOf(DataDirError);
    expect(err.message).toContain("不是文件夹");
  });

  it("turns PGlite's failure on a damaged / foreign-version folder into a clear message", async () => {
    const dir = tmpDataDir();
    fs.mkdirSync(path.join(dir, "pgdata", "global"), { recursive: true });
    fs.writeFileSync(path.join(dir, "pgdata", "PG_VERSION"), "17\n");
    fs.writeFileSync(path.join(dir, "pgdata", "global", "pg_control"), "garbage");
    const err = await openEmbeddedDatabase(dir).catch((e) => e);
    expect(err).toBeInstanceOf(DataDirError);
    expect(err.message).toMatch(/^内嵌数据库 .*pgdata 无法打开 由 PostgreSQL 17 创建 \(created by PostgreSQL 17\);/);
    expect(err.message).toContain("Restore it from a backup");
  });
});
