import { defineAction, routeFromAction } from "@/lib/auth/guard";
import { removeDocumentDef, setDocumentCoverageDef, viewDocumentDef } from "@/lib/filings/upload-document";

export const dynamic = "force-dynamic";

/** RFC 6266 / 5987: a Chinese file name survives in every browser. */
function contentDisposition(kind: "inline" | "attachment", name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** The file itself, after the guard checked who may see its filing (and audited the view). */
const viewFileDef = defineAction(viewDocumentDef.opts, async (ctx, input) => {
  const doc = await viewDocumentDef.handler(ctx, input);
  return new Response(Buffer.from(doc.bytes), {
    headers: {
      "Content-Type": doc.mimeType,
      "Content-Length": String(doc.bytes.length),
      "Content-Disposition": contentDisposition(doc.download ? "attachment" : "inline", doc.fileName),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});

export const GET = routeFromAction(viewFileDef, async (req, params) => ({
  documentId: params.id,
  download: new URL(req.url).searchParams.get("download") === "1",
}));

export const DELETE = routeFromAction(removeDocumentDef, async (_req, params) => ({ documentId: params.id }));

/** Who else is listed on an uploaded booklet: JSON { applicationId, coversMemberIds: [...] }. */
export const PATCH = routeFromAction(setDocumentCoverageDef, async (req, params) => {
  const body = (await req.json().catch(() => ({}))) as Record<string, unknown>;
  return { ...body, documentId: params.id };
});
