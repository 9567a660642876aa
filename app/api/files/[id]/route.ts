import { defineAction, routeFromAction } from "@/lib/auth/guard";
import { contentDisposition } from "@/lib/http/content-disposition";
import { displayFileName, removeDocumentDef, setDocumentCoverageDef, viewDocumentDef } from "@/lib/filings/upload-document";

export const dynamic = "force-dynamic";

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
      "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", displayFileName(doc.fileName) || "file"),
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
