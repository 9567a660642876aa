/**
 * The one Content-Disposition header (RFC 6266 / 5987): the real (Chinese) file name in
 * `filename*`, and a printable-ASCII fallback in `filename` for old browsers. Quotes,
 * backslashes and anything outside printable ASCII never reach the quoted fallback.
 */
export function contentDisposition(kind: "inline" | "attachment", fileName: string, asciiName: string = fileName): string {
  const ascii = asciiName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** A generated PDF (letter, receipt, permit) as a private, never-cached response. */
export function pdfResponse(pdf: Uint8Array, kind: "inline" | "attachment", fileName: string, asciiName: string): Response {
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(pdf.length),
      "Content-Disposition": contentDisposition(kind, fileName, asciiName),
      "Cache-Control": "private, no-store",
    },
  });
}
