import { z } from "zod";
import { defineAction } from "@/lib/auth/run-action";
import { submittedFilingWhere } from "@/lib/auth/scope";
import { DomainError, notFound } from "@/lib/errors";
import { countyName } from "@/lib/places";
import { renderPermitPdf } from "./render-permit-pdf";
import { permitPersons } from "./verify-permit";
import { verifyUrl } from "./public-base-url";

export const downloadPermitSchema = z.object({
  applicationId: z.string().trim().min(1).max(64),
  /** Absolute base of the verification link, from PUBLIC_BASE_URL or the request (set by the route). */
  baseUrl: z.url().max(200),
});

/**
 * The permit PDF of an approved filing, for whoever may see the filing (the resident their
 * own, staff in their scope). Rendered on demand from the Permit row written by the clerk's
 * approval, so it always shows the current data; every download is audited.
 */
export const downloadPermitDef = defineAction(
  { roles: ["resident", "clerk", "official", "admin"], action: "permit.download", schema: downloadPermitSchema },
  async (ctx, input) => {
    const app = await ctx.tx.application.findFirst({
      where: submittedFilingWhere(ctx.user, input.applicationId),
      select: {
        id: true,
        reference: true,
        destinationCounty: true,
        permit: { select: { id: true, number: true, verifyCode: true, issuedAt: true, revokedAt: true, persons: true, destinationAddress: true, station: { select: { name: true, address: true, phone: true } } } },
      },
    });
    if (!app || !app.permit) throw notFound("准予迁入证明");
    ctx.audit({ applicationId: app.id, entityType: "permit", entityId: app.permit.id });
    if (app.permit.revokedAt) throw new DomainError("invalid_state", "该准予迁入证明已被撤销，不能下载。");
    const p = app.permit;
    const pdf = await renderPermitPdf({
      number: p.number,
      issuedAt: p.issuedAt,
      reference: app.reference,
      stationName: p.station.name,
      stationAddress: p.station.address,
      stationPhone: p.station.phone,
      destinationCountyName: countyName(app.destinationCounty),
      destinationAddress: p.destinationAddress,
      persons: permitPersons(p.persons),
      verifyUrl: verifyUrl(input.baseUrl, p.number, p.verifyCode),
      verifyCode: p.verifyCode,
    });
    return { number: p.number, pdf };
  },
);
