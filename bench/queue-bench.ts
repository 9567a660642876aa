/**
 * The clerk queue's server time at scale: times the functions the queue page runs — the
 * page loader (viewQueueDef through the guard: transaction, queries, audit event) and, without
 * the guard, listQueue + countQueueTabs and searchQueue — p50/p95 over many runs, for every tab,
 * first and deep pages (keyset cursors), with and without a channel filter.
 *
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/luohu_bench npx tsx bench/seed-million.ts
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/luohu_bench npx tsx bench/queue-bench.ts [--runs 30] [--explain]
 *
 * The clerk is bench-clerk-411202-01 (前进派出所, the busiest station: ~200,000 of the million);
 * --clerk <username> picks another (bulk-clerk-411202-01 after bench/seed-filings-copy.ts: a fifth
 * of the filings). BENCH_TAG=10m writes bench/out/queue-bench-10m.json instead of queue-bench.json.
 * --explain prints EXPLAIN (ANALYZE, BUFFERS) of every SQL statement one page load issues.
 */
import fs from "node:fs";
import path from "node:path";
import { Client } from "pg";
import type { SessionUser } from "../lib/auth/roles";
import type { QueueTab } from "../lib/review/queue-tabs";

type Timing = { name: string; ms: number[] };

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const fmt = (n: number) => n.toFixed(1).padStart(7);

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is required (a database seeded by bench/seed-million.ts)");
  const runs = arg("runs", 30);
  const clerk = process.argv.includes("--clerk") ? process.argv[process.argv.indexOf("--clerk") + 1] : "bench-clerk-411202-01";
  const { createPrisma } = await import("../lib/db/client");
  const { runAction } = await import("../lib/auth/run-action");
  const { setRateLimitStore } = await import("../lib/http/rate-limit");
  const { loadCalendar } = await import("../lib/calendar/load-calendar");
  const { viewQueueDef } = await import("../lib/review/view-queue");
  const { listQueue, countQueueTabs, searchQueue } = await import("../lib/review/queue");
  const { QUEUE_TABS } = await import("../lib/review/queue-tabs");

  // The bench is one user hammering the page: lift the per-user rate limit.
  setRateLimitStore({ hit: async () => ({ count: 1, resetAt: Date.now() + 60_000 }), peek: async () => null });
  const captured: Array<{ query: string; params: string }> = [];
  const prisma = createPrisma({ databaseUrl: url, log: [] });
  const tracer = createPrisma({ databaseUrl: url, log: [{ emit: "event", level: "query" }] as never });
  (tracer as unknown as { $on: (e: "query", cb: (ev: { query: string; params: string }) => void) => void }).$on("query", (ev) => captured.push(ev));

  const u = await prisma.user.findUnique({
    where: { username: clerk },
    select: { id: true, role: true, realName: true, username: true, mobile: true, stationId: true, isStationHead: true, countyCode: true },
  });
  if (!u?.stationId)
    throw new Error(`bench clerk ${clerk} not found: run bench/seed-million.ts (or seed-filings-copy.ts with --clerk bulk-clerk-411202-01) first`);
  const user: SessionUser = u;
  const filter = { stationId: u.stationId };
  const total = await prisma.application.count();
  const inStation = await prisma.application.count({ where: { stationId: u.stationId } });
  console.log(`queue bench: ${total.toLocaleString("en")} filings, ${inStation.toLocaleString("en")} at the clerk's station; ${runs} runs per scenario\n`);

  // Cursors deep into each tab (page 40 or the last one), found by walking the keyset.
  const cal = await loadCalendar(prisma, { fresh: true });
  const deep = new Map<QueueTab, string | null>();
  for (const tab of QUEUE_TABS) {
    let cursor: string | null = null;
    for (let p = 0; p < 40; p++) {
      const page = await listQueue(prisma, filter, { tab, after: cursor }, new Date(), cal);
      if (!page.next) break;
      cursor = page.next;
    }
    deep.set(tab, cursor);
  }
  const sample = await prisma.application.findFirst({
    where: { stationId: u.stationId, status: "accepted" },
    select: { reference: true, applicantIdNumber: true, applicantName: true },
  });

  const timings: Timing[] = [];
  const time = async (name: string, fn: () => Promise<unknown>) => {
    await fn(); // warm
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await fn();
      ms.push(performance.now() - t);
    }
    timings.push({ name, ms });
  };

  const loaderAll: number[] = [];
  for (const tab of QUEUE_TABS) {
    for (const [label, input] of [
      ["page 1", { tab }],
      ["page 40", { tab, after: deep.get(tab) ?? undefined }],
      ["page 1, channel=talent", { tab, channel: "talent" }],
    ] as const) {
      await time(`loader  ${tab.padEnd(10)} ${label}`, () => runAction(prisma, user, "bench", viewQueueDef, input));
      loaderAll.push(...timings[timings.length - 1].ms);
    }
  }
  for (const tab of QUEUE_TABS) {
    await time(`queries ${tab.padEnd(10)} page 1`, () =>
      Promise.all([listQueue(prisma, filter, { tab }, new Date(), cal), countQueueTabs(prisma, filter, new Date(), cal)]),
    );
  }
  if (sample?.reference) {
    await time("search  reference", () => searchQueue(prisma, u.stationId!, sample.reference!, new Date(), cal));
    await time("search  id number", () => searchQueue(prisma, u.stationId!, sample.applicantIdNumber, new Date(), cal));
    await time("search  name", () => searchQueue(prisma, u.stationId!, sample.applicantName, new Date(), cal));
    await time("search  part of a name", () => searchQueue(prisma, u.stationId!, sample.applicantName.slice(1), new Date(), cal));
    await time("search  end of reference", () => searchQueue(prisma, u.stationId!, sample.reference!.slice(-5), new Date(), cal));
    await time("search  ID digits", () => searchQueue(prisma, u.stationId!, sample.applicantIdNumber.slice(6, 14), new Date(), cal));
  }

  console.log("scenario                                   p50 ms  p95 ms");
  for (const t of timings) console.log(`${t.name.padEnd(40)} ${fmt(pct(t.ms, 50))} ${fmt(pct(t.ms, 95))}`);
  const p50 = pct(loaderAll, 50);
  const p95 = pct(loaderAll, 95);
  console.log(`\nQUEUE PAGE LOADER (all tabs, pages, filters; ${loaderAll.length} loads): p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);

  const out = path.resolve("bench/out");
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(
    path.join(out, process.env.BENCH_TAG ? `queue-bench-${process.env.BENCH_TAG}.json` : "queue-bench.json"),
    JSON.stringify(
      {
        at: new Date().toISOString(),
        filings: total,
        station: inStation,
        runs,
        loader: { p50, p95 },
        scenarios: timings.map((t) => ({ name: t.name, p50: pct(t.ms, 50), p95: pct(t.ms, 95) })),
      },
      null,
      2,
    ),
  );

  if (process.argv.includes("--explain")) {
    const pg = new Client({ connectionString: url });
    await pg.connect();
    for (const tab of QUEUE_TABS) {
      captured.length = 0;
      await listQueue(tracer, filter, { tab, after: deep.get(tab) ?? undefined }, new Date(), cal);
      if (tab === "new") await countQueueTabs(tracer, filter, new Date(), cal);
      for (const c of captured) {
        const plan = await pg.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${c.query}`, JSON.parse(c.params));
        console.log(`\n--- ${tab}: ${c.query.replace(/\s+/g, " ").slice(0, 160)}…`);
        for (const r of plan.rows) console.log(`  ${r["QUERY PLAN"]}`);
      }
    }
    await pg.end();
  }
  await prisma.$disconnect();
  await tracer.$disconnect();
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
