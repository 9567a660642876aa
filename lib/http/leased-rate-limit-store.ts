import type { MaybePromise } from "@/lib/maybe-promise";
import type { RateLimitStore } from "./rate-limit";

/** What a shared store (rate-limit-stores.ts) offers the leasing layer: add n hits at once. */
export interface CountingStore extends RateLimitStore {
  add(key: string, windowMs: number, points: number): Promise<{ count: number; resetAt: number }>;
  close(): Promise<void>;
}

type Lease = {
  windowMs: number;
  resetAt: number;
  /** Hits this instance may still answer itself: already counted in the shared store. */
  remaining: number;
  /** The count to report for the next of those hits. */
  next: number;
  size: number;
  leasedAt: number;
  /** The store's count passed the limit: refused here until the window ends (a flood costs no round trips). */
  over?: boolean;
  /** A lease being taken from the store: other hits of the key wait for it instead of taking their own. */
  pending?: Promise<unknown>;
};

/** Limits below this are always counted exactly, hit by hit (every limit the portal sets by default). */
export const LEASE_FROM_LIMIT = 1000;

/** Largest lease for a limit: none below LEASE_FROM_LIMIT, else a twentieth of it, at most 1,000 hits. */
export function leaseCap(limit: number): number {
  return limit < LEASE_FROM_LIMIT ? 1 : Math.min(1000, Math.floor(limit / 20));
}

/**
 * A shared rate-limit store (PostgreSQL or Redis) that takes hits in leases, so a busy key does
 * not cost a store round trip per request (on the public API that round trip cost more than
 * the rules check itself: 3.5k against 12k requests per second, measured).
 *
 * A key's first hit adds 1 to the store, exactly as without this layer. When a key's lease is
 * used up within `intervalMs` of taking it, the next lease is twice as large (up to leaseCap):
 * those hits are added to the store at once and then answered here, synchronously, one by one.
 * A quiet key stays at leases of 1, i.e. exact, and so does every key of a limit under 1,000 (the
 * portal's own limits: 300 API calls a minute, 600 sign-ins…): leases serve the large limits an
 * operator raises for heavy API clients (and the benchmarks).
 *
 * A key whose count in the store passed its limit is refused here until its window ends, so a
 * client flooding the API costs the store nothing more.
 *
 * The store's count includes every leased hit, so the limit is never exceeded across any number
 * of instances; the price is that hits leased by one instance and not yet used count against the
 * others: a busy key may be refused up to (instances − 1) × leaseCap hits early (5 % of the limit
 * per other instance), until its window ends.
 */
export class LeasedRateLimitStore implements RateLimitStore {
  private leases = new Map<string, Lease>();
  private lastSweep = 0;

  constructor(
    private readonly store: CountingStore,
    private readonly intervalMs = 100,
  ) {}

  hit(key: string, windowMs: number, limit = Infinity): MaybePromise<{ count: number; resetAt: number }> {
    const now = Date.now();
    this.sweep(now);
    let lease = this.leases.get(key);
    if (lease && !lease.pending && (lease.windowMs !== windowMs || now >= lease.resetAt)) {
      this.leases.delete(key);
      lease = undefined;
    }
    // Counts only grow within a window: once over, the answer stays a refusal until it ends.
    if (lease?.over) return { count: Math.max(lease.next++, limit + 1), resetAt: lease.resetAt };
    // A limit without leases: every hit to the store, concurrently, exact.
    if (leaseCap(limit) === 1) return this.take(key, windowMs, limit, 1);
    if (lease?.pending) return lease.pending.then(() => this.hit(key, windowMs, limit));
    if (lease && lease.remaining > 0) {
      lease.remaining -= 1;
      return { count: lease.next++, resetAt: lease.resetAt };
    }
    // Used up quickly: the key is busy, lease more. Otherwise start again at one hit.
    const size = lease && now - lease.leasedAt < this.intervalMs ? Math.min(leaseCap(limit), lease.size * 2) : 1;
    const taking = this.take(key, windowMs, limit, size);
    this.leases.set(key, { windowMs, resetAt: Infinity, remaining: 0, next: 0, size, leasedAt: now, pending: taking });
    return taking;
  }

  /** Adds `size` hits to the store; this hit is the first of them, the rest become the key's lease. */
  private take(key: string, windowMs: number, limit: number, size: number) {
    return this.store.add(key, windowMs, size).then(
      (res) => {
        const first = res.count - size + 1; // this hit's place in the window
        const granted = Math.max(0, Math.min(size, limit - first + 1)); // leased hits within the limit
        const prev = this.leases.get(key);
        // Answers may arrive out of order: a key found over its limit stays over for the window.
        const stillOver = !!prev?.over && prev.windowMs === windowMs && Date.now() < prev.resetAt;
        this.leases.set(key, {
          windowMs,
          resetAt: res.resetAt,
          remaining: Math.max(0, granted - 1),
          next: first + 1,
          size,
          leasedAt: Date.now(),
          over: first > limit || stillOver,
        });
        return { count: first, resetAt: res.resetAt };
      },
      (e: unknown) => {
        if (this.leases.get(key)?.pending) this.leases.delete(key);
        throw e;
      },
    );
  }

  /** Forgets the leases of windows that are over (a minute apart at most). */
  private sweep(now: number) {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [k, l] of this.leases) if (!l.pending && l.resetAt <= now) this.leases.delete(k);
  }

  /** The store's count: leased hits included, used or not. */
  peek(key: string) {
    return this.store.peek(key);
  }

  close(): Promise<void> {
    this.leases.clear();
    return this.store.close();
  }
}
