import { defineAction, routeFromAction } from "@/lib/auth/guard";
import { pdfResponse } from "@/lib/http/content-disposition";
import { downloadPermitDef } from "@/lib/permits/download-permit";
import { permitFileName } from "@/lib/permits/render-permit-pdf";
import { publicBaseUrl } from "@/lib/permits/public-base-url";

export const dynamic = "force-dynamic";

/** The permit PDF (准予迁入证明) of an approved filing, with its QR code to /verify/<number>. */
const permitPdfDef = defineAction(downloadPermitDef.opts, async (ctx, input) => {
  const { number, pdf } = await downloadPermitDef.handler(ctx, input);
  return pdfResponse(pdf, "attachment", permitFileName(number), `permit-${number}.pdf`);
});

export const GET = routeFromAction(permitPdfDef, async (req, params) => ({ applicationId: params.applicationId, baseUrl: publicBaseUrl(req.headers) }));
