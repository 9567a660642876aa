import { DomainError } from "@/lib/errors";
import { jsonTextDepth } from "@/lib/schemas/text";

/** Deepest JSON nesting any route accepts (the eligibility request needs 4). */
export const MAX_JSON_DEPTH = 32;

/**
 * Reads a JSON request body with a hard size cap, checking the content type first.
 * Streams the body so an oversized one is cut off instead of buffered whole.
 */
export async function readJsonBody(req: Request, maxBytes: number, maxDepth = MAX_JSON_DEPTH): Promise<unknown> {
  const type = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json" && !type.endsWith("+json")) {
    throw new DomainError("unsupported_media_type", "请求体必须是 JSON（Content-Type: application/json）。");
  }
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
  // Counted before parsing: a 5,000-level nesting is refused, not parsed and validated into a stack overflow.
  if (jsonTextDepth(text, maxDepth) > maxDepth) {
    throw new DomainError("validation_failed", `请求体嵌套层级超过 ${maxDepth} 层。`, { issues: [{ path: "", message: `嵌套层级超过${maxDepth}层` }] });
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new DomainError("validation_failed", "请求体不是有效的 JSON。", { issues: [{ path: "", message: "请求体不是有效的 JSON" }] });
  }
}

const tooLarge = (max: number) => new DomainError("payload_too_large", `请求体超过 ${Math.round(max / 1024)} KiB 上限。`);
