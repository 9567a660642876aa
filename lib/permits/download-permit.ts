import { DomainError, notFound } from "@/lib/errors";
import { countyName } from "@/lib/places";
import { divisionPath } from "@/lib/divisions/divisions";
import { readAnswers } from "@/lib/filings/filing-answers";
import { getCurrentRuleSet, getRuleSet } from "@/lib/rules/rule-set-service";
import { permitValidityDaysOf } from "@/lib/rules/default-rule-set";
import { renderPermitPdf } from "./render-permit-pdf";
import { permitPersons } from "./verify-permit";
import { verifyUrl } from "./public-base-url";
import { defineFilingDownload, filingDownloadSchema } from "./filing-download";

/** The base URL is the verification link's. */
export const downloadPermitSchema = filingDownloadSchema;

/**
 * The permit PDF of an approved filing, for whoever may see the filing (the resident their
 * own, staff in their scope). Rendered on demand from the Permit row written by the clerk's
 * approval, so it always shows the current data; every download is audited.
 */
export const downloadPermitDef = defineFilingDownload(
  {
    action: "permit.download",
    schema: downloadPermitSchema,
    what: "准予迁入证明",
    select: {
      destinationCounty: true,
      answers: true,
      ruleSetId: true,
      permit: {
        select: {
          id: true,
          number: true,
          verifyCode: true,
          issuedAt: true,
          issuedById: true,
          revokedAt: true,
          persons: true,
          destinationAddress: true,
          station: { select: { name: true, address: true, phone: true } },
        },
      },
    },
  },
  async (ctx, input, app) => {
    if (!app.permit) throw notFound("准予迁入证明");
    ctx.audit({ applicationId: app.id, entityType: "permit", entityId: app.permit.id });
    if (app.permit.revokedAt) throw new DomainError("invalid_state", "该准予迁入证明已被撤销，不能下载。");
    const p = app.permit;
    // The validity period is the time limit of the rule set the filing was judged by.
    const ruleSet = app.ruleSetId ? await getRuleSet(ctx.tx, app.ruleSetId) : await getCurrentRuleSet(ctx.tx);
    const officer = await ctx.tx.user.findUnique({ where: { id: p.issuedById }, select: { realName: true } });
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
      validityDays: permitValidityDaysOf(ruleSet.data.timeLimits),
      originAddress: originAddressOf(app.answers),
      issuingOfficer: officer?.realName ?? null,
    });
    return { number: p.number, pdf };
  },
);

/**
 * The origin hukou address from the filing's answers: the division's names (河南省 三门峡市 渑池县)
 * before the booklet's address, without repeating the names the address already starts with.
 */
export function originAddressOf(answers: unknown): string | null {
  const a = readAnswers(answers).applicant;
  if (!a) return null;
  const address = a.hukouAddress?.trim() ?? "";
  const path = divisionPath(a.hukouRegion);
  const names = [path.province?.name, path.city && path.city.name !== path.province?.name ? path.city.name : undefined, path.county?.name].filter(
    (n): n is string => !!n,
  );
  const plain = address.replace(/\s+/g, "");
  const from = names.findIndex((n) => plain.startsWith(n));
  const prefix = from === -1 ? names : names.slice(0, from);
  return [...prefix, address].filter(Boolean).join(" ") || null;
}
