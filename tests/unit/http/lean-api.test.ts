import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLeanApi } from "@/lib/http/lean-api";
import { defineJsonApi, serveInNext } from "@/lib/http/json-api";
import { MemoryRateLimitStore, setRateLimitStore } from "@/lib/http/rate-limit";

/**
 * The lean path (node:http, raw bytes) and the Next route (Web Request/Response) serve one
 * definition: for every kind of request they must answer the same status, body and Retry-After.
 */
const api = defineJsonApi({
  name: "echo-test",
  maxBytes: 1024,
  rateLimit: { name: "echo-test", limit: 5, windowMs: 60_000 },
  handle: async (body) => {
    if ((body as { boom?: boolean }).boom) throw new Error("database down");
    return { echoed: body };
  },
});
const nextPost = serveInNext(api);
const serveLean = createLeanApi({ "/api/v1/echo": { POST: async () => api } });

let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (!serveLean(req, res)) res.writeHead(404).end("next");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

type Answer = { status: number; body: unknown; retryAfter: string | null; type: string | null };
const read = async (res: Response): Promise<Answer> => ({
  status: res.status,
  body: await res.json(),
  retryAfter: res.headers.get("retry-after"),
  type: res.headers.get("content-type"),
});

/** The same request through both transports; the lean one sees the socket address 127.0.0.1. */
async function both(body: string, headers: Record<string, string>) {
  setRateLimitStore(new MemoryRateLimitStore());
  const lean = await read(await fetch(`${base}/api/v1/echo`, { method: "POST", body, headers }));
  setRateLimitStore(new MemoryRateLimitStore());
  const viaNext = await read(
    await nextPost(new Request("http://x/api/v1/echo", { method: "POST", body, headers: { ...headers, "x-luohu-client-ip": "127.0.0.1" } })),
  );
  return { lean, viaNext };
}

const json = { "content-type": "application/json" };

describe("one JSON API definition, two transports", () => {
  it.each([
    ["a valid body", JSON.stringify({ a: [1, "二"] }), json, 200],
    ["+json content type", "{}", { "content-type": "application/problem+json" }, 200],
    ["a non-JSON content type", "a=b", { "content-type": "text/plain" }, 415],
    ["malformed JSON", "{nope", json, 400],
    ["an empty body", "", json, 400],
    ["nesting deeper than 32", `${"[".repeat(40)}${"]".repeat(40)}`, json, 400],
    ["a body over the limit", JSON.stringify({ pad: "x".repeat(2000) }), json, 413],
    ["a failing handler", JSON.stringify({ boom: true }), json, 503],
  ])("%s: the same answer on both paths", async (_name, body, headers, status) => {
    const { lean, viaNext } = await both(body, headers);
    expect(lean.status).toBe(status);
    expect(lean).toEqual(viaNext);
    expect(lean.type).toMatch(/^application\/json/);
  });

  it("the lean path answers the rules' JSON and marks it nosniff and no-store", async () => {
    setRateLimitStore(new MemoryRateLimitStore());
    const res = await fetch(`${base}/api/v1/echo/?x=1`, { method: "POST", body: '{"名":"张三"}', headers: json });
    expect(await res.json()).toEqual({ echoed: { 名: "张三" } });
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("a forged client-address header cannot dodge the lean path's rate limit", async () => {
    setRateLimitStore(new MemoryRateLimitStore());
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await fetch(`${base}/api/v1/echo`, { method: "POST", body: "{}", headers: { ...json, "x-luohu-client-ip": `10.0.0.${i}` } });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
  });

  it("behind one trusted proxy (the setting read at start) the client is X-Forwarded-For's last entry", async () => {
    const proxied = createLeanApi({ "/api/v1/echo": { POST: async () => api } }, 1);
    const behindProxy = http.createServer((req, res) => void (proxied(req, res) || res.writeHead(404).end()));
    await new Promise<void>((r) => behindProxy.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(behindProxy.address() as AddressInfo).port}/api/v1/echo`;
    try {
      setRateLimitStore(new MemoryRateLimitStore());
      const post = (forwardedFor: string) =>
        fetch(url, { method: "POST", body: "{}", headers: { ...json, "x-forwarded-for": forwardedFor } }).then((r) => r.status);
      // Five from one client, whatever it prepends; another client still gets through.
      for (let i = 0; i < 5; i++) expect(await post(`10.9.9.${i}, 198.51.100.7`)).toBe(200);
      expect(await post("198.51.100.7")).toBe(429);
      expect(await post("198.51.100.8")).toBe(200);
    } finally {
      await new Promise<void>((r) => behindProxy.close(() => r()));
    }
  });

  it("other paths and methods are left to Next", async () => {
    expect(await (await fetch(`${base}/api/v1/other`, { method: "POST", body: "{}", headers: json })).text()).toBe("next");
    expect(await (await fetch(`${base}/api/v1/echo`)).text()).toBe("next");
  });
});
