import { defineAction, routeFromAction } from "@/lib/auth/guard";
import { displayFileName, removeDocumentDef, setDocumentCoverageDef, viewDocumentDef } from "@/lib/filings/upload-document";

export const dynamic = "force-dynamic";

/** RFC 6266 / 5987: a Chinese file name survives in every browser; control and bidi characters never reach it. */
function contentDisposition(kind: "inline" | "attachment", rawName: string): string {
  const name = displayFileName(rawName) || "file";
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Shown inside the page only for the document viewer (?view=inline), and only images and PDFs. */
const INLINE_TYPES = new Set(["image/jpeg", "image/png", "application/pdf"]);

/**
 * The file itself, after the guard checked who may see its filing (and audited the view).
 * A download (attachment) by default; sandboxed and never sniffed either way.
 */
const viewFileDef = defineAction(viewDocumentDef.opts, async (ctx, input) => {
  const doc = await viewDocumentDef.handler(ctx, input);
  const inline = !doc.download && INLINE_TYPES.has(doc.mimeType);
  return new Response(Buffer.from(doc.bytes), {
    headers: {
      "Content-Type": doc.mimeType,
      "Content-Length": String(doc.bytes.length),
      "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", doc.fileName),
      "Content-Security-Policy": "sandbox",
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});

export const GET = routeFromAction(viewFileDef, async (req, params) => ({
  documentId: params.id,
  download: new URL(req.url).searchParams.get("view") !== "inline",
}));

export const DELETE = routeFromAction(removeDocumentDef, async (_req, params) => ({ documentId: params.id }));

/** Who else is listed on an uploaded booklet: JSON { applicationId, coversMemberIds: [...] }. */
export const PATCH = routeFromAction(setDocumentCoverageDef, async (req, params) => {
  const body = (await req.json().catch(() => ({}))) as Record<string, unknown>;
  return { ...body, documentId: params.id };
});
