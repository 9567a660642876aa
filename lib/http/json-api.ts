import { DomainError, isDomainError } from "@/lib/errors";
import { clientIpFromHeaders, type HeaderReader } from "@/lib/http/client-ip";
import { checkRateLimit, type RateLimitRule } from "@/lib/http/rate-limit";
import { isPromise, type MaybePromise } from "@/lib/maybe-promise";
import { jsonNestedDeeperThan } from "@/lib/schemas/text";

/**
 * A public JSON endpoint (/api/v1/*) written once and served two ways: by the Next route
 * (`serveInNext`) and by the lean path before Next's pipeline (lib/http/lean-api.ts, which
 * hands over the raw bytes). Both call `answerJsonApi` with the same call, so the rate limit,
 * the body checks, the status codes and the Chinese messages cannot drift apart. Plain objects
 * in, plain objects out: the lean path skips the Web Request/Response objects, which cost
 * more than the rules check itself (~45 µs of ~100 µs per request, measured).
 */
export type JsonApi = {
  /** For the server log line of an unexpected failure. */
  name: string;
  /** Largest body accepted; the transports read one byte more, so a larger one is answered 413. */
  maxBytes: number;
  rateLimit: RateLimitRule;
  /** May answer at once: the lean path then builds no promise at all (lib/maybe-promise.ts). */
  handle: (body: unknown) => MaybePromise<unknown>;
};

/** What a transport hands over: the request's headers and body bytes (cut at maxBytes + 1). */
export type JsonApiCall = {
  headers: HeaderReader;
  body: Uint8Array | null;
  /** Trusted reverse proxies, when the transport read the setting once (default: read per call). */
  proxyHops?: number;
};
export type JsonApiAnswer = { status: number; body: unknown; headers?: Record<string, string> };

/** Deepest JSON nesting any route accepts (the eligibility request needs 4). */
export const MAX_JSON_DEPTH = 32;

export function defineJsonApi(api: JsonApi): JsonApi {
  return api;
}

/**
 * The answer to one call. Synchronous when the rate-limit store and the handler answer at once
 * (memory store, cached rule set), so the lean path's requests make no promise; a store or a
 * handler that waits makes it a promise. Either way every failure becomes an answer.
 */
export function answerJsonApi(api: JsonApi, call: JsonApiCall): MaybePromise<JsonApiAnswer> {
  try {
    const wait = checkRateLimit(api.rateLimit, clientIpFromHeaders(call.headers, call.proxyHops));
    return isPromise(wait)
      ? wait.then(
          (w) => answerAllowed(api, call, w),
          (e) => failureAnswer(api, e),
        )
      : answerAllowed(api, call, wait);
  } catch (e) {
    return failureAnswer(api, e);
  }
}

function answerAllowed(api: JsonApi, call: JsonApiCall, wait: number | null): MaybePromise<JsonApiAnswer> {
  if (wait) return { status: 429, body: { error: "rate_limited", message: `请求过于频繁，请${wait}秒后再试。` }, headers: { "Retry-After": String(wait) } };
  try {
    const out = api.handle(decodeJsonBody(call.headers, call.body, api.maxBytes));
    return isPromise(out)
      ? out.then(
          (body) => ({ status: 200, body }),
          (e) => failureAnswer(api, e),
        )
      : { status: 200, body: out };
  } catch (e) {
    return failureAnswer(api, e);
  }
}

function failureAnswer(api: JsonApi, e: unknown): JsonApiAnswer {
  if (isDomainError(e)) {
    if (e.code === "validation_failed") return { status: 400, body: { error: "validation_failed", issues: e.issues } };
    if (e.code === "payload_too_large") return { status: 413, body: { error: "payload_too_large", message: e.message } };
    if (e.code === "unsupported_media_type") return { status: 415, body: { error: "unsupported_media_type", message: e.message } };
  }
  // Not the caller's input: the service itself is unavailable.
  console.error(`[${api.name}]`, e instanceof Error ? e.message : e);
  return { status: 503, body: { error: "service_unavailable", message: "服务暂不可用，请稍后再试。" } };
}

/**
 * Checks and parses a JSON body: the content type, the declared and the real size, the nesting
 * depth (counted before parsing: 5,000 levels are refused, not parsed into a stack overflow).
 */
export function decodeJsonBody(headers: HeaderReader, bytes: Uint8Array | null, maxBytes: number, maxDepth = MAX_JSON_DEPTH): unknown {
  const type = (headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json" && !type.endsWith("+json")) {
    throw new DomainError("unsupported_media_type", "请求体必须是 JSON（Content-Type: application/json）。");
  }
  if (Number(headers.get("content-length") ?? "0") > maxBytes || (bytes?.byteLength ?? 0) > maxBytes) {
    throw new DomainError("payload_too_large", `请求体超过 ${Math.round(maxBytes / 1024)} KiB 上限。`);
  }
  // Node's own decoder for its Buffers (the lean path) is faster than TextDecoder and replaces bad
  // bytes the same way; TextDecoder also drops a leading byte-order mark, so that is dropped here too.
  let text = !bytes ? "" : Buffer.isBuffer(bytes) ? bytes.toString("utf8") : utf8.decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (jsonNestedDeeperThan(text, maxDepth)) {
    throw new DomainError("validation_failed", `请求体嵌套层级超过 ${maxDepth} 层。`, { issues: [{ path: "", message: `嵌套层级超过${maxDepth}层` }] });
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new DomainError("validation_failed", "请求体不是有效的 JSON。", { issues: [{ path: "", message: "请求体不是有效的 JSON" }] });
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: false });

/**
 * Reads a Web request's body up to `limit` bytes (streamed: a larger body is cut off, not
 * buffered whole); one byte over the limit is kept so the caller can tell it was too large.
 */
export async function readBodyBytes(req: Request, limit: number): Promise<Uint8Array | null> {
  if (!req.body) return null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    chunks.push(value);
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      break;
    }
  }
  return Buffer.concat(chunks);
}

/** The Next route handler for an API (app/api/v1/<name>/route.ts exports it as POST). */
export function serveInNext(api: JsonApi) {
  return async function POST(req: Request): Promise<Response> {
    const call: JsonApiCall = { headers: req.headers, body: null };
    // A declared oversize body is refused without reading it.
    if (Number(req.headers.get("content-length") ?? "0") <= api.maxBytes) call.body = await readBodyBytes(req, api.maxBytes);
    const answer = await answerJsonApi(api, call);
    return Response.json(answer.body, { status: answer.status, headers: answer.headers });
  };
}
