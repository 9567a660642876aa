import net from "node:net";
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { LEASE_FROM_LIMIT, leaseCap, LeasedRateLimitStore, type CountingStore } from "@/lib/http/leased-rate-limit-store";
import { createPostgresRateLimitStore, createRedisRateLimitStore } from "@/lib/http/rate-limit-stores";
import { checkRateLimit, countAgainst, isRateLimited, setRateLimitStore, type RateLimitRule, type RateLimitStore } from "@/lib/http/rate-limit";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const stores: { close(): Promise<void> }[] = [];
afterAll(async () => {
  for (const s of stores) await s.close().catch(() => {});
});

function reachable(url: string): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const s = net.connect(Number(u.port || 6379), u.hostname);
    s.once("connect", () => (s.destroy(), resolve(true)));
    s.once("error", () => resolve(false));
  });
}

/** Two stores = two instances: 20 calls spread over both, a limit of 5 → exactly 5 allowed. */
async function sharedAcross(a: RateLimitStore, b: RateLimitStore) {
  const rule: RateLimitRule = { name: `t-${randomBytes(4).toString("hex")}`, limit: 5, windowMs: 60_000 };
  const results = await Promise.all(
    Array.from({ length: 20 }, async (_, i) => {
      setRateLimitStore(i % 2 ? a : b);
      return checkRateLimit(rule, "203.0.113.7");
    }),
  );
  expect(results.filter((r) => r === null)).toHaveLength(5);
  const waits = results.filter((r): r is number => r !== null);
  expect(waits.every((w) => w >= 1 && w <= 60)).toBe(true);
  // peek / count through the other instance see the same window.
  const failures: RateLimitRule = { name: `f-${randomBytes(4).toString("hex")}`, limit: 3, windowMs: 300_000 };
  setRateLimitStore(a);
  for (let i = 0; i < 3; i++) await countAgainst(failures, "acct");
  setRateLimitStore(b);
  expect(await isRateLimited(failures, "acct")).toBeGreaterThan(0);
  expect(await isRateLimited(failures, "other")).toBeNull();
}

/** A real store that counts the writes reaching it. */
function counted(store: CountingStore) {
  const counter = { adds: 0, store };
  const add = store.add.bind(store);
  store.add = (key, windowMs, points) => ((counter.adds += 1), add(key, windowMs, points));
  return counter;
}

/**
 * Two leasing instances over one store: the limit is never exceeded, quiet keys are exact, a
 * busy key's hits reach the store in a few writes, and a busy key is refused at most
 * (instances − 1) × leaseCap hits early.
 */
async function leasedAcross(makeShared: () => Promise<CountingStore>) {
  const sharedA = counted(await makeShared());
  const a = new LeasedRateLimitStore(sharedA.store, 100);
  const b = new LeasedRateLimitStore(await makeShared(), 100);
  stores.push(a, b);
  await sharedAcross(a, b);

  // Sequential hits alternating between the instances: exactly the limit.
  const rule: RateLimitRule = { name: `s-${randomBytes(4).toString("hex")}`, limit: 10, windowMs: 60_000 };
  const allowed: boolean[] = [];
  for (let i = 0; i < 30; i++) {
    setRateLimitStore(i % 3 ? a : b);
    allowed.push((await checkRateLimit(rule, "198.51.100.9")) === null);
  }
  expect(allowed.slice(0, 10).every(Boolean)).toBe(true);
  expect(allowed.filter(Boolean)).toHaveLength(10);

  // A busy key: 1,000 hits on one instance in a handful of writes, all of them counted.
  const hot: RateLimitRule = { name: `h-${randomBytes(4).toString("hex")}`, limit: 1_000_000, windowMs: 60_000 };
  setRateLimitStore(a);
  const before = sharedA.adds;
  for (let i = 0; i < 1000; i++) expect(await checkRateLimit(hot, "192.0.2.1")).toBeNull();
  expect(sharedA.adds - before).toBeLessThan(50);
  expect((await b.peek(`${hot.name}:192.0.2.1`))!.count).toBeGreaterThanOrEqual(1000);

  // A client over its limit is refused without further writes until the window ends.
  const flood: RateLimitRule = { name: `f-${randomBytes(4).toString("hex")}`, limit: 20, windowMs: 60_000 };
  setRateLimitStore(a);
  for (let i = 0; i < 21; i++) await checkRateLimit(flood, "192.0.2.3");
  const writes = sharedA.adds;
  for (let i = 0; i < 200; i++) expect(await checkRateLimit(flood, "192.0.2.3")).toBeGreaterThan(0);
  expect(sharedA.adds).toBe(writes);

  // Two busy instances at once: a limit under 1,000 exactly; a large one never exceeded, at most
  // one lease short.
  for (const limit of [300, 4000]) {
    const busy: RateLimitRule = { name: `b-${randomBytes(4).toString("hex")}`, limit, windowMs: 60_000 };
    const answers = await Promise.all(
      Array.from({ length: limit + 200 }, (_, i) => {
        setRateLimitStore(i % 2 ? a : b);
        return checkRateLimit(busy, "192.0.2.2");
      }),
    );
    const passed = answers.filter((w) => w === null).length;
    expect(passed).toBeLessThanOrEqual(limit);
    expect(passed).toBeGreaterThanOrEqual(limit - (limit < LEASE_FROM_LIMIT ? 0 : leaseCap(limit)));
  }
}

describe("shared rate-limit stores", () => {
  it.skipIf(!process.env.DATABASE_URL)("PostgreSQL, leased per instance: never over the limit, exact when quiet, a busy key in few writes", async () => {
    await leasedAcross(() => createPostgresRateLimitStore(process.env.DATABASE_URL!));
  });

  it("Redis, leased per instance: never over the limit, exact when quiet, a busy key in few writes", async (ctx) => {
    if (!(await reachable(REDIS_URL))) ctx.skip();
    await leasedAcross(() => createRedisRateLimitStore(REDIS_URL));
  });

  it.skipIf(!process.env.DATABASE_URL)("PostgreSQL: a limit is shared by two instances", async () => {
    const a = await createPostgresRateLimitStore(process.env.DATABASE_URL!);
    const b = await createPostgresRateLimitStore(process.env.DATABASE_URL!);
    stores.push(a, b);
    await sharedAcross(a, b);
  });

  it("Redis: a limit is shared by two instances", async (ctx) => {
    if (!(await reachable(REDIS_URL))) ctx.skip();
    const a = await createRedisRateLimitStore(REDIS_URL);
    const b = await createRedisRateLimitStore(REDIS_URL);
    stores.push(a, b);
    await sharedAcross(a, b);
  });
});
