/**
 * One step of the outbox worker: claim due messages, send each, record the outcome.
 *
 *   - at least once: a message is marked sent only after the sender returned; a worker that
 *     dies mid-send leaves a lease that expires, and another worker sends it again — with the
 *     same idempotency key, so the gateway (Aliyun OutId) can recognise the repeat;
 *   - never twice at the same time: messages are claimed by one UPDATE … WHERE id IN (SELECT …
 *     FOR UPDATE SKIP LOCKED) that sets a lease; two workers (processes, servers) claim
 *     disjoint sets;
 *   - retries with exponential backoff (30 s, 1 min, 2 min, … capped at 1 h);
 *   - a dead letter (status `dead`) after `maxAttempts` tries or a {@link PermanentSendError}.
 *
 * `drainOutbox(db)` alone uses the sender named by the configuration (lib/notify/sender.ts).
 */
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/types";
import { PermanentSendError, senderFromEnv, type MessageSender } from "./sender";

export interface DrainOptions {
  /** Most messages claimed in one step. Default 100. */
  limit?: number;
  /** Tries before a message becomes a dead letter. Default LUOHU_OUTBOX_MAX_ATTEMPTS or 5. */
  maxAttempts?: number;
  /** First retry delay; doubled per try. Default 30 s. */
  baseDelayMs?: number;
  /** Longest retry delay. Default 1 h. */
  maxDelayMs?: number;
  /** How long a claim lasts before another worker may take the message over. Default 2 min. */
  leaseMs?: number;
  /** This worker's name in the lease. Default a random id per call. */
  workerId?: string;
  /** The clock (tests). */
  now?: () => Date;
}

export interface DrainResult {
  sent: number;
  retried: number;
  dead: number;
}

export function retryDelayMs(attempts: number, base = 30_000, max = 60 * 60_000): number {
  return Math.min(max, base * 2 ** Math.max(0, attempts - 1));
}

let cachedSender: MessageSender | undefined;
function defaultSender(): MessageSender {
  return (cachedSender ??= senderFromEnv());
}

/** Claims up to `limit` due messages for `workerId` and returns their ids. */
async function claim(db: Db, workerId: string, now: Date, leaseMs: number, limit: number): Promise<string[]> {
  const nowIso = now.toISOString();
  const until = new Date(now.getTime() + leaseMs).toISOString();
  // TIMESTAMP(3) columns hold UTC wall time (as Prisma writes them); the ISO strings cast the same way.
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE "OutboxMessage" SET "lockedBy" = ${workerId}, "lockedUntil" = ${until}::timestamp(3)
    WHERE "id" IN (
      SELECT "id" FROM "OutboxMessage"
      WHERE "status" = 'pending' AND "nextAttemptAt" <= ${nowIso}::timestamp(3)
        AND ("lockedUntil" IS NULL OR "lockedUntil" < ${nowIso}::timestamp(3))
      ORDER BY "nextAttemptAt", "createdAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING "id"`;
  return rows.map((r) => r.id);
}

/**
 * Sends the due outbox messages once. Returns how many were sent; {@link drainOutboxStep}
 * gives the full outcome.
 */
export async function drainOutbox(db: Db, sender?: MessageSender, opts: DrainOptions | number = {}): Promise<number> {
  return (await drainOutboxStep(db, sender, typeof opts === "number" ? { limit: opts } : opts)).sent;
}

export async function drainOutboxStep(db: Db, sender: MessageSender = defaultSender(), opts: DrainOptions = {}): Promise<DrainResult> {
  const clock = opts.now ?? (() => new Date());
  const maxAttempts = opts.maxAttempts ?? (Number(process.env.LUOHU_OUTBOX_MAX_ATTEMPTS) || 5);
  const workerId = opts.workerId ?? randomUUID();
  const ids = await claim(db, workerId, clock(), opts.leaseMs ?? 120_000, opts.limit ?? 100);
  const result: DrainResult = { sent: 0, retried: 0, dead: 0 };
  if (ids.length === 0) return result;
  const messages = await db.outboxMessage.findMany({ where: { id: { in: ids } }, orderBy: [{ nextAttemptAt: "asc" }, { createdAt: "asc" }] });
  for (const m of messages) {
    const mine = { id: m.id, lockedBy: workerId };
    try {
      await sender.send({ ...m, idempotencyKey: m.idempotencyKey ?? m.id });
      await db.outboxMessage.updateMany({
        where: mine,
        data: { status: "sent", sentAt: clock(), attempts: { increment: 1 }, lockedBy: null, lockedUntil: null, lastError: null },
      });
      result.sent += 1;
    } catch (e) {
      const attempts = m.attempts + 1;
      const lastError = (e instanceof Error ? e.message : String(e)).slice(0, 500);
      const now = clock();
      if (attempts >= maxAttempts || e instanceof PermanentSendError) {
        await db.outboxMessage.updateMany({ where: mine, data: { status: "dead", deadAt: now, attempts, lastError, lockedBy: null, lockedUntil: null } });
        console.error(`[outbox] message ${m.id} is a dead letter after ${attempts} tries: ${lastError}`);
        result.dead += 1;
      } else {
        const nextAttemptAt = new Date(now.getTime() + retryDelayMs(attempts, opts.baseDelayMs, opts.maxDelayMs));
        await db.outboxMessage.updateMany({ where: mine, data: { attempts, lastError, nextAttemptAt, lockedBy: null, lockedUntil: null } });
        result.retried += 1;
      }
    }
  }
  return result;
}
