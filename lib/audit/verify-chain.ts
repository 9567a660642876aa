import type { Db } from "@/lib/db/types";
import { GENESIS_HASH, auditHash } from "./record-audit";
import { MAX_BREAKS, chainReport } from "./chain-report";

/**
 * Re-computes the audit trail's hash chain (record-audit.ts) and reports the first broken link.
 *
 * Each event stores sha256(prevHash + its content) and the previous event's hash. So:
 * - a row whose content was edited no longer matches its own hash ("content_changed");
 * - a row deleted or inserted in the middle, or an edited prevHash, breaks the link of the
 *   next row ("link_broken");
 * - an attacker who edits a row AND recomputes every later hash leaves a consistent chain —
 *   caught by the checkpoints (audit-checkpoints.ts: the head noted regularly in a table the
 *   runtime role can only insert into; every checkpoint in range is compared with its event,
 *   "checkpoint_mismatch" / "checkpoint_missing"), and by an anchor: a (id, hash) pair noted
 *   from an earlier report (the head shown after each verification), passed in `anchors`.
 * Ids may have gaps (a sequence value is used up by a rolled-back transaction); only the hash
 * links matter.
 *
 * Verification goes in steps of at most `maxRows` events, each step carrying the cursor (last
 * id and hash) to the next: the auditor's page runs one short guarded request per step and
 * shows the progress, so neither a request nor a transaction grows with the trail (about
 * 10–15 µs an event here: 1,000,000 events ≈ 15 s). Within a step the next batch is fetched
 * while the current one is hashed.
 */

export type ChainBreakKind = "content_changed" | "link_broken" | "anchor_mismatch" | "anchor_missing" | "checkpoint_mismatch" | "checkpoint_missing";

export type ChainBreak = {
  /** The event at which verification failed. */
  id: string;
  at: Date | null;
  action: string | null;
  kind: ChainBreakKind;
  /** What the chain says it should be (the previous hash, the recomputed hash, the anchor). */
  expected: string;
  /** What the row holds. */
  actual: string | null;
};

export type ChainAnchor = { id: string | bigint; hash: string };

/** Where a verification stands between steps. */
export type ChainCursor = {
  /** The head when verification started: events appended meanwhile are for the next run. */
  headId: string | null;
  /** Last event verified (null before the first). */
  afterId: string | null;
  /** Its stored hash: the next event must link to it. */
  prevHash: string;
  checked: number;
  /** Events up to the head (for a progress bar). */
  total: number;
  /** Problems found so far, and the first one (a vanished anchor may still sort before it). */
  found: number;
  firstBrokenId: string | null;
};

export type ChainStep = {
  cursor: ChainCursor;
  done: boolean;
  /** Problems found in this step, in chain order. */
  breaks: ChainBreak[];
};

export type ChainReport = {
  ok: boolean;
  /** Events read. */
  checked: number;
  /** The last event verified: an auditor notes its id and hash as an anchor for the next run. */
  headId: string | null;
  headHash: string;
  /** The first problem in chain order (null when ok). */
  firstBroken: ChainBreak | null;
  /** Up to MAX_BREAKS problems, so the extent of tampering is visible. */
  breaks: ChainBreak[];
  durationMs: number;
};

const BATCH = 5_000;
export const STEP_ROWS = 100_000;

type Row = {
  id: bigint;
  at: Date;
  actorId: string | null;
  actorRole: string | null;
  stationId: string | null;
  countyCode: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  applicationId: string | null;
  ip: string | null;
  details: string | null;
  prevHash: string;
  hash: string;
};

/** One batch, with the JSON as text (parsed here: the same object Prisma would give). */
function fetchBatch(db: Db, afterId: bigint, headId: bigint, take: number): Promise<Row[]> {
  return db.$queryRaw<Row[]>`
    SELECT "id", "at", "actorId", "actorRole", "stationId", "countyCode", "action", "entityType", "entityId",
           "applicationId", "ip", "details"::text AS "details", "prevHash", "hash"
      FROM "AuditEvent" WHERE "id" > ${afterId} AND "id" <= ${headId} ORDER BY "id" LIMIT ${take}`;
}

/** Checkpoints with an event id in (after, upTo]. */
function fetchCheckpoints(db: Db, after: bigint, upTo: bigint): Promise<{ eventId: bigint; hash: string }[]> {
  return db.$queryRaw<{ eventId: bigint; hash: string }[]>`
    SELECT "eventId", "hash" FROM "AuditCheckpoint" WHERE "eventId" > ${after} AND "eventId" <= ${upTo} ORDER BY "eventId"`;
}

/** Starts a verification: the head as it is now, nothing checked yet. */
export async function startChainCursor(db: Db): Promise<ChainCursor> {
  const head = await db.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  const total = head ? await db.auditEvent.count({ where: { id: { lte: head.id } } }) : 0;
  return { headId: head?.id.toString() ?? null, afterId: null, prevHash: GENESIS_HASH, checked: 0, total, found: 0, firstBrokenId: null };
}

/** Verifies up to `maxRows` events after the cursor. */
export async function verifyChainStep(
  db: Db,
  cursor: ChainCursor,
  opts?: { anchors?: readonly ChainAnchor[]; maxRows?: number; batchSize?: number },
): Promise<ChainStep> {
  const maxRows = opts?.maxRows ?? STEP_ROWS;
  const batch = Math.min(opts?.batchSize ?? BATCH, maxRows);
  const anchors = new Map((opts?.anchors ?? []).map((a) => [BigInt(a.id), a.hash.toLowerCase()]));
  const breaks: ChainBreak[] = [];
  let found = cursor.found;
  let firstBrokenId = cursor.firstBrokenId;
  const add = (b: ChainBreak) => {
    found += 1;
    if (firstBrokenId === null || BigInt(b.id) < BigInt(firstBrokenId)) firstBrokenId = b.id;
    if (breaks.length < MAX_BREAKS) breaks.push(b);
  };
  // Checkpoints past the head whose event is gone: the head itself was deleted (or the whole trail emptied).
  const beyondHead = async (headId: bigint) => {
    const gone = await db.$queryRaw<{ eventId: bigint; hash: string }[]>`
      SELECT c."eventId", c."hash" FROM "AuditCheckpoint" c LEFT JOIN "AuditEvent" e ON e."id" = c."eventId"
       WHERE c."eventId" > ${headId} AND e."id" IS NULL ORDER BY c."eventId" LIMIT ${MAX_BREAKS}`;
    for (const c of gone) add({ id: c.eventId.toString(), at: null, action: null, kind: "checkpoint_missing", expected: c.hash, actual: null });
  };
  if (cursor.headId === null) {
    await beyondHead(BigInt(-1));
    return { cursor: { ...cursor, found, firstBrokenId }, done: true, breaks };
  }
  const headId = BigInt(cursor.headId);
  let afterId = cursor.afterId === null ? BigInt(-1) : BigInt(cursor.afterId);
  let prev = cursor.prevHash;
  let checked = cursor.checked;
  let inStep = 0;
  let done = false;

  const fetch = (after: bigint, take: number) => ({ take, rows: fetchBatch(db, after, headId, take) });
  let pending: { take: number; rows: Promise<Row[]> } | null = fetch(afterId, batch);
  while (pending) {
    const rows: Row[] = await pending.rows;
    inStep += rows.length;
    // Fewer rows than asked for: the head is reached.
    if (rows.length < pending.take) done = true;
    // Fetch the next batch while this one is hashed.
    pending = !done && inStep < maxRows ? fetch(BigInt(rows[rows.length - 1].id), Math.min(batch, maxRows - inStep)) : null;
    // Checkpoints in the range this batch covers (a vanished checkpointed event included).
    const upTo = rows.length ? BigInt(rows[rows.length - 1].id) : headId;
    const checkpoints = new Map<bigint, string[]>();
    for (const c of await fetchCheckpoints(db, afterId, upTo)) checkpoints.set(BigInt(c.eventId), [...(checkpoints.get(BigInt(c.eventId)) ?? []), c.hash]);
    const seen = new Set<bigint>();
    for (const r of rows) {
      const id = BigInt(r.id);
      const info = { id: id.toString(), at: r.at, action: r.action };
      if (r.prevHash !== prev) add({ ...info, kind: "link_broken", expected: prev, actual: r.prevHash });
      const recomputed = auditHash(r.prevHash, { ...r, details: r.details === null ? null : (JSON.parse(r.details) as Record<string, unknown>) });
      if (recomputed !== r.hash) add({ ...info, kind: "content_changed", expected: recomputed, actual: r.hash });
      const anchor = anchors.get(id);
      if (anchor !== undefined && anchor !== r.hash) add({ ...info, kind: "anchor_mismatch", expected: anchor, actual: r.hash });
      const cps = checkpoints.get(id);
      if (cps) {
        seen.add(id);
        for (const h of new Set(cps)) if (h !== r.hash) add({ ...info, kind: "checkpoint_mismatch", expected: h, actual: r.hash });
      }
      // Continue from the stored hash: one edited row is reported once, not for every later row.
      prev = r.hash;
      afterId = id;
      checked += 1;
    }
    for (const [id, hashes] of checkpoints)
      if (!seen.has(id)) add({ id: id.toString(), at: null, action: null, kind: "checkpoint_missing", expected: hashes[0], actual: null });
    if (afterId >= headId) done = true;
  }
  if (done) {
    await beyondHead(headId);
    // An anchor noted earlier whose event is gone.
    const ids = [...anchors.keys()].filter((id) => id <= headId);
    if (ids.length) {
      const present = new Set((await db.auditEvent.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((r) => r.id));
      for (const id of ids)
        if (!present.has(id)) add({ id: id.toString(), at: null, action: null, kind: "anchor_missing", expected: anchors.get(id)!, actual: null });
    }
  }
  return { cursor: { ...cursor, afterId: afterId < 0 ? null : afterId.toString(), prevHash: prev, checked, found, firstBrokenId }, done, breaks };
}

/** The whole chain in one call (tests, tools, benchmarks). */
export async function verifyAuditChain(db: Db, opts?: { anchors?: readonly ChainAnchor[]; batchSize?: number; stepRows?: number }): Promise<ChainReport> {
  const started = Date.now();
  let cursor = await startChainCursor(db);
  const breaks: ChainBreak[] = [];
  for (;;) {
    const step = await verifyChainStep(db, cursor, { anchors: opts?.anchors, batchSize: opts?.batchSize, maxRows: opts?.stepRows });
    breaks.push(...step.breaks);
    cursor = step.cursor;
    if (step.done) break;
  }
  return chainReport(cursor, breaks, Date.now() - started);
}
