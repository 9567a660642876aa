/**
 * The lean path for the public JSON API (/api/v1/*): served in the same server process,
 * called directly from node:http before Next's request pipeline, by the very definition the
 * Next route serves (lib/http/json-api.ts: rate limit, body checks, handler, error codes). No
 * Web Request/Response objects are built: the raw bytes go in, the answer's JSON comes out.
 * Routes are registered in one table (scripts/lean-routes.ts): one line per API.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { CLIENT_IP_HEADER, type HeaderReader } from "./client-ip";
import { answerJsonApi, type JsonApi } from "./json-api";

/** path → method → API definition (lazily imported once). */
export type LeanRoutes = Record<string, Partial<Record<"POST", () => Promise<JsonApi>>>>;

export function createLeanApi(routes: LeanRoutes) {
  const loaded = new Map<string, Promise<JsonApi>>();
  const apiFor = (path: string, method: string): Promise<JsonApi> | null => {
    const load = routes[path]?.[method as "POST"];
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
    const api = apiFor(path.length > 1 && path.endsWith("/") ? path.slice(0, -1) : path, req.method ?? "GET");
    if (!api) return false;
    void respond(req, res, api).catch((e) => {
      console.error("[api]", e instanceof Error ? e.message : e);
      if (!res.headersSent) res.writeHead(503, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: "service_unavailable", message: "服务暂不可用，请稍后再试。" }));
    });
    return true;
  };
}

/** Node's headers seen through `get`, with the client address taken from the socket (a client cannot forge it). */
function headersOf(req: IncomingMessage): HeaderReader {
  const peer = req.socket.remoteAddress ?? "unknown";
  return {
    get(name) {
      if (name === CLIENT_IP_HEADER) return peer;
      const v = req.headers[name];
      return v === undefined ? null : Array.isArray(v) ? v.join(", ") : v;
    },
  };
}

/** The body up to `limit` + 1 bytes, event-driven (an async iterator is much slower per request); the rest is drained. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  if (Number(req.headers["content-length"] ?? "0") > limit) {
    req.resume(); // declared too large: refused without reading it
    return Promise.resolve(null);
  }
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
      if (size > limit) {
        chunks.push(chunk.subarray(0, chunk.length - (size - limit - 1)));
        finish(); // the rest keeps flowing and is dropped
        return;
      }
      chunks.push(chunk);
    });
    req.once("end", finish);
    req.once("error", (e) => (done ? undefined : ((done = true), reject(e))));
  });
}

async function respond(req: IncomingMessage, res: ServerResponse, apiP: Promise<JsonApi>) {
  const api = await apiP;
  const body = await readBody(req, api.maxBytes);
  const answer = await answerJsonApi(api, { headers: headersOf(req), body });
  const out = JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(out),
    "x-content-type-options": "nosniff",
    "cache-control": "no-store",
    ...answer.headers,
  });
  res.end(out);
}
