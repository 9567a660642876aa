/**
 * The lean path for the public JSON API (/api/v1/*): served in the same server process by the
 * route's own handler — a Web `(Request) => Promise<Response>`, the very function the Next
 * route exports — called directly from node:http, before Next's request pipeline. Same
 * validation, rate limiting, errors and contract; only the framework's per-request cost is
 * skipped. Routes are registered in one table (scripts/lean-routes.ts): one line per handler.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { CLIENT_IP_HEADER } from "./client-ip";

export type WebHandler = (req: Request) => Promise<Response> | Response;
/** path → method → handler (lazily imported once). */
export type LeanRoutes = Record<string, Partial<Record<"GET" | "POST", () => Promise<WebHandler>>>>;

/** Bodies are read up to this; one byte more is passed on so the handler answers its own 413. */
const MAX_LEAN_BODY = 256 * 1024;

export function createLeanApi(routes: LeanRoutes) {
  const loaded = new Map<string, Promise<WebHandler>>();
  const handlerFor = (path: string, method: string): Promise<WebHandler> | null => {
    const load = routes[path]?.[method as "GET" | "POST"];
    if (!load) return null;
    const key = `${method} ${path}`;
    let h = loaded.get(key);
    if (!h) loaded.set(key, (h = load()));
    return h;
  };

  /** Handles the request and returns true, or returns false for Next to handle it. */
  return function serveLean(req: IncomingMessage, res: ServerResponse): boolean {
    const url = req.url ?? "/";
    if (!url.startsWith("/api/v1/")) return false;
    const q = url.indexOf("?");
    const path = q < 0 ? url : url.slice(0, q);
    const handler = handlerFor(path.length > 1 && path.endsWith("/") ? path.slice(0, -1) : path, req.method ?? "GET");
    if (!handler) return false;
    void respond(req, res, handler).catch((e) => {
      console.error("[api]", e instanceof Error ? e.message : e);
      if (!res.headersSent) res.writeHead(503, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify({ error: "service_unavailable", message: "服务暂不可用，请稍后再试。" }));
    });
    return true;
  };
}

/** The body, event-driven (an async iterator over the request is much slower per request). */
function readBody(req: IncomingMessage): Promise<Buffer | null> {
  if (req.method === "GET" || req.method === "HEAD") return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
    };
    req.on("data", (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > MAX_LEAN_BODY) {
        chunks.push(chunk.subarray(0, chunk.length - (size - MAX_LEAN_BODY - 1)));
        finish(); // the rest keeps flowing and is dropped
        return;
      }
      chunks.push(chunk);
    });
    req.once("end", finish);
    req.once("error", (e) => (done ? undefined : ((done = true), reject(e))));
  });
}

async function respond(req: IncomingMessage, res: ServerResponse, handlerP: Promise<WebHandler>) {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined || k === CLIENT_IP_HEADER) continue;
    headers.set(k, Array.isArray(v) ? v.join(", ") : v);
  }
  // The real peer address, as for every request of this server; a client cannot forge it.
  headers.set(CLIENT_IP_HEADER, req.socket.remoteAddress ?? "unknown");
  headers.delete("content-length"); // the body below is what was read
  const body = await readBody(req);
  const request = new Request(`http://${req.headers.host ?? "localhost"}${req.url}`, {
    method: req.method,
    headers,
    body: body ? (new Uint8Array(body.buffer, body.byteOffset, body.length) as Uint8Array<ArrayBuffer>) : null,
  });
  const response = await (await handlerP)(request);
  const out = Buffer.from(await response.arrayBuffer());
  const h: Record<string, string> = { "x-content-type-options": "nosniff", "cache-control": "no-store" };
  response.headers.forEach((v, k) => (h[k] = v));
  h["content-length"] = String(out.length);
  res.writeHead(response.status, h);
  res.end(out);
}
