import { describe, expect, it, vi } from "vitest";
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

  it("a new window starts after the old one ends (fake clock: no waiting)", async () => {
    vi.useFakeTimers({ now: new Date("2026-11-30T08:00:00Z") });
    try {
      setRateLimitStore(new MemoryRateLimitStore());
      const rule = { name: "window", limit: 1, windowMs: 60_000 };
      expect(await checkRateLimit(rule, "c")).toBeNull();
      expect(await checkRateLimit(rule, "c")).toBe(60);
      vi.advanceTimersByTime(59_000);
      expect(await checkRateLimit(rule, "c")).toBe(1); // still the old window, one second left
      vi.advanceTimersByTime(1_001);
      expect(await checkRateLimit(rule, "c")).toBeNull();
    } finally {
      vi.useRealTimers();
    }
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
