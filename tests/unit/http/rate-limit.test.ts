import { describe, expect, it } from "vitest";
import { MemoryRateLimitStore, checkRateLimit, countAgainst, isRateLimited, setRateLimitStore } from "@/lib/http/rate-limit";

describe("rate limiter", () => {
  it("allows `limit` hits per window, then tells how long to wait", async () => {
    setRateLimitStore(new MemoryRateLimitStore());
    const rule = { name: "t", limit: 3, windowMs: 60_000 };
    for (let i = 0; i < 3; i++) expect(await checkRateLimit(rule, "client-a")).toBeNull();
    const wait = await checkRateLimit(rule, "client-a");
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    // Another client is not affected.
    expect(await checkRateLimit(rule, "client-b")).toBeNull();
  });

  it("a new window starts after the old one ends", async () => {
    setRateLimitStore(new MemoryRateLimitStore());
    const rule = { name: "short", limit: 1, windowMs: 30 };
    expect(await checkRateLimit(rule, "c")).toBeNull();
    expect(await checkRateLimit(rule, "c")).not.toBeNull();
    await new Promise((r) => setTimeout(r, 40));
    expect(await checkRateLimit(rule, "c")).toBeNull();
  });

  it("only counted events (failed sign-ins) lock an account, peeking does not count", async () => {
    setRateLimitStore(new MemoryRateLimitStore());
    const rule = { name: "fail", limit: 2, windowMs: 60_000 };
    for (let i = 0; i < 10; i++) expect(await isRateLimited(rule, "ip:user")).toBeNull();
    await countAgainst(rule, "ip:user");
    await countAgainst(rule, "ip:user");
    expect(await isRateLimited(rule, "ip:user")).toBeGreaterThan(0);
  });
});
