/**
 * scripts/db.ts as a user runs it: the embedded database in LUOHU_DATA_DIR, and one clear line
 * (exit 1, no stack trace, never the password) when the server cannot be reached.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPrisma, explainDatabaseError } from "@/lib/db/client";
import { readMigrations } from "@/lib/db/migrate";

function runDb(args: string[], env: Record<string, string | undefined>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/db.ts", ...args], {
      cwd: process.cwd(),
      env: { ...process.env, DATABASE_URL: undefined, LUOHU_DEBUG: undefined, ...env } as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (b) => (out += b));
    child.stderr.on("data", (b) => (out += b));
    child.on("close", (code) => resolve({ code, out }));
  });
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "luohu-dbscript-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe("scripts/db.ts", () => {
  it("fails with one clear line when the PostgreSQL server is unreachable, never showing the password", async () => {
    const { code, out } = await runDb(["status"], { DATABASE_URL: "postgresql://luohu:Secr3t-pw@127.0.0.1:1/luohu" });
    expect(code).toBe(1);
    const lines = out.trim().split("\n");
    expect(lines).toEqual(["✖ 无法连接数据库 127.0.0.1:1/luohu (ECONNREFUSED) — check DATABASE_URL and that the PostgreSQL server is running."]);
    expect(out).not.toContain("Secr3t");
  });

  it("migrates the embedded database: status pending (exit 1) → migrate → status up to date (exit 0)", async () => {
    const env = { LUOHU_DATA_DIR: dataDir };
    const names = readMigrations().map((m) => m.name);

    const before = await runDb(["status"], env);
    expect(before.code).toBe(1);
    for (const n of names) expect(before.out).toContain(`• ${n}`);

    const migrate = await runDb(["migrate"], env);
    expect(migrate.code, migrate.out).toBe(0);
    expect(migrate.out).toContain(`已应用 ${names.length} 个迁移`);

    const after = await runDb(["status"], env);
    expect(after.code, after.out).toBe(0);
    for (const n of names) expect(after.out).toContain(`✔ ${n}`);
    expect(fs.existsSync(path.join(dataDir, "luohu.lock"))).toBe(false); // released on exit
  }, 180_000); // three processes each starting PGlite on disk (the first one runs initdb)

  it("refuses an unknown command", async () => {
    const { code, out } = await runDb(["frobnicate"], { LUOHU_DATA_DIR: dataDir });
    expect(code).toBe(1);
    expect(out).toMatch(/^usage: /);
  });
});

describe("explainDatabaseError", () => {
  it("turns Prisma's wrapped connection failures into one line without the password", async () => {
    const url = "postgresql://luohu:Secr3t-pw@127.0.0.1:1/luohu";
    const prisma = createPrisma({ databaseUrl: url });
    const err = await prisma.$queryRawUnsafe("SELECT 1").catch((e) => e);
    await prisma.$disconnect();
    expect(explainDatabaseError(err, { databaseUrl: url })).toBe(
      "无法连接数据库 127.0.0.1:1/luohu (ECONNREFUSED) — check DATABASE_URL and that the PostgreSQL server is running.",
    );
  });

  it("keeps the message of an unusable embedded data folder (Prisma wraps it)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "luohu-bad-"));
    try {
      fs.mkdirSync(path.join(dir, "pgdata"));
      fs.writeFileSync(path.join(dir, "pgdata", "junk"), "x");
      const prisma = createPrisma({ dataDir: dir });
      const err = await prisma.$queryRawUnsafe("SELECT 1").catch((e: { code?: string }) => e);
      expect((err as { code?: string }).code).toBe("LUOHU_DATA_DIR_UNUSABLE");
      expect(explainDatabaseError(err, { databaseUrl: "" })).toMatch(/^内嵌数据库目录 .*pgdata 不是有效的数据库/);
    } finally {
      const { releaseDataDirLock } = await import("@/lib/db/data-dir-lock");
      releaseDataDirLock(dir);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
