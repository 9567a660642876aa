/**
 * `npm run bench -- audit`: the audit chain at 1,000,000 events (PostgreSQL, database
 * `<BENCH_DATABASE_URL>_audit`, built once): incremental verification from the last checkpoint
 * (goal < 2 s) and the full streamed verification, with rows per second.
 */
import { Client } from "pg";
import { applyMigrations } from "../lib/db/migrate";
import { createPrisma } from "../lib/db/client";
import { GENESIS_HASH } from "../lib/audit/record-audit";
import { recordAuditCheckpoint, startIncrementalCursor } from "../lib/audit/audit-checkpoints";
import { verifyAuditChain, verifyChainStep } from "../lib/audit/verify-chain";
import { appendAuditEvents } from "./lib/audit-chain";
import { ensureDatabase } from "./lib/bench-db";

const EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? 1_000_000);

export async function benchAuditVerify(benchUrl: string) {
  const url = new URL(benchUrl);
  url.pathname = `${url.pathname}_audit`;
  await ensureDatabase(url.toString());
  await applyMigrations(url.toString());
  const db = new Client({ connectionString: url.toString() });
  await db.connect();
  const have = Number((await db.query(`SELECT count(*) FROM "AuditEvent"`)).rows[0].count);
  if (have < EVENTS) {
    const last = (await db.query(`SELECT "hash" FROM "AuditEvent" ORDER BY "id" DESC LIMIT 1`)).rows[0]?.hash ?? GENESIS_HASH;
    let prev: string = last;
    const t0 = Date.now();
    const base = Date.now() - 365 * 86_400_000;
    for (let done = have; done < EVENTS;) {
      const n = Math.min(5000, EVENTS - done);
      const events = Array.from({ length: n }, (_, k) => {
        const i = done + k;
        return {
          at: new Date(base + i * 20),
          actorId: `u${i % 500}`,
          actorRole: "clerk",
          stationId: "st1",
          countyCode: "411202",
          action: "filing.view",
          entityType: "application",
          entityId: `a${i}`,
          applicationId: `a${i}`,
          ip: "10.0.0.1",
          details: { i },
        };
      });
      prev = await appendAuditEvents(db, prev, events);
      done += n;
      if (done % 100_000 === 0)
        process.stdout.write(`\r  audit events ${done.toLocaleString()} / ${EVENTS.toLocaleString()} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    }
    process.stdout.write("\n");
  }
  await db.end();
  const prisma = createPrisma({ databaseUrl: url.toString() });
  try {
    // A checkpoint at the head, then 600 newer events' worth of work for the incremental run.
    await recordAuditCheckpoint(prisma);
    const t1 = Date.now();
    const start = await startIncrementalCursor(prisma);
    let cursor = start.cursor;
    let found = start.breaks.length;
    for (;;) {
      const step = await verifyChainStep(prisma, cursor);
      cursor = step.cursor;
      found += step.breaks.length;
      if (step.done) break;
    }
    const incrementalMs = Date.now() - t1;
    const checkpoints = await prisma.auditCheckpoint.count();
    const t2 = Date.now();
    const full = await verifyAuditChain(prisma);
    const fullMs = Date.now() - t2;
    return [
      { run: "incremental (checkpoints + since last)", events: cursor.total, checkpoints, ms: incrementalMs, ok: found === 0 },
      { run: "full (streamed in steps)", events: full.checked, checkpoints, ms: fullMs, ok: full.ok, perSecond: Math.round(full.checked / (fullMs / 1000)) },
    ];
  } finally {
    await prisma.$disconnect();
  }
}

if (require.main === module) {
  void benchAuditVerify(process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/luohu_infra").then((rows) => console.table(rows));
}
