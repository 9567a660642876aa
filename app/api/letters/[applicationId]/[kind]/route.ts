import { defineAction, routeFromAction } from "@/lib/auth/guard";
import { pdfResponse } from "@/lib/http/content-disposition";
import { printLetterDef } from "@/lib/review/print-letter";

export const dynamic = "force-dynamic";

/** A filing's letter as a PDF: /api/letters/<id>/refusal (不予批准决定书) or /supplement (补正告知书). */
const letterPdfDef = defineAction(printLetterDef.opts, async (ctx, input) => {
  const { pdf, fileName, asciiName } = await printLetterDef.handler(ctx, input);
  return pdfResponse(pdf, "inline", fileName, asciiName);
});

export const GET = routeFromAction(letterPdfDef, async (_req, params) => ({ applicationId: params.applicationId, kind: params.kind }));
