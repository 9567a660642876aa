/**
 * npm run bench [-- <section> …]: prints measured numbers. Sections:
 *   rules      pure rules engine throughput
 *   guard      the forbidden-criteria guard on 1,000 characters (target < 1 ms)
 *   http       POST /api/v1/eligibility (lean path) vs a bare Node server, 50 connections, production build
 *   audit      audit chain at 1,000,000 events: incremental (from the last checkpoint) and full verification
 *   load       two instances on PostgreSQL, mixed residents / clerks / officials (bench/mixed-load.ts)
 *   queue      the clerk queue at 1,000,000 filings (PostgreSQL; seeds luohu_bench once)
 *   dashboard  the officials' dashboards at 1,000,000 filings (same database)
 *   10m        (on request) the clerk queue and the dashboards at 10,000,000 filings: seeds
 *              <bench db>10m once with COPY (bench/seed-filings-copy.ts, progress bar and ETA),
 *              then each bench in a fresh process (its first dashboard load = first after a restart)
 * Default: all. BENCH_DATABASE_URL overrides the bench database (default
 * postgresql://postgres@127.0.0.1:5432/luohu_bench).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { benchRulesEngine } from "./rules-engine";
import { benchEligibilityHttp, printHttpBench } from "./eligibility-http";
import { benchAuditVerify } from "./audit-verify";
import { benchMixedLoad, printMixedLoad } from "./mixed-load";
import { benchCriteriaGuard } from "./criteria-guard";

const root = path.resolve(__dirname, "..");
const sections = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const want = (s: string) => sections.length === 0 || sections.includes(s);
const benchUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/luohu_bench";

function tsx(script: string, args: string[] = [], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [require.resolve("tsx/cli"), script, ...args], { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${script} failed (exit ${r.status})`);
}

/** Seeds <bench db>10m with 10,000,000 filings by COPY once (they stay for later runs). */
async function ensureTenMillion(url: string) {
  const db = new Client({ connectionString: Object.assign(new URL(url), { pathname: "/postgres" }).toString() });
  await db.connect();
  const exists = (await db.query("SELECT 1 FROM pg_database WHERE datname = $1", [new URL(url).pathname.slice(1)])).rowCount;
  await db.end();
  let count = 0;
  if (exists) {
    const c = new Client({ connectionString: url });
    await c.connect();
    const has = (await c.query(`SELECT to_regclass('"Application"') IS NOT NULL AS t`)).rows[0].t;
    if (has) count = Number((await c.query(`SELECT count(*) FROM "Application" WHERE id LIKE 'bulk%'`)).rows[0].count);
    await c.end();
  }
  if (count < 10_000_000) tsx("bench/seed-filings-copy.ts", ["--count", "10000000"], { DATABASE_URL: url });
  else console.log(`(bench database already holds ${count.toLocaleString()} filings)`);
}

/** Creates the bench database and seeds the million filings once (they stay for later runs). */
async function ensureMillion() {
  const url = new URL(benchUrl);
  const name = url.pathname.slice(1);
  const admin = new Client({ connectionString: Object.assign(new URL(benchUrl), { pathname: "/postgres" }).toString() });
  await admin.connect();
  const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount;
  if (!exists) await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const db = new Client({ connectionString: benchUrl });
  await db.connect();
  const has = await db.query(`SELECT to_regclass('"Application"') IS NOT NULL AS t`);
  const count = has.rows[0].t ? Number((await db.query(`SELECT count(*) FROM "Application" WHERE id LIKE 'bench%'`)).rows[0].count) : 0;
  await db.end();
  if (count < 1_000_000) tsx("bench/seed-million.ts", [], { DATABASE_URL: benchUrl });
  else console.log(`(bench database already holds ${count.toLocaleString()} filings)`);
}

async function main() {
  if (want("rules")) {
    console.log("\n## rules engine");
    console.table([benchRulesEngine()]);
  }
  if (want("guard")) {
    console.log("\n## forbidden-criteria guard, 1,000 characters (target < 1 ms)");
    console.table(benchCriteriaGuard());
  }
  if (want("http")) {
    console.log("\n## eligibility API over HTTP: lean path vs a bare Node server (50 connections, production build)");
    printHttpBench(await benchEligibilityHttp({ benchUrl }));
  }
  if (sections.includes("load")) {
    console.log("\n## mixed load: two instances on PostgreSQL");
    printMixedLoad(await benchMixedLoad(benchUrl));
  }
  if (want("audit")) {
    console.log("\n## audit chain verification at 1,000,000 events (PostgreSQL)");
    console.table(await benchAuditVerify(benchUrl));
  }
  if (want("queue") || want("dashboard")) {
    console.log("\n## 1,000,000 filings (PostgreSQL)");
    await ensureMillion();
  }
  if (want("queue") && fs.existsSync(path.join(root, "bench/queue-bench.ts"))) {
    console.log("\n## clerk queue");
    tsx("bench/queue-bench.ts", [], { DATABASE_URL: benchUrl });
  }
  if (want("dashboard") && fs.existsSync(path.join(root, "bench/dashboard-bench.ts"))) {
    console.log("\n## dashboards");
    tsx("bench/dashboard-bench.ts", [], { DATABASE_URL: benchUrl });
  }
  if (sections.includes("10m")) {
    const url = Object.assign(new URL(benchUrl), { pathname: `${new URL(benchUrl).pathname}10m` }).toString();
    console.log("\n## 10,000,000 filings (PostgreSQL)");
    await ensureTenMillion(url);
    console.log("\n## clerk queue at 10,000,000 filings (the busiest station holds a fifth)");
    tsx("bench/queue-bench.ts", ["--clerk", "bulk-clerk-411202-01"], { DATABASE_URL: url, BENCH_TAG: "10m" });
    console.log("\n## dashboards at 10,000,000 filings (a fresh process: each page's first load is the first after a restart)");
    tsx("bench/dashboard-bench.ts", ["--no-seed"], { DATABASE_URL: url, BENCH_TAG: "10m" });
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
