import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PDFDocument, PDFDict, PDFName, PDFString, PDFArray } from "pdf-lib";
import { createKit, type Kit, testId, error } from "./filing-test-kit";
import { submitFilingDef } from "@/lib/filings/submit-filing";
import { acceptFilingDef } from "@/lib/review/accept-filing";
import { approveFilingDef } from "@/lib/review/approve-filing";
import { downloadPermitDef } from "@/lib/permits/download-permit";
import { renderPermitPdf } from "@/lib/permits/render-permit-pdf";
import { verifyPermit } from "@/lib/permits/verify-permit";
import { originAddressOf } from "@/lib/permits/download-permit";
import { validateRuleSetData } from "@/lib/rules/validate-rule-set";
import { DEFAULT_RULE_SET_DATA, permitValidityDaysOf } from "@/lib/rules/default-rule-set";
import { pdfText } from "../../support/pdf-text";
import { samplePermit } from "../../support/sample-permit";

let kit: Kit;
beforeAll(async () => {
  kit = await createKit();
});
afterAll(async () => kit?.close());

/** The URI of the link annotation over the QR code. */
async function linkUri(pdf: Uint8Array): Promise<string | null> {
  const doc = await PDFDocument.load(pdf);
  const annots = doc.getPage(0).node.lookup(PDFName.of("Annots"), PDFArray);
  const link = annots.lookup(0, PDFDict);
  const action = link.lookup(PDFName.of("A"), PDFDict);
  return (action.lookup(PDFName.of("URI")) as PDFString).decodeText();
}

describe("the permit PDF and its public verification", () => {
  it("renders one A4 page with the CJK font embedded (subset) and a QR link to /verify/<number>", async () => {
    const pdf = await renderPermitPdf(
      samplePermit("ZQ-2026-000099", {
        persons: [
          { name: "张明", idNumber: testId(), relation: "self" },
          { name: "李喆", idNumber: testId("411221", "19920202", "124"), relation: "spouse" },
        ],
      }),
    );
    expect(Buffer.from(pdf.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    expect(pdf.length).toBeLessThan(200_000); // the 7 MB font is subset to the glyphs used
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    expect(doc.getTitle()).toBe("准予迁入证明 ZQ-2026-000099");
    const dicts = doc.context
      .enumerateIndirectObjects()
      .map(([, o]) => o)
      .filter((o): o is PDFDict => o instanceof PDFDict);
    // An embedded TrueType font program: the repository's own CJK font, not a system one.
    const descriptor = dicts.find((d) => d.has(PDFName.of("FontFile2")));
    expect(descriptor?.get(PDFName.of("FontName"))?.toString()).toMatch(/LuohuPermitSansSC/);
    // A ToUnicode map: the Chinese text can be copied and searched.
    expect(dicts.some((d) => d.get(PDFName.of("Subtype"))?.toString() === "/Type0" && d.has(PDFName.of("ToUnicode")))).toBe(true);
    expect(await linkUri(pdf)).toBe("https://luohu.example.cn/verify/ZQ-2026-000099");
  });

  it("approval by the clerk makes the permit downloadable by its resident only; verification shows genuine, masked; revoked and unknown say so", async () => {
    const me = await kit.resident("张明");
    const spouseId = testId("411221", "19920202", "124");
    const id = await kit.residenceDraft(me, [{ relation: "spouse", name: "李芳芳", idNumber: spouseId }]);
    await kit.uploadAll(me, id);
    await kit.run(me, submitFilingDef, { applicationId: id, submitKey: "permit-key-0123456789abc", truthful: "true", voluntary: "true" });
    const base = "http://127.0.0.1:3201";
    // Not yet approved: no permit.
    expect((await error(kit.run(me, downloadPermitDef, { applicationId: id, baseUrl: base }))).code).toBe("not_found");

    const clerk = await kit.clerk("411202-01");
    let v = (await kit.prisma.application.findUniqueOrThrow({ where: { id } })).version;
    await kit.run(clerk, acceptFilingDef, { applicationId: id, version: v });
    v = (await kit.prisma.application.findUniqueOrThrow({ where: { id } })).version;
    const { permitNumber } = await kit.run(clerk, approveFilingDef, { applicationId: id, version: v });

    const out = await kit.run(me, downloadPermitDef, { applicationId: id, baseUrl: base });
    expect(out.number).toBe(permitNumber);
    const { verifyCode } = await kit.prisma.permit.findUniqueOrThrow({ where: { number: permitNumber } });
    // ≥ 80 bits: 24 hex digits = 96 bits, printed in the QR link with the number.
    expect(verifyCode).toMatch(/^[0-9A-F]{24}$/);
    expect(await linkUri(out.pdf)).toBe(`${base}/verify/${permitNumber}?code=${verifyCode}`);
    expect((await PDFDocument.load(out.pdf)).getTitle()).toContain(permitNumber);
    expect(await kit.prisma.auditEvent.count({ where: { action: "permit.download", applicationId: id, actorId: me.id } })).toBe(1);
    // The clerk of the station may download it too; a stranger or another station may not.
    expect((await kit.run(clerk, downloadPermitDef, { applicationId: id, baseUrl: base })).number).toBe(permitNumber);
    const stranger = await kit.resident("旁人");
    expect((await error(kit.run(stranger, downloadPermitDef, { applicationId: id, baseUrl: base }))).code).toBe("not_found");
    expect((await error(kit.run(await kit.clerk("411203-01"), downloadPermitDef, { applicationId: id, baseUrl: base }))).code).toBe("not_found");

    // The number alone (or with a wrong code) discloses nothing about the holders.
    const bare = await verifyPermit(kit.prisma, permitNumber, "");
    expect(bare).toEqual({ state: "unknown", number: permitNumber });
    const wrongCode = await verifyPermit(kit.prisma, permitNumber, "0".repeat(24));
    expect(wrongCode).toEqual({ state: "unknown", number: permitNumber });
    expect(JSON.stringify([bare, wrongCode])).not.toContain("张");
    // Typed in groups, lower case: still the same code.
    const typed = verifyCode.toLowerCase().match(/.{4}/g)!.join("-");
    const ok = await verifyPermit(kit.prisma, permitNumber.toLowerCase(), typed);
    expect(ok.state).toBe("valid");
    if (ok.state === "unknown") throw new Error("unreachable");
    expect(ok.stationName).toContain("前进派出所");
    expect(ok.destinationCountyName).toBe("湖滨区");
    expect(ok.persons.map((p) => p.maskedName)).toEqual(["张*", "李**"]);
    expect(ok.persons[1].maskedIdNumber).toBe(`${spouseId.slice(0, 4)}**********${spouseId.slice(-4)}`);
    expect(JSON.stringify(ok)).not.toContain(spouseId);
    expect(JSON.stringify(ok)).not.toContain("李芳芳");

    await kit.prisma.permit.update({ where: { number: permitNumber }, data: { revokedAt: new Date(), revokeReason: "documents_invalid" } });
    const revoked = await verifyPermit(kit.prisma, permitNumber, verifyCode);
    expect(revoked.state).toBe("revoked");
    expect((await error(kit.run(me, downloadPermitDef, { applicationId: id, baseUrl: base }))).message).toContain("已被撤销");

    expect((await verifyPermit(kit.prisma, "ZQ-2026-999999", verifyCode)).state).toBe("unknown");
    expect((await verifyPermit(kit.prisma, '\'; DROP TABLE "Permit"; --', verifyCode)).state).toBe("unknown");
  });

  it("the downloaded permit names its validity period (rule set), the origin hukou address and the approving officer (issue 13 point 4)", async () => {
    const me = await kit.resident("王磊");
    const id = await kit.residenceDraft(me);
    await kit.uploadAll(me, id);
    await kit.run(me, submitFilingDef, { applicationId: id, submitKey: "permit-key-validity-0123456", truthful: "true", voluntary: "true" });
    const clerk = await kit.clerk("411202-01");
    let v = (await kit.prisma.application.findUniqueOrThrow({ where: { id } })).version;
    await kit.run(clerk, acceptFilingDef, { applicationId: id, version: v });
    v = (await kit.prisma.application.findUniqueOrThrow({ where: { id } })).version;
    await kit.run(clerk, approveFilingDef, { applicationId: id, version: v });
    const out = await kit.run(me, downloadPermitDef, { applicationId: id, baseUrl: "http://127.0.0.1:3201" });
    const text = (await pdfText(out.pdf)).replace(/\s+/g, "");
    const permit = await kit.prisma.permit.findUniqueOrThrow({ where: { number: out.number } });
    const days = permitValidityDaysOf(DEFAULT_RULE_SET_DATA.timeLimits);
    expect(days).toBe(40);
    const until = new Date(permit.issuedAt.getTime() + 8 * 3600_000 + (days - 1) * 86400_000);
    expect(text).toContain(`有效期：${days}日`);
    expect(text).toContain(`至${until.getUTCFullYear()}年${until.getUTCMonth() + 1}月${until.getUTCDate()}日`);
    // The kit's booklet address "渑池县城关镇韶州路1号" (code 411221): the county is not printed twice.
    expect(text).toContain("原户籍地址：河南省三门峡市渑池县城关镇韶州路1号");
    expect(text).toContain(`签发民警：${clerk.realName}`);
  });

  it("the origin address joins the division's name and the booklet's address without repeating it", () => {
    expect(originAddressOf({ applicant: { hukouType: "rural", hukouRegion: "411221", hukouAddress: "城关镇韶州路1号" } })).toBe(
      "河南省 三门峡市 渑池县 城关镇韶州路1号",
    );
    expect(originAddressOf({ applicant: { hukouType: "rural", hukouRegion: "411221", hukouAddress: "河南省三门峡市渑池县城关镇" } })).toBe(
      "河南省三门峡市渑池县城关镇",
    );
    expect(originAddressOf({ applicant: { hukouType: "rural", hukouRegion: "411221", hukouAddress: "渑池县城关镇" } })).toBe("河南省 三门峡市 渑池县城关镇");
    expect(originAddressOf({})).toBeNull();
  });

  it("the validity period is a rule-set time limit: optional in stored sets (default 40 days), checked when given", async () => {
    const old = structuredClone(DEFAULT_RULE_SET_DATA);
    delete old.timeLimits.permitValidityDays;
    expect(validateRuleSetData(old).ok).toBe(true);
    expect(permitValidityDaysOf(old.timeLimits)).toBe(40);
    const bad = structuredClone(DEFAULT_RULE_SET_DATA);
    bad.timeLimits.permitValidityDays = 0;
    expect(validateRuleSetData(bad).ok).toBe(false);
    const pdf = await renderPermitPdf(
      samplePermit("ZQ-2026-000098", {
        reference: null,
        stationPhone: null,
        validityDays: 30,
        originAddress: "河南省 洛阳市 嵩县 城关镇",
        issuingOfficer: "李警官",
      }),
    );
    const text = (await pdfText(pdf)).replace(/\s+/g, "");
    expect(text).toContain("有效期：30日（2026年11月27日至2026年12月26日）");
    expect(text).toContain("原户籍地址：河南省洛阳市嵩县城关镇");
    expect(text).toContain("签发民警：李警官");
  });
});
