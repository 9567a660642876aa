import { defineAction, routeFromAction } from "@/lib/auth/guard";
import { pdfResponse } from "@/lib/http/content-disposition";
import { downloadReceiptDef } from "@/lib/receipts/download-receipt";
import { receiptFileName } from "@/lib/receipts/render-receipt-pdf";
import { publicBaseUrl } from "@/lib/permits/public-base-url";

export const dynamic = "force-dynamic";

/** 申请回执 (?kind=application) or 受理回执 (?kind=acceptance) of a filing, as a printable PDF. */
const receiptPdfDef = defineAction(downloadReceiptDef.opts, async (ctx, input) => {
  const { reference, pdf } = await downloadReceiptDef.handler(ctx, input);
  // inline: opens in the browser's viewer, ready to print
  return pdfResponse(pdf, "inline", receiptFileName(input.kind, reference), `receipt-${input.kind}-${reference}.pdf`);
});

export const GET = routeFromAction(receiptPdfDef, async (req, params) => ({
  applicationId: params.applicationId,
  kind: new URL(req.url).searchParams.get("kind") ?? "application",
  baseUrl: publicBaseUrl(req.headers),
}));
