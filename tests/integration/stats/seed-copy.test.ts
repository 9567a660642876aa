import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "pg";
import { createTestPrisma, type TestPrisma } from "@/tests/support/test-db";
import { seedReferenceData } from "@/lib/seed/reference-data";
import { transfersReport } from "@/lib/stats/transfers";
import { serviceReport } from "@/lib/stats/service";
import { makePeriod } from "@/lib/stats/period";
import { seedFilingsCopy, type SeedCopyResult } from "../../../bench/seed-filings-copy";
import { progressLine } from "../../../bench/lib/copy-in";

/**
 * The COPY-based bench seed (built for 10,000,000 filings) at 50,000 on a real PostgreSQL:
 * every row arrives, the indexes dropped for the load come back exactly, the progress bar
 * reports rate and ETA, and the counters and rollups agree with the filings. COPY FROM STDIN
 * needs a PostgreSQL server: without DATABASE_URL (embedded PGlite) there is nothing to test.
 */

const COUNT = 50_000;
const onServer = !!process.env.DATABASE_URL;
let t: TestPrisma;
let res: SeedCopyResult;
const lines: string[] = [];
let indexesBefore: string[] = [];
const NOW = new Date("2026-11-30T04:00:00Z");

async function sql<T>(text: string): Promise<T[]> {
  const c = new Client({ connectionString: t.databaseUrl! });
  await c.connect();
  try {
    return (await c.query(text)).rows as T[];
  } finally {
    await c.end();
  }
}

describe.skipIf(!onServer)("bench seed with COPY (50,000 filings)", () => {
  beforeAll(async () => {
    t = await createTestPrisma();
    await seedReferenceData(t.prisma);
    indexesBefore = (
      await sql<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE tablename IN ('Application', 'HouseholdMember', 'ReviewAction') ORDER BY 1`)
    ).map((r) => r.indexname);
    res = await seedFilingsCopy(t.databaseUrl!, {
      count: COUNT,
      dropIndexes: true,
      prepare: false,
      force: true,
      now: NOW,
      log: () => {},
      progress: (line) => lines.push(line),
    });
  }, 300_000);
  afterAll(async () => t?.close());

  it("loads every filing, its people and refusals, and restores the indexes it dropped", async () => {
    expect(res.filings).toBe(COUNT);
    expect(await t.prisma.application.count()).toBe(COUNT);
    expect(res.members).toBe(await t.prisma.householdMember.count());
    expect(res.members).toBeGreaterThan(COUNT);
    expect(res.refusals).toBe(await t.prisma.application.count({ where: { status: "refused" } }));
    expect(res.indexesRebuilt).toBeGreaterThan(5);
    const after = (
      await sql<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE tablename IN ('Application', 'HouseholdMember', 'ReviewAction') ORDER BY 1`)
    ).map((r) => r.indexname);
    expect(after).toEqual(indexesBefore);
  });

  it("prints a progress bar with rate and ETA, ending at 100 %", () => {
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.find((l) => l.includes(`${COUNT.toLocaleString("en")} / ${COUNT.toLocaleString("en")}`))).toContain("100.0%");
    expect(lines[0]).toMatch(/ETA \d+/);
    expect(progressLine(250, 1000, 0, 10_000)).toContain("ETA 30s");
    expect(progressLine(500, 1000, 0, 120_000)).toMatch(/\[#{15}-{15}\]\s+50\.0%.*ETA 2m00s/);
  });

  it("the counters and rollups agree with the filings; the open counts with the clerk queue's", async () => {
    const submitted = await t.prisma.dailyCounter.aggregate({ where: { event: "submitted" }, _sum: { filings: true } });
    expect(submitted._sum.filings).toBe(await t.prisma.application.count({ where: { submittedAt: { not: null } } }));
    const months = await t.prisma.monthlyCounter.aggregate({ where: { event: "registered" }, _sum: { filings: true, ruralPersons: true } });
    expect(months._sum.filings).toBe(await t.prisma.application.count({ where: { status: "registered" } }));
    const rural = await t.prisma.householdMember.count({ where: { hukouType: "rural", application: { status: "registered" } } });
    expect(months._sum.ruralPersons).toBe(rural);
    const decided = await t.prisma.stepHistogram.aggregate({ where: { grain: "month", step: "decide" }, _sum: { n: true } });
    expect(decided._sum.n).toBe(await t.prisma.application.count({ where: { decidedAt: { not: null } } }));
    const refusals = await t.prisma.refusalCount.aggregate({ where: { grain: "day", code: "*" }, _sum: { n: true } });
    expect(refusals._sum.n).toBe(res.refusals);
    const queue = await t.prisma.queueCount.aggregate({ where: { status: "submitted" }, _sum: { n: true } });
    expect(queue._sum.n).toBe(await t.prisma.application.count({ where: { status: "submitted" } }));
  });

  it("the dashboards read those rollups: a year's refusals and settlements match the filings", async () => {
    const year = 2025;
    const start = new Date("2024-12-31T16:00:00Z");
    const end = new Date("2025-12-31T16:00:00Z");
    const tr = await transfersReport(t.prisma, { kind: "city" }, makePeriod(year), NOW);
    expect(tr.total.registered.filings).toBe(await t.prisma.application.count({ where: { status: "registered", completedAt: { gte: start, lt: end } } }));
    const sv = await serviceReport(t.prisma, { kind: "city" }, makePeriod(year), NOW);
    expect(sv.total.refusals).toBe(await t.prisma.application.count({ where: { status: "refused", decidedAt: { gte: start, lt: end } } }));
    expect(sv.total.decision.count).toBe(await t.prisma.application.count({ where: { decidedAt: { gte: start, lt: end } } }));
  });
});
