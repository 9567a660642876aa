/**
 * `npm run bench -- audit`: the audit chain at 1,000,000 events (PostgreSQL, database
 * `<BENCH_DATABASE_URL>_audit`, built once): incremental verification from the last checkpoint
 * (goal < 2 s) and the full streamed verification, with rows per second.
 */
import { Client } from "pg";
import { applyMigrations } from "../lib/db/migrate";
import { createPrisma } from "../lib/db/client";
import { auditHash, GENESIS_HASH } from "../lib/audit/record-audit";
import { recordAuditCheckpoint, startIncrementalCursor } from "../lib/audit/audit-checkpoints";
import { verifyAuditChain, verifyChainStep } from "../lib/audit/verify-chain";

const EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? 1_000_000);

export async function benchAuditVerify(benchUrl: string) {
  const url = new URL(benchUrl);
  const name = `${url.pathname.slice(1)}_audit`;
  const admin = new Client({ connectionString: Object.assign(new URL(benchUrl), { pathname: "/postgres" }).toString() });
  await admin.connect();
  if (!(await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount) await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  url.pathname = `/${name}`;
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
      const vals: unknown[] = [];
      const rows: string[] = [];
      for (let i = 0; i < n; i++) {
        const at = new Date(base + (done + i) * 20);
        const e = {
          at,
          actorId: `u${(done + i) % 500}`,
          actorRole: "clerk",
          stationId: "st1",
          countyCode: "411202",
          action: "filing.view",
          entityType: "application",
          entityId: `a${done + i}`,
          applicationId: `a${done + i}`,
          ip: "10.0.0.1",
          details: { i: done + i },
        };
        const hash = auditHash(prev, e);
        const k = vals.length;
        rows.push(`($${k + 1},$${k + 2},$${k + 3},$${k + 4},$${k + 5},$${k + 6},$${k + 7},$${k + 8},$${k + 9},$${k + 10},$${k + 11},$${k + 12},$${k + 13})`);
        vals.push(
          at,
          e.actorId,
          e.actorRole,
          e.stationId,
          e.countyCode,
          e.action,
          e.entityType,
          e.entityId,
          e.applicationId,
          e.ip,
          JSON.stringify(e.details),
          prev,
          hash,
        );
        prev = hash;
      }
      await db.query(
        `INSERT INTO "AuditEvent" ("at","actorId","actorRole","stationId","countyCode","action","entityType","entityId","applicationId","ip","details","prevHash","hash") VALUES ${rows.join(",")}`,
        vals,
      );
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
