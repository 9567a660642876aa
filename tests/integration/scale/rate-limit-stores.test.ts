import net from "node:net";
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createPostgresRateLimitStore, createRedisRateLimitStore, type FlexibleRateLimitStore } from "@/lib/http/rate-limit-stores";
import { checkRateLimit, countAgainst, isRateLimited, setRateLimitStore, type RateLimitRule } from "@/lib/http/rate-limit";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const stores: FlexibleRateLimitStore[] = [];
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
async function sharedAcross(a: FlexibleRateLimitStore, b: FlexibleRateLimitStore) {
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

describe("shared rate-limit stores", () => {
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
