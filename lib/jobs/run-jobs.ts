/**
 * Runs the job registry (job-registry.ts) on pg-boss, on the app's database:
 *   - PostgreSQL: pg-boss's own pool on the same connection string (schema `pgboss`);
 *   - embedded PGlite: the SAME PGlite instance Prisma uses (pg-boss's fromPglite adapter) —
 *     never a second connection or a socket (see STACK.md).
 * Every instance works every queue; pg-boss hands each job to exactly one of them.
 *
 *   const jobs = await startJobs({ prisma });   // scripts/start.ts
 *   await jobs.runNow("upload-sweep");          // a one-off run (tests, tools)
 *   await jobs.stop();                          // waits for running jobs (graceful)
 */
import { PgBoss, fromPglite } from "pg-boss";
import type { PGlite } from "@electric-sql/pglite";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { prismaSource } from "@/lib/db/sql-executor";
import { JOBS, type JobDefinition } from "./job-registry";

export type JobRunner = {
  boss: PgBoss;
  /** Queues a run now; resolves to the job id (null when one is already queued or running). */
  runNow(name: string): Promise<string | null>;
  /** Stops offering and working; waits (up to `timeoutMs`) for running jobs. */
  stop(timeoutMs?: number): Promise<void>;
};

export type StartJobsOptions = {
  prisma: PrismaClient;
  jobs?: readonly JobDefinition[];
  /** Lines for the log; default console. */
  log?: (line: string) => void;
  /** Seconds between polls for work (default 2). */
  pollSeconds?: number;
  /** Connection string override (PostgreSQL), else the one the client was created with. */
  connectionString?: string;
};

export async function startJobs(opts: StartJobsOptions): Promise<JobRunner> {
  const jobs = opts.jobs ?? JOBS;
  const log = opts.log ?? ((l: string) => console.log(l));
  const source = prismaSource(opts.prisma);
  let boss: PgBoss;
  const common = { cronWorkerIntervalSeconds: 1, application_name: "luohu-jobs" } as const;
  if (opts.connectionString || source?.kind === "pg") {
    const connectionString = opts.connectionString ?? (source as { connectionString: string }).connectionString;
    boss = new PgBoss({ ...common, connectionString, max: 4 });
  } else if (source?.kind === "pglite") {
    const pglite: PGlite = await source.open();
    boss = new PgBoss({ ...common, db: fromPglite(pglite), backend: "pglite" });
  } else {
    throw new Error("startJobs: the PrismaClient was not created by createPrisma() (lib/db/client.ts)");
  }
  boss.on("error", (e: Error) => log(`[jobs] ${e.message}`));
  await boss.start();

  const byName = new Map(jobs.map((j) => [j.name, j]));
  for (const job of jobs) {
    await boss.createQueue(job.name, { policy: "exclusive", retryLimit: 2, retryDelay: 30, expireInSeconds: 15 * 60 }).catch((e: Error) => {
      if (!/exists/i.test(e.message)) throw e;
    });
    await boss.work(job.name, { pollingIntervalSeconds: opts.pollSeconds ?? 2, batchSize: 1 }, async () => {
      const t0 = Date.now();
      try {
        const summary = await job.handler({ db: opts.prisma });
        if (summary) log(`[jobs] ${job.name}: ${summary} (${Date.now() - t0} ms)`);
      } catch (e) {
        log(`[jobs] ${job.name} failed: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
        throw e; // pg-boss retries
      }
    });
    if (job.cron) await boss.schedule(job.name, job.cron, null, { tz: "Asia/Shanghai" });
    else await boss.unschedule(job.name).catch(() => {});
  }

  const offer = (name: string) => boss.send(name, null).catch((e: Error) => (log(`[jobs] ${name}: ${e.message}`), null));
  const timers: NodeJS.Timeout[] = [];
  for (const job of jobs) {
    if (job.atStart) void offer(job.name);
    if (job.everySeconds) {
      const t = setInterval(() => void offer(job.name), job.everySeconds * 1000);
      t.unref();
      timers.push(t);
    }
  }
  let stopped = false;
  return {
    boss,
    runNow: (name) => {
      if (!byName.has(name)) throw new Error(`unknown job: ${name}`);
      return boss.send(name, null);
    },
    stop: async (timeoutMs = 10_000) => {
      if (stopped) return;
      stopped = true;
      for (const t of timers) clearInterval(t);
      // close: pg-boss closes its own pool; on PGlite the adapter leaves the shared instance open.
      await boss.stop({ graceful: true, timeout: timeoutMs, close: true });
    },
  };
}
