import { DomainError } from "@/lib/errors";

/** Bytes a multipart form adds around the file (boundaries, the other fields). */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

class BodyTooLarge extends Error {}

/**
 * Reads a multipart/form-data body, never holding more than `maxBytes` of it: a declared
 * Content-Length over the cap is refused before reading; a chunked body is counted as it
 * streams and cut off (source cancelled) the moment it passes the cap — 413, not a buffer of
 * whatever the client sends. Call it only after the session, role and rate limit were checked.
 */
export async function readMultipartForm(req: Request, maxBytes: number, tooLargeMessage: string): Promise<FormData> {
  const type = req.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) throw new DomainError("unsupported_media_type", "请以表单方式上传文件。");
  const tooLarge = () => new DomainError("payload_too_large", tooLargeMessage, { issues: [{ path: "file", message: tooLargeMessage }] });
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge();
  if (!req.body) throw new DomainError("validation_failed", "请选择要上传的文件", { issues: [{ path: "file", message: "请选择要上传的文件" }] });
  const reader = req.body.getReader();
  let size = 0;
  const capped = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) return controller.close();
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return controller.error(new BodyTooLarge());
      }
      controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  try {
    return await new Response(capped, { headers: { "content-type": type } }).formData();
  } catch (e) {
    if (e instanceof BodyTooLarge || size > maxBytes) throw tooLarge();
    throw new DomainError("validation_failed", "上传的表单无法读取，请重新选择文件上传。", { issues: [{ path: "file", message: "上传的表单无法读取" }] });
  }
}
