import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPrisma, type TestPrisma } from "@/tests/support/test-db";
import { createPrisma } from "@/lib/db/client";
import { startJobs, type JobRunner } from "@/lib/jobs/run-jobs";
import { JOBS, type JobDefinition } from "@/lib/jobs/job-registry";
import { recordAudit } from "@/lib/audit/record-audit";
import type { PrismaClient } from "@/lib/generated/prisma/client";

let t: TestPrisma;
const runners: JobRunner[] = [];
const extraClients: PrismaClient[] = [];
beforeAll(async () => {
  t = await createTestPrisma();
});
afterAll(async () => {
  for (const r of runners) await r.stop(2_000).catch(() => {});
  for (const c of extraClients) await c.$disconnect().catch(() => {});
  await t?.close();
});

const until = async (cond: () => boolean | Promise<boolean>, ms = 20_000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("timed out");
};

describe("background jobs on pg-boss", () => {
  it("the registry names each job once, each with a schedule", () => {
    const names = JOBS.map((j) => j.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(["outbox-drain", "draft-cleanup", "upload-sweep", "audit-checkpoint"]));
    for (const j of JOBS) expect(Boolean(j.cron || j.everySeconds)).toBe(true);
  });

  it("two runners on one database: a job offered by both runs once; the real checkpoint job writes a checkpoint", async () => {
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const jobs: JobDefinition[] = [
      {
        name: "test-once",
        description: "test",
        everySeconds: 3600,
        handler: async () => {
          runs += 1;
          await gate;
        },
      },
      ...JOBS.filter((j) => j.name === "audit-checkpoint").map((j) => ({ ...j, atStart: false, cron: undefined, everySeconds: 3600 })),
    ];
    // Instance 2 has its own client (PostgreSQL: its own pool, like another process); on PGlite the same instance.
    const second = t.kind === "pg" ? createPrisma({ databaseUrl: t.databaseUrl }) : t.prisma;
    if (second !== t.prisma) extraClients.push(second);
    const a = await startJobs({ prisma: t.prisma, jobs, log: () => {}, pollSeconds: 0.5 });
    runners.push(a);
    const b = await startJobs({ prisma: second, jobs, log: () => {}, pollSeconds: 0.5 });
    runners.push(b);
    const ids = await Promise.all([a.runNow("test-once"), b.runNow("test-once"), a.runNow("test-once"), b.runNow("test-once")]);
    expect(ids.filter(Boolean)).toHaveLength(1);
    await until(() => runs === 1);
    await new Promise((r) => setTimeout(r, 1500)); // both instances polled meanwhile
    expect(runs).toBe(1);
    release();

    await t.prisma.$transaction((tx) => recordAudit(tx, { action: "test.event" }));
    await b.runNow("audit-checkpoint");
    await until(async () => (await t.prisma.auditCheckpoint.count()) === 1);
    const head = await t.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(await t.prisma.auditCheckpoint.findFirstOrThrow()).toMatchObject({ eventId: head.id, hash: head.hash, count: 1 });
  });
});
