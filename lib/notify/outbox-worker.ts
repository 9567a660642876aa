/**
 * The outbox is drained by the job queue (lib/jobs/job-registry.ts, job `outbox-drain`, every
 * LUOHU_OUTBOX_INTERVAL_SECONDS, once across all instances). A message a person is waiting for
 * (an SMS code) should not wait for the next run: {@link kickOutbox} drains at once in this
 * process. That is safe beside the job and beside other processes: drainOutbox claims each
 * message with FOR UPDATE SKIP LOCKED and a lease, so none is sent twice at the same time.
 */
import { getPrisma } from "@/lib/db/client";
import { drainOutbox } from "./drain-outbox";

let running: Promise<unknown> | null = null;

/** Drain now, in the background (a failure is logged; the scheduled job retries). */
export function kickOutbox(): void {
  if (running) return;
  running = drainOutbox(getPrisma())
    .catch((e) => console.error("[outbox] drain failed:", e instanceof Error ? e.message : e))
    .finally(() => {
      running = null;
    });
}
