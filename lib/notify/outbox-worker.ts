/**
 * Runs the outbox drain in this process: now, every LUOHU_OUTBOX_INTERVAL_MS (default 5 s),
 * and at once when {@link kickOutbox} is called (a new SMS code should not wait).
 *
 * Several server processes may each run it: drainOutbox claims messages with
 * FOR UPDATE SKIP LOCKED and a lease, so no message is sent twice at the same time.
 * The job queue (pg-boss, helper `infra`) can replace this timer by scheduling
 * `drainOutbox(db)` itself; scripts/start.ts is the one caller.
 */
import type { Db } from "@/lib/db/types";
import { drainOutboxStep } from "./drain-outbox";
import { senderFromEnv, type MessageSender } from "./sender";

const g = globalThis as unknown as { __luohuOutboxKick?: () => void };

export function startOutboxWorker(getDb: () => Db, opts: { intervalMs?: number; sender?: MessageSender } = {}): () => void {
  const intervalMs = opts.intervalMs ?? (Number(process.env.LUOHU_OUTBOX_INTERVAL_MS) || 5000);
  const sender = opts.sender ?? senderFromEnv(); // a wrong configuration fails at start, not at the first message
  let running = false;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const r = await drainOutboxStep(getDb(), sender);
        if (r.sent === 100) again = true; // a full batch: there may be more
      } while (again);
    } catch (e) {
      console.error("[outbox] drain failed:", e instanceof Error ? e.message : e);
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  g.__luohuOutboxKick = () => void run();
  return () => {
    clearInterval(timer);
    g.__luohuOutboxKick = undefined;
  };
}

/** Drain now if a worker runs in this process (otherwise the next scheduled drain sends it). */
export function kickOutbox(): void {
  g.__luohuOutboxKick?.();
}
