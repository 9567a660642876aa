/**
 * The officials' dashboards and the auditors' trail at 1,000,000 filings: times the page
 * loaders through the guard (viewDashboardDef: transaction + every query of the page) and
 * each report alone, p50/p95 over many runs, for the city and for the busiest county, a whole
 * year and one month; the CSV export; the audit list, export batch and chain verification.
 *
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/luohu_bench npx tsx bench/seed-million.ts
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/luohu_bench npx tsx bench/dashboard-bench.ts [--runs 20] [--explain] [--reseed]
 *
 * The dashboard data (counters rebuilt from the filings, refusals, statistics, 1,000,000
 * audit events) is added by bench/seed-dashboard-million.ts when missing or stale.
 * --no-seed measures the database as it is (e.g. seeded by bench/seed-filings-copy.ts --count N).
 * --explain prints EXPLAIN (ANALYZE, BUFFERS) of every statement of a city dashboard load.
 */
import fs from "node:fs";
import path from "node:path";
import { Client } from "pg";
import type { SessionUser } from "../lib/auth/roles";
import type { ChainCursor, ChainStep } from "../lib/audit/verify-chain";
import { seedDashboardMillion } from "./seed-dashboard-million";

type Timing = { name: string; ms: number[]; first?: number };

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const fmt = (n: number) => n.toFixed(1).padStart(8);

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** The counters are stale when they do not account for every bench submission. */
async function needsSeed(url: string): Promise<boolean> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const r = await db.query(`
      SELECT (SELECT count(*) FROM "Application" WHERE "submittedAt" IS NOT NULL AND "stationId" IS NOT NULL)::int AS submitted,
             (SELECT COALESCE(sum("filings"), 0) FROM "DailyCounter" WHERE "event" = 'submitted')::int AS counted,
             (SELECT count(*) FROM "StepHistogram")::int AS hist,
             (SELECT count(*) FROM "AuditEvent" WHERE "entityType" = 'bench')::int AS audit`);
    const { submitted, counted, audit, hist } = r.rows[0];
    return submitted !== counted || audit < 1_000_000 || hist === 0;
  } finally {
    await db.end();
  }
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is required (a database seeded by bench/seed-million.ts)");
  const runs = arg("runs", 20);
  // --no-seed: measure whatever the database holds (e.g. seeded by bench/seed-filings-copy.ts).
  if (!process.argv.includes("--no-seed") && (process.argv.includes("--reseed") || (await needsSeed(url)))) await seedDashboardMillion(url);

  const { createPrisma } = await import("../lib/db/client");
  const { runAction } = await import("../lib/auth/run-action");
  const { setRateLimitStore } = await import("../lib/http/rate-limit");
  const { viewDashboardDef, exportDashboardCsvDef } = await import("../lib/stats/dashboard");
  const { transfersReport } = await import("../lib/stats/transfers");
  const { urbanizationReport } = await import("../lib/stats/urbanization");
  const { serviceReport } = await import("../lib/stats/service");
  const { makePeriod, currentBeijingYear } = await import("../lib/stats/period");
  const { queryAuditEvents, auditCsvBatches, auditWhere, verifyChainStepDef } = await import("../lib/supervision/query-audit");
  const { verifyAuditChain } = await import("../lib/audit/verify-chain");

  // One user hammering the page: lift the per-user rate limit.
  setRateLimitStore({ hit: async () => ({ count: 1, resetAt: Date.now() + 60_000 }), peek: async () => null });
  const prisma = createPrisma({ databaseUrl: url, log: [] });
  const official = async (username: string, countyCode: string | null): Promise<SessionUser> => {
    const u = await prisma.user.upsert({
      where: { username },
      create: { username, role: "official", realName: "压测领导", passwordHash: "x", countyCode },
      update: {},
      select: { id: true, role: true, realName: true, username: true, mobile: true, stationId: true, isStationHead: true, countyCode: true },
    });
    return u;
  };
  const city = await official("bench-official-city", null);
  const hubin = await official("bench-official-411202", "411202");
  const auditor = await prisma.user.upsert({
    where: { username: "bench-auditor" },
    create: { username: "bench-auditor", role: "auditor", realName: "压测审计", passwordHash: "x" },
    update: {},
    select: { id: true, role: true, realName: true, username: true, mobile: true, stationId: true, isStationHead: true, countyCode: true },
  });

  const year = currentBeijingYear();
  const filings = await prisma.application.count();
  const counters = await prisma.dailyCounter.count();
  const auditEvents = await prisma.auditEvent.count();
  const inCounty = await prisma.application.count({ where: { destinationCounty: "411202" } });
  console.log(
    `dashboard bench: ${filings.toLocaleString("en")} filings (${inCounty.toLocaleString("en")} in 湖滨区), ${counters.toLocaleString("en")} counter rows, ${auditEvents.toLocaleString("en")} audit events; ${runs} runs per scenario\n`,
  );

  const timings: Timing[] = [];
  // The first call of each scenario is kept apart: in this fresh process it is the first load
  // after a restart (the dashboards read rollups only; no per-process memo is filled, only
  // PostgreSQL's and Node's own caches are cold).
  const time = async (name: string, fn: () => Promise<unknown>, n = runs) => {
    const t0 = performance.now();
    await fn();
    const first = performance.now() - t0;
    const ms: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      await fn();
      ms.push(performance.now() - t);
    }
    timings.push({ name, ms, first });
    return ms;
  };

  const loader: number[] = [];
  const pages: Array<[string, SessionUser, Record<string, unknown>]> = [
    [`city    ${year - 1}-03-15…${year - 1}-09-20`, city, { from: `${year - 1}-03-15`, to: `${year - 1}-09-20` }],
    [`city    ${year}`, city, { year }],
    [`city    ${year - 1}`, city, { year: year - 1 }],
    [`city    ${year - 1}-06`, city, { year: year - 1, month: 6 }],
    [`city→湖滨区 ${year - 1}`, city, { year: year - 1, county: "411202" }],
    [`湖滨区  ${year}`, hubin, { year }],
    [`湖滨区  ${year - 1}`, hubin, { year: year - 1 }],
    [`湖滨区  ${year - 1}-06`, hubin, { year: year - 1, month: 6 }],
  ];
  for (const [label, user, input] of pages) loader.push(...(await time(`page    ${label}`, () => runAction(prisma, user, "bench", viewDashboardDef, input))));

  const cityScope = { kind: "city" as const };
  const countyScope = { kind: "county" as const, countyCode: "411202", countyName: "湖滨区" };
  const last = makePeriod(year - 1);
  await time(`part    transfers city ${year - 1}`, () => transfersReport(prisma, cityScope, last));
  await time(`part    urbanization city ${year}`, () => urbanizationReport(prisma, cityScope, year));
  await time(`part    service city ${year - 1}`, () => serviceReport(prisma, cityScope, last));
  await time(`part    transfers 湖滨区 ${year - 1}`, () => transfersReport(prisma, countyScope, last));
  await time(`part    service 湖滨区 ${year - 1}`, () => serviceReport(prisma, countyScope, last));
  await time(`csv     service city ${year - 1}`, async () =>
    (await runAction(prisma, city, "bench", exportDashboardCsvDef, { year: year - 1, table: "service" })).text(),
  );
  await time(`csv     urbanization 湖滨区`, async () =>
    (await runAction(prisma, hubin, "bench", exportDashboardCsvDef, { year, table: "urbanization" })).text(),
  );

  const station = await prisma.policeStation.findUniqueOrThrow({ where: { code: "411202-01" } });
  await time("audit   list, newest 50", () => queryAuditEvents(prisma, {}));
  await time("audit   list, station + month", () => queryAuditEvents(prisma, { station: station.id, from: `${year - 1}-03-01`, to: `${year - 1}-03-31` }));
  await time("audit   list, action prefix", () => queryAuditEvents(prisma, { action: "review." }));
  await time("audit   list, person", () => queryAuditEvents(prisma, { person: "bench-clerk-411202-01" }));
  await time("audit   csv, first 2,000 rows", async () => {
    const it = auditCsvBatches(prisma, await auditWhere(prisma, { action: "review.refuse" }));
    await it.next();
    await it.return(undefined);
  });
  const { listOfficialFilings, officialFilingsSchema } = await import("../lib/stats/official-filings");
  await time("drill   overdue, city", () => listOfficialFilings(prisma, cityScope, officialFilingsSchema.parse({ kind: "overdue" })));
  await time(`drill   refused, 湖滨区 ${year - 1}`, () =>
    listOfficialFilings(prisma, countyScope, officialFilingsSchema.parse({ kind: "refused", year: year - 1 })),
  );
  await time(`station 前进派出所 ${year - 1} (per clerk)`, () => serviceReport(prisma, countyScope, last, new Date(), station.id));
  const firstLoads = timings.filter((t) => t.name.startsWith("page")).map((t) => t.first ?? 0);
  const verify = await time("audit   verify whole chain", () => verifyAuditChain(prisma), 3);
  const report = await verifyAuditChain(prisma);
  console.log(`(chain: ${report.checked.toLocaleString("en")} events, ok=${report.ok})\n`);
  // Through the guard, as the auditor's page runs it: one short request per step of 100,000 events.
  const stepMs: number[] = [];
  await time(
    "audit   verify via guard, all steps",
    async () => {
      let cursor: ChainCursor | undefined;
      for (;;) {
        const t = performance.now();
        const step: ChainStep = await runAction(prisma, auditor, "bench", verifyChainStepDef, { cursor });
        stepMs.push(performance.now() - t);
        cursor = step.cursor;
        if (step.done) break;
      }
    },
    1,
  );
  timings.push({ name: "audit   verify via guard, one step", ms: stepMs });

  console.log("scenario                                       p50 ms    p95 ms   first ms");
  for (const t of timings) console.log(`${t.name.padEnd(44)} ${fmt(pct(t.ms, 50))}  ${fmt(pct(t.ms, 95))}  ${t.first === undefined ? "" : fmt(t.first)}`);
  const p50 = pct(loader, 50);
  const p95 = pct(loader, 95);
  console.log(`\nDASHBOARD PAGE LOADER (city and county, years and months; ${loader.length} loads): p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
  console.log(`FIRST LOAD AFTER START (each page scenario's first call in this fresh process): max ${Math.max(...firstLoads).toFixed(1)} ms`);
  console.log(`AUDIT CHAIN VERIFICATION (${report.checked.toLocaleString("en")} events): p50 ${pct(verify, 50).toFixed(0)} ms`);

  const out = path.resolve("bench/out");
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(
    path.join(out, process.env.BENCH_TAG ? `dashboard-bench-${process.env.BENCH_TAG}.json` : "dashboard-bench.json"),
    JSON.stringify(
      {
        at: new Date().toISOString(),
        filings,
        counters,
        auditEvents,
        runs,
        loader: { p50, p95 },
        scenarios: timings.map((t) => ({ name: t.name, runs: t.ms.length, p50: pct(t.ms, 50), p95: pct(t.ms, 95), first: t.first ?? null })),
      },
      null,
      2,
    ),
  );

  if (process.argv.includes("--explain")) {
    const captured: Array<{ query: string; params: string }> = [];
    const tracer = createPrisma({ databaseUrl: url, log: [{ emit: "event", level: "query" }] as never });
    (tracer as unknown as { $on: (e: "query", cb: (ev: { query: string; params: string }) => void) => void }).$on("query", (ev) => captured.push(ev));
    await transfersReport(tracer, cityScope, last);
    await urbanizationReport(tracer, cityScope, year);
    await serviceReport(tracer, cityScope, last);
    await serviceReport(tracer, countyScope, last);
    const pg = new Client({ connectionString: url });
    await pg.connect();
    for (const c of captured) {
      if (!/^\s*(SELECT|WITH)/i.test(c.query)) continue;
      const plan = await pg.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${c.query}`, JSON.parse(c.params));
      console.log(`\n--- ${c.query.replace(/\s+/g, " ").slice(0, 160)}…`);
      for (const r of plan.rows) console.log(`  ${r["QUERY PLAN"]}`);
    }
    await pg.end();
    await tracer.$disconnect();
  }
  await prisma.$disconnect();
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
