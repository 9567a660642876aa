import { thenMaybe, type MaybePromise } from "@/lib/maybe-promise";

/**
 * Fixed-window rate limiter. The store is an interface so that several instances can
 * share one (e.g. Redis INCR + PEXPIRE); the default keeps counts in this process.
 */
export interface RateLimitStore {
  /**
   * Adds one hit to `key` in the current window and returns the count so far (at once from
   * memory). `limit` lets a shared store lease a busy key's hits for a large limit and refuse a
   * key already over it without a round trip (leased-rate-limit-store.ts).
   */
  hit(key: string, windowMs: number, limit?: number): MaybePromise<{ count: number; resetAt: number }>;
  /** The count so far in the current window, without adding to it. */
  peek(key: string): Promise<{ count: number; resetAt: number } | null>;
}

export class MemoryRateLimitStore implements RateLimitStore {
  private windows = new Map<string, { count: number; resetAt: number }>();
  private lastSweep = 0;

  hit(key: string, windowMs: number) {
    const now = Date.now();
    this.sweep(now);
    const w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      const fresh = { count: 1, resetAt: now + windowMs };
      this.windows.set(key, fresh);
      return fresh;
    }
    w.count += 1;
    return w;
  }

  async peek(key: string) {
    const w = this.windows.get(key);
    return w && w.resetAt > Date.now() ? w : null;
  }

  private sweep(now: number) {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
  }
}

export type RateLimitRule = { name: string; limit: number; windowMs: number };

export const RATE_LIMITS = {
  eligibility: { name: "eligibility", limit: Number(process.env.LUOHU_RATE_ELIGIBILITY ?? 300), windowMs: 60_000 },
  /** POST /api/v1/criteria-check per client. */
  criteriaCheck: { name: "criteria-check", limit: Number(process.env.LUOHU_RATE_CRITERIA_CHECK ?? 300), windowMs: 60_000 },
  /** Failed sign-ins per client and account (successful ones do not count). */
  signInFailures: { name: "sign-in-failures", limit: 10, windowMs: 5 * 60_000 },
  /** Failed sign-ins per account from ANY address (backoff: the account rests for the window). */
  signInAccountFailures: { name: "sign-in-account", limit: Number(process.env.LUOHU_SIGNIN_ACCOUNT_FAILURES ?? 10), windowMs: 15 * 60_000 },
  /** Failed sign-ins per address across accounts (password spraying). */
  signInIpFailures: { name: "sign-in-ip", limit: 50, windowMs: 15 * 60_000 },
  /** Every sign-in attempt of the whole portal (a global throttle against distributed guessing). */
  signInGlobal: { name: "sign-in-global", limit: Number(process.env.LUOHU_RATE_SIGNIN_GLOBAL ?? 600), windowMs: 60_000 },
  /** Registrations per address and hour. */
  signUp: { name: "sign-up", limit: Number(process.env.LUOHU_RATE_SIGNUP ?? 10), windowMs: 60 * 60_000 },
  action: { name: "action", limit: 300, windowMs: 60_000 },
  upload: { name: "upload", limit: 60, windowMs: 60_000 },
  verify: { name: "verify-permit", limit: 60, windowMs: 60_000 },
} satisfies Record<string, RateLimitRule>;

const g = globalThis as unknown as { __luohuRateStore?: RateLimitStore };

export function rateLimitStore(): RateLimitStore {
  return (g.__luohuRateStore ??= new MemoryRateLimitStore());
}

export function setRateLimitStore(store: RateLimitStore) {
  g.__luohuRateStore = store;
}

/** Returns null when allowed, else the seconds to wait (without a promise from the memory store). */
export function checkRateLimit(rule: RateLimitRule, clientKey: string): MaybePromise<number | null> {
  return thenMaybe(rateLimitStore().hit(`${rule.name}:${clientKey}`, rule.windowMs, rule.limit), ({ count, resetAt }) =>
    count > rule.limit ? Math.max(1, Math.ceil((resetAt - Date.now()) / 1000)) : null,
  );
}

/** Seconds to wait if `clientKey` already used up `rule` (does not count this call); else null. */
export async function isRateLimited(rule: RateLimitRule, clientKey: string): Promise<number | null> {
  const w = await rateLimitStore().peek(`${rule.name}:${clientKey}`);
  return w && w.count >= rule.limit ? Math.max(1, Math.ceil((w.resetAt - Date.now()) / 1000)) : null;
}

/** Counts one event (e.g. a failed sign-in) against `rule`. */
export async function countAgainst(rule: RateLimitRule, clientKey: string): Promise<void> {
  await rateLimitStore().hit(`${rule.name}:${clientKey}`, rule.windowMs, rule.limit);
}
