import type { Db } from "@/lib/db/types";
import { GENESIS_HASH } from "./record-audit";
import type { ChainBreak, ChainCursor } from "./verify-chain";

/**
 * Checkpoints of the audit chain's head (the `audit-checkpoint` job, lib/jobs/job-registry.ts).
 *
 * Each checkpoint notes (event id, hash, count) of the head at that moment in AuditCheckpoint,
 * a table the runtime database role may only INSERT into and SELECT from (npm run db:grants).
 * Whoever rewrites an event and recomputes every later hash changes the hash of every later
 * checkpointed event too: verification compares every checkpoint with its event, so the rewrite
 * is caught without an anchor kept by hand. Checkpoints also let a verification start at the
 * last one (incremental: only the events since then are re-hashed).
 */
export async function recordAuditCheckpoint(db: Db): Promise<{ eventId: string; hash: string; count: number } | null> {
  const head = await db.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true, hash: true } });
  if (!head) return null;
  const last = await db.auditCheckpoint.findFirst({ orderBy: { id: "desc" }, select: { eventId: true, count: true } });
  if (last && last.eventId === head.id) return null; // nothing new since the last checkpoint
  const since = last
    ? await db.auditEvent.count({ where: { id: { gt: last.eventId, lte: head.id } } })
    : await db.auditEvent.count({ where: { id: { lte: head.id } } });
  const count = (last?.count ?? 0) + since;
  await db.auditCheckpoint.create({ data: { eventId: head.id, hash: head.hash, count } });
  return { eventId: head.id.toString(), hash: head.hash, count };
}

/** Checkpoints whose event is gone or holds another hash (one indexed join, fast at any size). */
export async function checkpointMismatches(db: Db): Promise<ChainBreak[]> {
  const rows = await db.$queryRaw<{ eventId: bigint; cpHash: string; at: Date | null; action: string | null; hash: string | null }[]>`
    SELECT c."eventId", c."hash" AS "cpHash", e."at", e."action", e."hash"
      FROM "AuditCheckpoint" c LEFT JOIN "AuditEvent" e ON e."id" = c."eventId"
     WHERE e."hash" IS DISTINCT FROM c."hash"
     ORDER BY c."eventId" LIMIT 100`;
  return rows.map((r) => ({
    id: r.eventId.toString(),
    at: r.at,
    action: r.action,
    kind: r.hash === null ? "checkpoint_missing" : "checkpoint_mismatch",
    expected: r.cpHash,
    actual: r.hash,
  }));
}

/**
 * An incremental verification: every checkpoint compared with its event, then the chain
 * re-hashed from the last checkpoint to the head (continue with verifyChainStep).
 * Without any checkpoint it is a full verification.
 */
export async function startIncrementalCursor(db: Db): Promise<{ cursor: ChainCursor; breaks: ChainBreak[] }> {
  const head = await db.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  const last = await db.auditCheckpoint.findFirst({ where: head ? { eventId: { lte: head.id } } : undefined, orderBy: { eventId: "desc" } });
  const breaks = await checkpointMismatches(db);
  const firstBrokenId = breaks.length ? breaks[0].id : null;
  if (!head) return { cursor: { headId: null, afterId: null, prevHash: GENESIS_HASH, checked: 0, total: 0, found: breaks.length, firstBrokenId }, breaks };
  const since = await db.auditEvent.count({ where: { id: { gt: last?.eventId ?? BigInt(-1), lte: head.id } } });
  const base = last?.count ?? 0;
  return {
    cursor: {
      headId: head.id.toString(),
      afterId: last ? last.eventId.toString() : null,
      prevHash: last?.hash ?? GENESIS_HASH,
      checked: base,
      total: base + since,
      found: breaks.length,
      firstBrokenId,
    },
    breaks,
  };
}
