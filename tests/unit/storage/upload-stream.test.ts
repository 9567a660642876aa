import { describe, expect, it } from "vitest";
import { readMultipartForm } from "@/lib/http/read-multipart";
import { cleanFileName, displayFileName } from "@/lib/filings/upload-document";

const BOUNDARY = "----luohuTestBoundary";

/** A chunked multipart body (no Content-Length) of `fileBytes` bytes, generated as it is read. */
function chunkedUpload(fileBytes: number, chunk = 64 * 1024): Request {
  const enc = new TextEncoder();
  const head = enc.encode(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="docType"\r\n\r\nid_card\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.png"\r\nContent-Type: image/png\r\n\r\n`,
  );
  const tail = enc.encode(`\r\n--${BOUNDARY}--\r\n`);
  let sent = 0;
  let stage = 0;
  const block = new Uint8Array(chunk).fill(0x41);
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      if (stage === 0) return ((stage = 1), c.enqueue(head));
      if (stage === 1) {
        const n = Math.min(chunk, fileBytes - sent);
        if (n > 0) {
          sent += n;
          return c.enqueue(n === chunk ? block : block.subarray(0, n));
        }
        stage = 2;
        return c.enqueue(tail);
      }
      c.close();
    },
  });
  return new Request("http://localhost/api/files", {
    method: "POST",
    body,
    duplex: "half",
    headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
  } as RequestInit);
}

describe("streamed multipart uploads with a byte cap", () => {
  it("a chunked 200 MB body is cut off at the cap (413) and memory stays bounded", async () => {
    const cap = 10 * 1024 * 1024;
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const req = chunkedUpload(200 * 1024 * 1024);
    const err = await readMultipartForm(req, cap, "文件过大").catch((e) => e);
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(err).toMatchObject({ code: "payload_too_large", status: 413 });
    // Stopped at the cap: the source stream was cancelled, not drained.
    const growthMb = (peak - before) / 1024 / 1024;
    console.log(`rss growth during a chunked 200 MB upload (cap 10 MB): ${growthMb.toFixed(1)} MB`);
    expect(growthMb).toBeLessThan(80);
  });

  it("a body within the cap is parsed; a declared length over the cap is refused before reading", async () => {
    const form = await readMultipartForm(chunkedUpload(300_000), 1024 * 1024, "文件过大");
    expect(form.get("docType")).toBe("id_card");
    expect((form.get("file") as File).size).toBe(300_000);
    let read = false;
    const body = new ReadableStream({ pull: () => void (read = true) }, { highWaterMark: 0 });
    const req = new Request("http://localhost/api/files", {
      method: "POST",
      body,
      duplex: "half",
      headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}`, "content-length": String(50 * 1024 * 1024) },
    } as RequestInit);
    await expect(readMultipartForm(req, 1024 * 1024, "文件过大")).rejects.toMatchObject({ code: "payload_too_large" });
    expect(read).toBe(false);
    const notForm = new Request("http://localhost/api/files", { method: "POST", body: "x", headers: { "content-type": "text/plain" } });
    await expect(readMultipartForm(notForm, 1024, "x")).rejects.toMatchObject({ code: "unsupported_media_type" });
  });

  it("stored names take the detected type's extension; control and bidi characters are stripped", () => {
    expect(cleanFileName("身份证正面.pdf", "png")).toBe("身份证正面.png");
    expect(cleanFileName("../../etc/反面.jpg", "jpg")).toBe("反面.jpg");
    expect(cleanFileName("invoice\u202Egpj.exe", "pdf")).toBe("invoicegpj.pdf");
    expect(cleanFileName("a\u0000b\u0007c\u200Fd\u2066e.png", "png")).toBe("abcde.png");
    expect(cleanFileName("\u202E\u0001", "pdf")).toBe("file.pdf");
    expect(cleanFileName("x".repeat(300) + ".jpeg", "jpg")).toHaveLength(100);
    expect(displayFileName("合同\u202Efdp.exe")).toBe("合同fdp.exe");
  });
});
