/**
 * The lean path for the public JSON API (/api/v1/*): served in the same server process,
 * called directly from node:http before Next's request pipeline, by the very definition the
 * Next route serves (lib/http/json-api.ts: rate limit, body checks, handler, error codes). No
 * Web Request/Response objects are built: the raw bytes go in, the answer's JSON comes out.
 * Routes are registered in one table (scripts/lean-routes.ts): one line per API.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { CLIENT_IP_HEADER, trustedProxyHops, type HeaderReader } from "./client-ip";
import { isPromise } from "../maybe-promise";
import { answerJsonApi, type JsonApi, type JsonApiAnswer } from "./json-api";

/** path → method → API definition (lazily imported once). */
export type LeanRoutes = Record<string, Partial<Record<"POST", () => Promise<JsonApi>>>>;

export function createLeanApi(routes: LeanRoutes, proxyHops = trustedProxyHops()) {
  // Each API is imported once; after that requests use the loaded definition without awaiting it.
  const loaded = new Map<string, JsonApi | Promise<JsonApi>>();
  const apiFor = (path: string, method: string): JsonApi | Promise<JsonApi> | null => {
    const key = method === "POST" ? path : `${method} ${path}`;
    const api = loaded.get(key);
    if (api) return api;
    const load = routes[path]?.[method as "POST"];
    if (!load) return null;
    const p = load();
    loaded.set(key, p);
    p.then((a) => loaded.set(key, a)).catch(() => loaded.delete(key));
    return p;
  };

  /** Handles the request and returns true, or returns false for Next to handle it. */
  return function serveLean(req: IncomingMessage, res: ServerResponse): boolean {
    const url = req.url ?? "/";
    if (!url.startsWith("/api/v1/")) return false;
    const q = url.indexOf("?");
    const path = q < 0 ? url : url.slice(0, q);
    const api = apiFor(path.length > 1 && path.endsWith("/") ? path.slice(0, -1) : path, req.method ?? "GET");
    if (!api) return false;
    if (isPromise(api))
      api.then(
        (a) => respond(req, res, a, proxyHops),
        (e) => unavailable(res, e),
      );
    else respond(req, res, api, proxyHops);
    return true;
  };
}

/** Reads the body, answers and writes the JSON: no promise unless the store or the handler waits. */
function respond(req: IncomingMessage, res: ServerResponse, api: JsonApi, proxyHops: number) {
  readBody(req, api.maxBytes, (err, body) => {
    if (err) return unavailable(res, err);
    try {
      const answer = answerJsonApi(api, { headers: new NodeHeaders(req), body, proxyHops });
      if (isPromise(answer))
        answer.then(
          (a) => send(res, a),
          (e) => unavailable(res, e),
        );
      else send(res, answer);
    } catch (e) {
      unavailable(res, e);
    }
  });
}

/**
 * Answers are written after the event loop's poll phase (setImmediate), not at once: the requests
 * that arrived together are all answered first and their answers leave together, so a client
 * waiting on several of them is woken once. On this 2-core machine, with the load generator beside
 * the server, that doubled the requests per second (`npm run bench -- http`), at no cost in p99.
 */
function send(res: ServerResponse, answer: JsonApiAnswer) {
  setImmediate(write, res, answer);
}

function write(res: ServerResponse, answer: JsonApiAnswer) {
  const out = JSON.stringify(answer.body);
  res.setHeader("content-type", "application/json");
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("cache-control", "no-store");
  if (answer.headers) for (const name in answer.headers) res.setHeader(name, answer.headers[name]);
  res.statusCode = answer.status;
  res.end(out); // Node sets Content-Length for a body given to end()
}

function unavailable(res: ServerResponse, e: unknown) {
  console.error("[api]", e instanceof Error ? e.message : e);
  if (!res.headersSent) res.writeHead(503, { "content-type": "application/json" });
  res.end(JSON.stringify({ error: "service_unavailable", message: "服务暂不可用，请稍后再试。" }));
}

/** Node's headers seen through `get`, with the client address taken from the socket (a client cannot forge it). */
class NodeHeaders implements HeaderReader {
  constructor(private readonly req: IncomingMessage) {}
  get(name: string): string | null {
    if (name === CLIENT_IP_HEADER) return this.req.socket.remoteAddress ?? "unknown";
    const v = this.req.headers[name];
    return v === undefined ? null : Array.isArray(v) ? v.join(", ") : v;
  }
}

/**
 * The body up to `limit` + 1 bytes, event-driven (an async iterator or a promise costs more per
 * request than the rules check); the rest is drained. A declared oversize body is not read.
 */
function readBody(req: IncomingMessage, limit: number, done: (err: Error | null, body: Buffer | null) => void) {
  if (Number(req.headers["content-length"] ?? "0") > limit) {
    req.resume();
    return done(null, null);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let finished = false;
  const finish = (err: Error | null) => {
    if (finished) return;
    finished = true;
    done(err, err ? null : chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
  };
  req.on("data", (chunk: Buffer) => {
    if (finished) return;
    size += chunk.length;
    if (size > limit) {
      chunks.push(chunk.subarray(0, chunk.length - (size - limit - 1)));
      finish(null); // the rest keeps flowing and is dropped
      return;
    }
    chunks.push(chunk);
  });
  req.once("end", () => finish(null));
  req.once("error", (e) => finish(e));
}
