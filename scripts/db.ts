/**
 * The project's offline migrate command (Prisma's native schema engine cannot be downloaded here).
 *
 *   npm run db:migrate                    apply pending migrations
 *   npm run db:status                     list applied and pending migrations (exit 1 if pending)
 *   npm run db:new-migration -- <name>    write the next migration from prisma/schema.prisma
 *        [--at YYYYMMDDHHMMSS]            … at that place in the history (diffed against the earlier ones)
 *   npm run db:seed                       reference data (+ demo data when embedded or LUOHU_DEMO=1)
 *   npm run db:grants [-- <role>]         as the owner (DATABASE_MIGRATION_URL): grants for the runtime role —
 *                                         the user of DATABASE_URL, created with its password if missing;
 *                                         INSERT + SELECT only on the audit tables (lib/db/runtime-role.ts)
 *
 * With DATABASE_URL: that PostgreSQL server. Without: the embedded PGlite in LUOHU_DATA_DIR
 * (default .data) — refused while a Luohu server runs on the same folder.
 */
import fs from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { closeEmbeddedDatabase, explainDatabaseError, getDataDir, getPgdataDir, openEmbeddedDatabase } from "../lib/db/client";
import { releaseDataDirLock } from "../lib/db/data-dir-lock";
import { applyMigrations, createMigration, defaultMigrationsDir, migrationStatus, type MigrationTarget } from "../lib/db/migrate";
import { describeConnectionString, scrubSecrets } from "../lib/db/sql-executor";

const USAGE = `usage: tsx scripts/db.ts <migrate | status | new-migration <name> [--at YYYYMMDDHHMMSS] | seed>`;

// Migrations and grants run as the owner: DATABASE_MIGRATION_URL when set (DATABASE_URL is then the runtime role).
const databaseUrl = process.env.DATABASE_MIGRATION_URL || process.env.DATABASE_URL || undefined;
let embeddedDb: PGlite | undefined;

function where(): string {
  return databaseUrl ? `PostgreSQL ${describeConnectionString(databaseUrl)}` : `内嵌 PostgreSQL (PGlite) ${getPgdataDir()}`;
}

/** The database to work on: the server, or the embedded one (taking the data folder lock). */
async function target(): Promise<MigrationTarget> {
  if (databaseUrl) return databaseUrl;
  embeddedDb ??= await openEmbeddedDatabase(getDataDir());
  return embeddedDb;
}

async function cmdMigrate(): Promise<number> {
  const t0 = Date.now();
  console.log(`▶ 迁移 ${where()}`);
  const applied = await applyMigrations(await target(), { log: (l) => console.log(`  ${l}`) });
  console.log(applied.length ? `✔ 已应用 ${applied.length} 个迁移 (${Date.now() - t0} ms)` : "✔ 数据库已是最新 (already up to date)");
  return 0;
}

async function cmdStatus(): Promise<number> {
  const s = await migrationStatus(await target());
  console.log(`数据库 ${where()}`);
  console.log(`迁移目录 ${path.relative(process.cwd(), defaultMigrationsDir()) || "."}: ${s.local.length} 个迁移`);
  for (const a of s.applied) {
    const flag = a.modified ? "  ✖ 文件已修改 (file changed since applied)" : a.missingLocally ? "  ? 本地不存在 (not in the migrations folder)" : "";
    console.log(`  ✔ ${a.name}  ${a.finishedAt.toISOString()}${flag}`);
  }
  for (const f of s.failed) console.log(`  ✖ ${f.name}  失败 (failed${f.logs ? `: ${f.logs.split("\n")[0]}` : ""})`);
  for (const p of s.pending) console.log(`  • ${p}  待应用 (pending)`);
  if (s.upToDate) {
    console.log("✔ 数据库已是最新 (database schema is up to date)");
    return 0;
  }
  if (s.pending.length) console.log(`✖ ${s.pending.length} 个迁移待应用 (pending) — run npm run db:migrate`);
  if (s.modified.length) console.log(`✖ 已应用的迁移被修改 (modified): ${s.modified.join(", ")}`);
  if (s.failed.length) console.log(`✖ 失败的迁移 (failed): ${s.failed.map((f) => f.name).join(", ")}`);
  return 1;
}

async function cmdNewMigration(args: string[]): Promise<number> {
  let at: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--at") at = args[++i] ?? "";
    else if (args[i].startsWith("--at=")) at = args[i].slice(5);
    else rest.push(args[i]);
  }
  const name = rest[0];
  if (!name) {
    console.error("✖ 请给出迁移名称 (a name is required): npm run db:new-migration -- <name>");
    return 1;
  }
  const t0 = Date.now();
  const created = await createMigration(name, { at, log: (l) => console.log(l) });
  if (!created) {
    console.log("✔ schema 与迁移一致，无需新迁移 (no difference between the migrations and prisma/schema.prisma; nothing written)");
    return 0;
  }
  console.log(`✔ 已写入 ${path.relative(process.cwd(), created.file)} (${Date.now() - t0} ms)`);
  console.log("  Review it, then: npm run db:migrate");
  return 0;
}

async function importOptional<T>(relPath: string): Promise<T | null> {
  const abs = path.resolve(__dirname, relPath);
  if (![".ts", ".tsx", ".js", ".mjs"].some((ext) => fs.existsSync(abs + ext))) return null;
  return (await import(relPath)) as T;
}

async function cmdSeed(): Promise<number> {
  const status = await migrationStatus(await target());
  if (!status.upToDate) {
    console.error(`✖ 数据库尚未迁移 (${status.pending.length} pending migrations) — run npm run db:migrate first.`);
    return 1;
  }
  const { createPrisma } = await import("../lib/db/client");
  const prisma = createPrisma();
  try {
    const ref = await importOptional<{ seedReferenceData(p: unknown): Promise<void> }>("../lib/seed/reference-data");
    if (ref) {
      const t0 = Date.now();
      await ref.seedReferenceData(prisma);
      console.log(`✔ 基础数据 (reference data) ${Date.now() - t0} ms`);
    } else console.log("· lib/seed/reference-data.ts 不存在，跳过 (no reference data seed yet)");
    if (!databaseUrl || process.env.LUOHU_DEMO === "1") {
      const demo = await importOptional<{ seedDemoData(p: unknown): Promise<void> }>("../lib/seed/demo-data");
      if (demo) {
        const t0 = Date.now();
        await demo.seedDemoData(prisma);
        console.log(`✔ 演示数据 (demo data) ${Date.now() - t0} ms`);
      } else console.log("· lib/seed/demo-data.ts 不存在，跳过 (no demo data seed yet)");
    }
  } finally {
    await prisma.$disconnect();
  }
  return 0;
}

async function cmdGrants(args: string[]): Promise<number> {
  const owner = process.env.DATABASE_MIGRATION_URL;
  const runtime = process.env.DATABASE_URL;
  if (!owner || !runtime) {
    console.error(
      "✖ 需要 DATABASE_MIGRATION_URL（所有者角色）和 DATABASE_URL（运行角色） — set DATABASE_MIGRATION_URL (owner) and DATABASE_URL (runtime role).",
    );
    return 1;
  }
  const u = new URL(runtime);
  const role = args[0] ?? decodeURIComponent(u.username);
  const { connectPg } = await import("../lib/db/sql-executor");
  const { applyRuntimeGrants } = await import("../lib/db/runtime-role");
  const exec = await connectPg(owner, { applicationName: "luohu-grants" });
  try {
    await applyRuntimeGrants(exec, role, { password: u.password ? decodeURIComponent(u.password) : undefined });
  } finally {
    await exec.close();
  }
  console.log(`✔ 运行角色 ${role}: 审计表只能 INSERT/SELECT；其余表可读写 (grants applied on ${where()})`);
  return 0;
}

function oneLine(e: unknown): string {
  return scrubSecrets(explainDatabaseError(e, { databaseUrl: databaseUrl ?? "" }), databaseUrl);
}

async function main(): Promise<number> {
  const [cmd, ...args] = process.argv.slice(2);
  switch (cmd) {
    case "migrate":
    case "deploy":
      return cmdMigrate();
    case "status":
      return cmdStatus();
    case "new-migration":
      return cmdNewMigration(args);
    case "seed":
      return cmdSeed();
    case "grants":
      return cmdGrants(args);
    default:
      console.error(USAGE);
      return cmd ? 1 : 0;
  }
}

async function finish(code: number) {
  if (embeddedDb) {
    await closeEmbeddedDatabase(getDataDir()).catch(() => {});
    releaseDataDirLock(getDataDir());
  }
  process.exit(code);
}

main().then(finish, async (e) => {
  console.error(`✖ ${oneLine(e)}`);
  if (process.env.LUOHU_DEBUG) console.error(e);
  await finish(1);
});
