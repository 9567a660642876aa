/**
 * `npm start`: build when the sources changed, migrate, seed, and serve — in ONE process,
 * because the embedded PostgreSQL (PGlite) may be opened by one process only.
 */
import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { connectPg, connectionFailureMessage } from "../lib/db/sql-executor";
import { CLIENT_IP_HEADER } from "../lib/http/client-ip";

process.env.NEXT_TELEMETRY_DISABLED = "1";
(process.env as Record<string, string>).NODE_ENV = "production";

const root = path.resolve(__dirname, "..");
const embedded = !process.env.DATABASE_URL;
const distDir = path.join(root, process.env.LUOHU_DIST_DIR || ".next");

function fail(message: string): never {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

/** A fingerprint of everything `next build` reads, so a fresh clone or an edit rebuilds and a restart does not. */
function sourceFingerprint(): string {
  const h = createHash("sha256");
  const walk = (p: string) => {
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) {
      if (["generated", "node_modules"].includes(path.basename(p))) return;
      for (const e of fs.readdirSync(p).sort()) walk(path.join(p, e));
    } else h.update(`${path.relative(root, p)}:${st.size}:${st.mtimeMs}\n`);
  };
  for (const p of ["app", "components", "lib", "public", "prisma/schema.prisma", "next.config.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json"]) {
    walk(path.join(root, p));
  }
  return h.digest("hex");
}

function buildIfNeeded() {
  const stamp = path.join(distDir, "luohu-build-fingerprint");
  const fp = sourceFingerprint();
  if (fs.existsSync(path.join(distDir, "BUILD_ID")) && fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === fp) return;
  console.log("▶ 正在构建门户 (next build)…");
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { cwd: root, stdio: "inherit", env: process.env });
  if (r.status !== 0) fail("构建失败 (next build failed) — see the output above.");
  fs.writeFileSync(stamp, fp);
  console.log(`✔ 构建完成 ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

/** For the embedded default, one secret is generated once and kept in the data folder. */
function ensureAuthSecret(dataDir: string) {
  if (process.env.AUTH_SECRET) return;
  if (!embedded) fail("AUTH_SECRET is required in production with DATABASE_URL (生产环境请设置 AUTH_SECRET，例如 `openssl rand -base64 32`).");
  const file = path.join(dataDir, "auth-secret");
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
  process.env.AUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}

async function main() {
  const { getDataDir, getPrisma } = await import("../lib/db/client");
  const { acquireDataDirLock } = await import("../lib/db/data-dir-lock");
  const { applyMigrations } = await import("../lib/db/migrate");
  const { seedReferenceData } = await import("../lib/seed/reference-data");
  const { seedDemoData, DEMO_ACCOUNTS } = await import("../lib/seed/demo-data");

  const dataDir = getDataDir();
  fs.mkdirSync(dataDir, { recursive: true });
  if (embedded) {
    try {
      acquireDataDirLock(dataDir);
    } catch (e) {
      fail(e instanceof Error ? e.message : String(e));
    }
  }
  ensureAuthSecret(dataDir);

  // The database first: a wrong DATABASE_URL fails in a second, not after a build.
  let prisma;
  try {
    if (!embedded) await (await connectPg(process.env.DATABASE_URL!)).close(); // one clear line if unreachable
    prisma = getPrisma();
    await prisma.$queryRawUnsafe("SELECT 1");
  } catch (e) {
    fail(describeDbError(e));
  }
  buildIfNeeded();
  try {
    const applied = await applyMigrations(embedded ? { prisma } : process.env.DATABASE_URL!);
    if (applied.length) console.log(`✔ 数据库迁移 ${applied.length} 个: ${applied.join(", ")}`);
    await seedReferenceData(prisma);
    const demo = embedded || process.env.LUOHU_DEMO === "1";
    if (demo) {
      await seedDemoData(prisma);
      // A year of closed filings with consistent counters, so the dashboards have something to show.
      const { seedDashboardDemo } = await import("../lib/stats/demo-stats");
      await seedDashboardDemo(prisma);
    }
    // Drafts untouched for the rule set's retention period are deleted (lib/filings/README.md).
    const { scheduleDraftCleanup } = await import("../lib/filings/cleanup-drafts");
    scheduleDraftCleanup(() => prisma);
    // SMS and notices in the outbox are sent by the worker (lib/notify/outbox-worker.ts).
    // TODO(lead): once the pg-boss job queue is merged, schedule drainOutbox(db) there instead.
    const { startOutboxWorker } = await import("../lib/notify/outbox-worker");
    try {
      startOutboxWorker(() => prisma);
    } catch (e) {
      fail(`短信发送配置有误 (SMS sender configuration): ${e instanceof Error ? e.message : e}`);
    }
  } catch (e) {
    fail(describeDbError(e));
  }

  const next = (await import("next")).default;
  const port = Number(process.env.PORT ?? 3000);
  const hostname = process.env.HOST ?? "0.0.0.0";
  const app = next({ dev: false, dir: root, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    // The real peer address, for rate limits and the audit trail; a client cannot forge it.
    req.headers[CLIENT_IP_HEADER] = req.socket.remoteAddress ?? "unknown";
    void handle(req, res);
  });
  server.on("error", (e: NodeJS.ErrnoException) =>
    fail(e.code === "EADDRINUSE" ? `端口 ${port} 已被占用 (port in use) — set PORT to another one.` : e.message),
  );
  server.listen(port, hostname, () => {
    const url = `http://localhost:${port}`;
    console.log(`\n✔ 落户通已启动: ${url}`);
    console.log(`  数据库: ${embedded ? `内嵌 PostgreSQL (PGlite) ${dataDir}` : "PostgreSQL (DATABASE_URL)"}`);
    if (embedded || process.env.LUOHU_DEMO === "1") {
      console.log("  演示账号 (密码均为 luohu-demo):");
      for (const a of DEMO_ACCOUNTS) console.log(`    ${a.login.padEnd(16)} ${a.label}`);
      console.log(`  演示短信 (验证码、通知): ${url}/dev/messages`);
    }
  });
  const stop = () => {
    server.close();
    void prisma.$disconnect().finally(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

function describeDbError(e: unknown): string {
  const err = e as { message?: string };
  if (err?.message && (e as Error).name === "DatabaseConnectionError") return err.message;
  if (!embedded) {
    // connectionFailureMessage knows pg's error codes and never prints the password.
    return connectionFailureMessage(e, process.env.DATABASE_URL!).message;
  }
  return `内嵌数据库打开失败 (embedded database in ${process.env.LUOHU_DATA_DIR ?? ".data"} could not be opened): ${(err?.message ?? String(e)).split("\n")[0]}`;
}

main().catch((e) => fail(describeDbError(e)));
