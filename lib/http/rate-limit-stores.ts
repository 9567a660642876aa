/**
 * Shared rate-limit stores (the RateLimitStore interface of rate-limit.ts), so that every
 * process and machine counts against the same window:
 *   - REDIS_URL set        → Redis (ioredis + rate-limiter-flexible's RateLimiterRedis);
 *   - DATABASE_URL set     → PostgreSQL (RateLimiterPostgres, table `luohu_rate_limits`, in the
 *                            schema `luohu_runtime` when `npm run db:grants` created it);
 *   - neither (embedded)   → this process's memory (MemoryRateLimitStore), one process anyway.
 * configureRateLimitStore() picks one at start-up (scripts/start.ts, in every worker). A shared
 * store is wrapped in LeasedRateLimitStore: a busy key's hits are added to it in leases, not
 * one round trip per request.
 */
import { Pool } from "pg";
import { RateLimiterPostgres, RateLimiterRedis, type RateLimiterAbstract, type RateLimiterRes } from "rate-limiter-flexible";
import { LeasedRateLimitStore, type CountingStore } from "./leased-rate-limit-store";
import { MemoryRateLimitStore, setRateLimitStore, type RateLimitStore } from "./rate-limit";

/** Counting, never refusing: the rules (limits) stay in rate-limit.ts; the store only counts per window. */
const UNLIMITED = 2_000_000_000;
const KEY_PREFIX = "luohu";

/** A RateLimitStore over rate-limiter-flexible limiters (one per window length, same keys and table). */
export class FlexibleRateLimitStore implements CountingStore {
  private limiters = new Map<number, Promise<RateLimiterAbstract>>();
  constructor(
    private readonly make: (durationSeconds: number) => Promise<RateLimiterAbstract>,
    private readonly onClose: () => Promise<void> = async () => {},
  ) {}

  private limiter(windowMs: number): Promise<RateLimiterAbstract> {
    let l = this.limiters.get(windowMs);
    if (!l) {
      l = this.make(Math.max(1, Math.ceil(windowMs / 1000)));
      this.limiters.set(windowMs, l);
      l.catch(() => this.limiters.delete(windowMs));
    }
    return l;
  }

  hit(key: string, windowMs: number) {
    return this.add(key, windowMs, 1);
  }

  /** Adds `points` hits at once (the batching layer sends a key's local hits together). */
  async add(key: string, windowMs: number, points: number) {
    const res = (await (await this.limiter(windowMs)).consume(key, points)) as RateLimiterRes;
    return { count: res.consumedPoints, resetAt: Date.now() + res.msBeforeNext };
  }

  async peek(key: string) {
    // Any limiter reads the same record (same prefix and table); use one that exists.
    const first = this.limiters.values().next().value ?? this.limiter(60_000);
    const res = await (await first).get(key);
    return res ? { count: res.consumedPoints, resetAt: Date.now() + res.msBeforeNext } : null;
  }

  close(): Promise<void> {
    return this.onClose();
  }
}

export async function createPostgresRateLimitStore(connectionString: string): Promise<FlexibleRateLimitStore> {
  const pool = new Pool({ connectionString, max: 4, application_name: "luohu-rate-limit" });
  pool.on("error", (e) => console.error(`[rate-limit] PostgreSQL: ${e.message}`));
  const { rows } = await pool.query<{ ok: boolean }>(`SELECT to_regnamespace('luohu_runtime') IS NOT NULL AS ok`);
  const schemaName = rows[0]?.ok ? "luohu_runtime" : undefined;
  const base = { storeClient: pool, tableName: "luohu_rate_limits", schemaName, keyPrefix: KEY_PREFIX, points: UNLIMITED };
  // The first limiter creates the table (IF NOT EXISTS); the others wait for it.
  const created = new Promise<void>((resolve, reject) => {
    new RateLimiterPostgres({ ...base, duration: 60, clearExpiredByTimeout: true }, (err?: Error) => (err ? reject(err) : resolve()));
  });
  await created;
  return new FlexibleRateLimitStore(
    async (duration) => new RateLimiterPostgres({ ...base, duration, tableCreated: true, clearExpiredByTimeout: false }),
    () => pool.end(),
  );
}

export async function createRedisRateLimitStore(url: string): Promise<FlexibleRateLimitStore> {
  const { default: Redis } = await import("ioredis");
  const redis = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: true });
  redis.on("error", (e: Error) => console.error(`[rate-limit] Redis: ${e.message}`));
  await redis.connect();
  return new FlexibleRateLimitStore(
    async (duration) => new RateLimiterRedis({ storeClient: redis, keyPrefix: KEY_PREFIX, points: UNLIMITED, duration }),
    async () => void (await redis.quit().catch(() => redis.disconnect())),
  );
}

export type RateLimitBackend = "redis" | "postgres" | "memory";

/** Picks and installs the store for this process from the environment; returns which one. */
export async function configureRateLimitStore(env: NodeJS.ProcessEnv = process.env): Promise<{ backend: RateLimitBackend; store: RateLimitStore }> {
  let backend: RateLimitBackend = "memory";
  let shared: FlexibleRateLimitStore | null = null;
  if (env.REDIS_URL) {
    backend = "redis";
    shared = await createRedisRateLimitStore(env.REDIS_URL);
  } else if (env.DATABASE_URL) {
    backend = "postgres";
    shared = await createPostgresRateLimitStore(env.DATABASE_URL);
  }
  const store: RateLimitStore = shared ? new LeasedRateLimitStore(shared) : new MemoryRateLimitStore();
  setRateLimitStore(store);
  return { backend, store };
}
