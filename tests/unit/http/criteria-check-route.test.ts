import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/criteria-check/route";
import { MemoryRateLimitStore, RATE_LIMITS, setRateLimitStore } from "@/lib/http/rate-limit";

/** The error paths of POST /api/v1/criteria-check answer before any database work (spec: criteria-check-api.md). */
const req = (body: string, headers: Record<string, string>) => new Request("http://localhost/api/v1/criteria-check", { method: "POST", body, headers });
const json = (ip: string) => ({ "content-type": "application/json", "x-luohu-client-ip": ip });

describe("POST /api/v1/criteria-check: errors as the spec writes them", () => {
  it("415 for a non-JSON content type", async () => {
    setRateLimitStore(new MemoryRateLimitStore());
    const res = await POST(req("text=未购房", { "content-type": "text/plain", "x-luohu-client-ip": "10.2.1.1" }));
    expect(res.status).toBe(415);
  });

  it("413 over 64 KiB, even without a Content-Length header", async () => {
    setRateLimitStore(new MemoryRateLimitStore());
    const res = await POST(req(JSON.stringify({ text: "购".repeat(22_000) }), json("10.2.1.2")));
    expect(res.status).toBe(413);
  });

  it.each([
    ["missing text", {}],
    ["empty text", { text: "" }],
    ["a number", { text: 42 }],
    ["null", { text: null }],
    ["an array", { text: ["未购房"] }],
    ["over 20,000 characters", { text: "a".repeat(20_001) }],
  ])("400 validation_failed with issues for %s", async (_what, body) => {
    setRateLimitStore(new MemoryRateLimitStore());
    const res = await POST(req(JSON.stringify(body), json("10.2.1.3")));
    expect(res.status).toBe(400);
    const out = await res.json();
    expect(out.error).toBe("validation_failed");
    expect(out.issues).toEqual([expect.objectContaining({ path: "text", message: expect.any(String) })]);
  });

  it("400 for malformed JSON and for a body that is not an object", async () => {
    setRateLimitStore(new MemoryRateLimitStore());
    for (const body of ["{nope", "[1,2]", '"未购房"', "null"]) {
      const res = await POST(req(body, json("10.2.1.4")));
      expect(res.status).toBe(400);
      expect((await res.json()).error).toBe("validation_failed");
    }
  });

  it("429 with Retry-After when one client floods it; other clients unaffected", async () => {
    setRateLimitStore(new MemoryRateLimitStore());
    for (let i = 0; i < RATE_LIMITS.criteriaCheck.limit; i++) expect((await POST(req("{}", json("10.2.9.9")))).status).toBe(400);
    const limited = await POST(req("{}", json("10.2.9.9")));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await POST(req("{}", json("10.2.9.8")))).status).toBe(400);
  });
});
