import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/eligibility/route";
import { MemoryRateLimitStore, RATE_LIMITS, setRateLimitStore } from "@/lib/http/rate-limit";

const req = (body: string, headers: Record<string, string>) => new Request("http://localhost/api/v1/eligibility", { method: "POST", body, headers });

describe("POST /api/v1/eligibility edge handling (before any database work)", () => {
  it("415 for a non-JSON content type", async () => {
    setRateLimitStore(new MemoryRateLimitStore());
    const res = await POST(req("a=b", { "content-type": "text/plain", "x-luohu-client-ip": "10.1.1.1" }));
    expect(res.status).toBe(415);
  });

  it("413 for a body over 64 KiB, even without a Content-Length header", async () => {
    setRateLimitStore(new MemoryRateLimitStore());
    const res = await POST(req(JSON.stringify({ pad: "x".repeat(65 * 1024) }), { "content-type": "application/json", "x-luohu-client-ip": "10.1.1.2" }));
    expect(res.status).toBe(413);
  });

  it("400 for malformed JSON, with the validation_failed shape", async () => {
    setRateLimitStore(new MemoryRateLimitStore());
    const res = await POST(req("{nope", { "content-type": "application/json", "x-luohu-client-ip": "10.1.1.3" }));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: "validation_failed", issues: [expect.objectContaining({ path: "" })] });
  });

  it("a forged X-Forwarded-For does not change the client (no proxy configured)", async () => {
    setRateLimitStore(new MemoryRateLimitStore());
    for (let i = 0; i < RATE_LIMITS.eligibility.limit; i++)
      await POST(req("x", { "content-type": "text/plain", "x-luohu-client-ip": "10.7.7.7", "x-forwarded-for": `1.2.3.${i % 250}` }));
    expect((await POST(req("x", { "content-type": "text/plain", "x-luohu-client-ip": "10.7.7.7", "x-forwarded-for": "9.9.9.9" }))).status).toBe(429);
  });

  it("429 with Retry-After once one client exceeds the limit; other clients unaffected", async () => {
    setRateLimitStore(new MemoryRateLimitStore());
    const flood = { "content-type": "text/plain", "x-luohu-client-ip": "10.9.9.9" };
    for (let i = 0; i < RATE_LIMITS.eligibility.limit; i++) expect((await POST(req("x", flood))).status).toBe(415);
    const limited = await POST(req("x", flood));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await POST(req("x", { "content-type": "text/plain", "x-luohu-client-ip": "10.9.9.8" }))).status).toBe(415);
  });
});
