/**
 * `npm start`: build when the sources changed, migrate, seed, run the background jobs, and serve.
 *   - embedded PGlite (no DATABASE_URL): ONE process — the data folder may be opened by one process only;
 *   - PostgreSQL (DATABASE_URL): this primary process prepares the database and runs the job
 *     runner (pg-boss: each job once across all machines), and LUOHU_WORKERS worker processes
 *     (default: the number of cores; node:cluster) serve HTTP on the shared port.
 * The public JSON API (/api/v1/*) is answered on a lean path before Next (lib/http/lean-api.ts).
 */
import { spawnSync } from "node:child_process";
import cluster from "node:cluster";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { connectPg, connectionFailureMessage } from "../lib/db/sql-executor";
import { CLIENT_IP_HEADER } from "../lib/http/client-ip";
import { publicBaseUrlProblem } from "../lib/permits/public-base-url";
import type { PrismaClient } from "../lib/generated/prisma/client";

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
  for (const p of [
    "app",
    "components",
    "lib",
    "public",
    "prisma/schema.prisma",
    "next.config.ts",
    "package-lock.json",
    "postcss.config.mjs",
    "tsconfig.json",
  ]) {
    walk(path.join(root, p));
  }
  return h.digest("hex");
}

function buildIfNeeded() {
  const stamp = path.join(distDir, "luohu-build-fingerprint");
  const fp = sourceFingerprint();
  if (fs.existsSync(path.join(distDir, "BUILD_ID")) && fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === fp) return;
  // LUOHU_SKIP_BUILD=1: serve the existing build as is (an image built beforehand, a second instance on the same build).
  if (process.env.LUOHU_SKIP_BUILD === "1" && fs.existsSync(path.join(distDir, "BUILD_ID"))) return;
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

/** Production (DATABASE_URL) prints permit links from PUBLIC_BASE_URL only: never from a client's Host or X-Forwarded-Host. */
function checkPublicBaseUrl() {
  const problem = publicBaseUrlProblem(process.env.PUBLIC_BASE_URL, !embedded);
  if (problem) fail(problem);
  const hops = process.env.LUOHU_TRUST_PROXY?.trim();
  if (hops && hops !== "true" && !/^([1-9]|10)$/.test(hops)) {
    fail(`LUOHU_TRUST_PROXY must be the number of reverse proxies in front of the portal (1–10), got "${hops.slice(0, 20)}".`);
  }
}

/** Worker processes for a PostgreSQL deployment (LUOHU_WORKERS, default the number of cores); embedded: 1. */
function workerCount(): number {
  if (embedded) return 1;
  const n = Number(process.env.LUOHU_WORKERS || (os.availableParallelism?.() ?? os.cpus().length));
  return Number.isInteger(n) && n >= 1 ? Math.min(n, 64) : 1;
}

/** Migrations as the owner, then: never serve as a role that could rewrite the audit trail. */
async function prepareServerDatabase() {
  const { applyMigrations, migrationStatus } = await import("../lib/db/migrate");
  const { describeRole, ownerRefusalMessage } = await import("../lib/db/runtime-role");
  const runtimeUrl = process.env.DATABASE_URL!;
  const migrationUrl = process.env.DATABASE_MIGRATION_URL;
  if (migrationUrl) {
    const applied = await applyMigrations(migrationUrl);
    if (applied.length) console.log(`✔ 数据库迁移 ${applied.length} 个 (DATABASE_MIGRATION_URL): ${applied.join(", ")}`);
  } else if ((await migrationStatus(runtimeUrl)).pending.length) {
    try {
      const applied = await applyMigrations(runtimeUrl);
      console.log(`✔ 数据库迁移 ${applied.length} 个: ${applied.join(", ")}`);
    } catch (e) {
      fail(
        `数据库有待应用的迁移，但 DATABASE_URL 的角色无权执行 — set DATABASE_MIGRATION_URL to the owner role (or run npm run db:migrate with it): ${(e as Error).message.split("\n")[0]}`,
      );
    }
  }
  const exec = await connectPg(runtimeUrl);
  try {
    const role = await describeRole(exec);
    if (role.superuser || role.ownsAudit) {
      if (process.env.LUOHU_ALLOW_OWNER_ROLE !== "1") fail(ownerRefusalMessage(role));
      console.warn(`⚠ LUOHU_ALLOW_OWNER_ROLE=1: serving as "${role.user}", which can rewrite the audit trail (development and tests only).`);
    }
  } finally {
    await exec.close();
  }
}

async function main() {
  if (cluster.isWorker) return serveWorker();
  checkPublicBaseUrl();
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
  let prisma: PrismaClient;
  try {
    if (!embedded) await (await connectPg(process.env.DATABASE_URL!)).close(); // one clear line if unreachable
    prisma = getPrisma();
    await prisma.$queryRawUnsafe("SELECT 1");
  } catch (e) {
    fail(describeDbError(e));
  }
  buildIfNeeded();
  try {
    if (embedded) {
      const applied = await applyMigrations({ prisma });
      if (applied.length) console.log(`✔ 数据库迁移 ${applied.length} 个: ${applied.join(", ")}`);
    } else await prepareServerDatabase();
    await seedReferenceData(prisma);
    const demo = embedded || process.env.LUOHU_DEMO === "1";
    if (demo) {
      await seedDemoData(prisma);
      // A year of closed filings with consistent counters, so the dashboards have something to show.
      const { seedDashboardDemo } = await import("../lib/stats/demo-stats");
      await seedDashboardDemo(prisma);
    }
    // A wrong SMS gateway configuration fails here, at start, not at the first message.
    const { senderFromEnv } = await import("../lib/notify/sender");
    try {
      senderFromEnv();
    } catch (e) {
      fail(`短信发送配置有误 (SMS sender configuration): ${e instanceof Error ? e.message : e}`);
    }
  } catch (e) {
    fail(describeDbError(e));
  }

  // Background jobs (lib/jobs/job-registry.ts): outbox, draft cleanup, upload sweep, audit checkpoints.
  const { startJobs } = await import("../lib/jobs/run-jobs");
  const jobs = await startJobs({ prisma }).catch((e) => fail(`后台任务无法启动 (job queue failed to start): ${describeDbError(e)}`));

  const port = Number(process.env.PORT ?? 3000);
  const n = workerCount();
  const { describeFileStorage } = await import("../lib/storage/get-file-storage");
  const ready = () => {
    console.log(`\n✔ 落户通已启动: http://localhost:${port}`);
    console.log(
      `  数据库: ${embedded ? `内嵌 PostgreSQL (PGlite) ${dataDir}` : `PostgreSQL (DATABASE_URL${process.env.DATABASE_REPLICA_URL ? "；统计与导出读只读副本 DATABASE_REPLICA_URL" : ""})`}；${n} 个服务进程；文件: ${describeFileStorage()}`,
    );
    if (embedded || process.env.LUOHU_DEMO === "1") {
      console.log("  演示账号 (密码均为 luohu-demo):");
      for (const a of DEMO_ACCOUNTS) console.log(`    ${a.login.padEnd(16)} ${a.label}`);
      console.log(`  演示短信 (验证码、通知): http://localhost:${port}/dev/messages`);
    }
  };

  let stopping = false;
  if (embedded || n === 1) {
    const server = await serve(prisma, ready);
    const stop = () => {
      if (stopping) return;
      stopping = true;
      server.close();
      void jobs
        .stop()
        .catch(() => {})
        .then(() => prisma.$disconnect())
        .finally(() => process.exit(0));
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    return;
  }

  // PostgreSQL: n workers share the port; this process supervises them and runs the jobs.
  let listening = 0;
  const starts: number[] = [];
  const fork = () => {
    starts.push(Date.now());
    if (starts.filter((t) => Date.now() - t < 30_000).length > n * 3) fail("服务进程反复退出 (workers keep crashing) — see the errors above.");
    cluster.fork().once("listening", () => ++listening === n && ready());
  };
  cluster.on("exit", (w, code, signal) => {
    if (stopping) return;
    console.error(`[cluster] 服务进程 ${w.process.pid} 退出 (${signal ?? code})，重新启动`);
    fork();
  });
  // Workers run this file (not whichever script imported it, e.g. scripts/e2e-server.ts), with tsx's loader.
  cluster.setupPrimary({ exec: __filename });
  for (let i = 0; i < n; i++) fork();
  const stop = () => {
    if (stopping) return;
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
    const left = () => Object.values(cluster.workers ?? {}).filter(Boolean).length;
    const t0 = Date.now();
    const wait = async () => {
      while (left() > 0 && Date.now() - t0 < 15_000) await new Promise((r) => setTimeout(r, 50));
    };
    void Promise.all([wait(), jobs.stop().catch(() => {})])
      .then(() => prisma.$disconnect())
      .finally(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

/** A worker process (PostgreSQL deployments): serves HTTP on the shared port. */
async function serveWorker() {
  const { getPrisma } = await import("../lib/db/client");
  const prisma = getPrisma();
  const server = await serve(prisma, () => {});
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close(() => void prisma.$disconnect().finally(() => process.exit(0)));
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

/** Rate-limit store, Next, the lean API path, and the HTTP server on PORT. */
async function serve(prisma: PrismaClient, onListening: () => void): Promise<http.Server> {
  const { configureRateLimitStore } = await import("../lib/http/rate-limit-stores");
  await configureRateLimitStore().catch((e) => fail(`限流存储无法连接 (rate-limit store unavailable): ${(e as Error).message}`));
  const { createLeanApi } = await import("../lib/http/lean-api");
  const { LEAN_ROUTES } = await import("./lean-routes");
  const serveLean = createLeanApi(LEAN_ROUTES);
  void prisma;

  const next = (await import("next")).default;
  const port = Number(process.env.PORT ?? 3000);
  const hostname = process.env.HOST ?? "0.0.0.0";
  const app = next({ dev: false, dir: root, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    if (serveLean(req, res)) return;
    // The real peer address, for rate limits and the audit trail; a client cannot forge it.
    req.headers[CLIENT_IP_HEADER] = req.socket.remoteAddress ?? "unknown";
    void handle(req, res);
  });
  server.on("error", (e: NodeJS.ErrnoException) =>
    fail(e.code === "EADDRINUSE" ? `端口 ${port} 已被占用 (port in use) — set PORT to another one.` : e.message),
  );
  await new Promise<void>((resolve) => server.listen(port, hostname, resolve));
  onListening();
  return server;
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
