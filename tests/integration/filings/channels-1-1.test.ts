import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKit, type Kit, testId, error } from "./filing-test-kit";
import { saveMemberDef } from "@/lib/filings/household-members";
import { saveApplicantDef, saveDestinationDef, saveFamilyDetailsDef } from "@/lib/filings/save-draft-steps";
import { startFilingDef } from "@/lib/filings/start-filing";
import { answerSummary } from "@/lib/review/answer-summary";

/** Issue 11 / eligibility API 1.1 in the filing journey (real database). */

let kit: Kit;
beforeAll(async () => {
  kit = await createKit();
});
afterAll(async () => kit?.close());

const childBorn = () => `${new Date().getUTCFullYear() - 8}0601`;

describe("a household of four on a rented home", () => {
  it("the child of 8 needs no ID card; the family members need no booklet of the principal (the applicant settles in the same filing)", async () => {
    const me = await kit.resident("刘洋");
    const id = await kit.residenceDraft(me, [
      { relation: "spouse", name: "刘妻", idNumber: testId("411221", "19910303", "222") },
      { relation: "child", name: "刘小", idNumber: testId("411221", childBorn(), "331") },
      { relation: "parent", name: "刘父", idNumber: testId("411221", "19620202", "111") },
    ]);
    const list = await kit.checklist(id);
    const slots = Object.fromEntries(list.persons.map((p) => [p.name, p.slots.map((s) => s.code)]));
    expect(slots["刘小"]).toEqual(["hukou_booklet", "birth_certificate"]);
    expect(slots["刘妻"]).toEqual(["id_card", "hukou_booklet", "marriage_certificate"]);
    expect(slots["刘父"]).toEqual(["id_card", "hukou_booklet", "relationship_proof"]);
    expect(list.persons.flatMap((p) => p.slots.map((s) => s.code))).not.toContain("principal_hukou_booklet");
  });
});

describe("household members are plausible", () => {
  it("refuses a parent born after the applicant, a child born before them, and a second spouse — with clear messages", async () => {
    const me = await kit.resident("赵强");
    const id = await kit.residenceDraft(me);
    const parent = await error(
      kit.run(me, saveMemberDef, { applicationId: id, relation: "parent", name: "赵父", idNumber: testId("411221", "19970101", "111") }),
    );
    expect(parent.code).toBe("validation_failed");
    expect(parent.message).toContain("父母的出生日期");
    expect(parent.issues?.[0]?.path).toBe("idNumber");
    const child = await error(
      kit.run(me, saveMemberDef, { applicationId: id, relation: "child", name: "赵子", idNumber: testId("411221", "19850101", "333") }),
    );
    expect(child.message).toContain("子女的出生日期");
    await kit.run(me, saveMemberDef, { applicationId: id, relation: "spouse", name: "赵妻", idNumber: testId("411221", "19910101", "222") });
    const second = await error(
      kit.run(me, saveMemberDef, { applicationId: id, relation: "spouse", name: "另一配偶", idNumber: testId("411221", "19920101", "224") }),
    );
    expect(second.message).toContain("配偶");
    expect(await kit.prisma.householdMember.count({ where: { applicationId: id } })).toBe(2);
  });
});

describe("family filing joining a principal with a rented home (二(二), 1.1)", () => {
  async function familyDraft(details: Record<string, string>) {
    const me = await kit.resident("孙敏");
    const { applicationId } = await kit.run(me, startFilingDef, { channel: "family" });
    await kit.run(me, saveApplicantDef, { applicationId, hukouType: "rural", hukouRegion: "411221", hukouAddress: "渑池县城关镇" });
    const st = kit.stations.get("411202-01")!;
    await kit.run(me, saveDestinationDef, { applicationId, county: st.countyCode, address: "湖滨区崤山路88号院3号楼501室", stationId: st.id });
    const res = kit.run(me, saveFamilyDetailsDef, {
      applicationId,
      principalName: "孙夫",
      principalIdNumber: testId("410323", "19880808", "551"),
      relation: "spouse",
      livesTogether: "true",
      ...details,
    });
    return { me, applicationId, res };
  }

  it("asks for the shared home and lists its evidence as the principal's tie; the clerk sees it", async () => {
    const { applicationId, res } = await familyDraft({
      hasHukouAtDestination: "false",
      hasLegalResidenceAtDestination: "true",
      homeTenure: "rented",
      homeLegal: "true",
    });
    await res;
    const list = await kit.checklist(applicationId);
    expect(list.persons[0].outcome).not.toBe("ineligible");
    expect(list.persons[0].slots.map((s) => s.code)).toEqual(["id_card", "hukou_booklet", "marriage_certificate", "rental_contract"]);
    const draft = await kit.loadDraft(applicationId);
    const summary = answerSummary(draft.answers);
    expect(summary).toContainEqual({ label: "共同居住的住所是投靠人在落户地的合法稳定住所", value: "是" });
    expect(summary.find((l) => l.label === "投靠人与落户地的联系须证明")?.value).toContain("房屋租赁合同");
  });

  it("the hukou path asks for the principal's booklet", async () => {
    const { applicationId, res } = await familyDraft({ hasHukouAtDestination: "true" });
    await res;
    const list = await kit.checklist(applicationId);
    expect(list.persons[0].slots.map((s) => s.code)).toEqual(["id_card", "hukou_booklet", "marriage_certificate", "principal_hukou_booklet"]);
  });

  it("without hukou there, the form asks about the shared home", async () => {
    const { res } = await familyDraft({ hasHukouAtDestination: "false", hasLegalResidenceAtDestination: "true" });
    const e = await error(res);
    expect(e.issues?.map((i) => i.path).sort()).toEqual(["homeLegal", "homeTenure"]);
    const { res: res2 } = await familyDraft({ hasHukouAtDestination: "false" });
    expect((await error(res2)).issues?.map((i) => i.path)).toEqual(["hasLegalResidenceAtDestination"]);
  });
});

describe("one booklet, many people", () => {
  it("one upload covers everyone ticked on it; the checklist and the clerk's panel count it for each; only a booklet may be shared", async () => {
    const { uploadDocumentDef, setDocumentCoverageDef } = await import("@/lib/filings/upload-document");
    const { buildRulesPanel } = await import("@/lib/rules/rules-panel");
    const { DEFAULT_RULE_SET } = await import("@/lib/rules/default-rule-set");
    const { file, PDF } = await import("./filing-test-kit");
    const me = await kit.resident("周杰");
    const id = await kit.residenceDraft(me, [
      { relation: "spouse", name: "周妻", idNumber: testId("411221", "19910303", "222") },
      { relation: "child", name: "周小", idNumber: testId("411221", childBorn(), "331") },
      { relation: "parent", name: "周父", idNumber: testId("411221", "19620202", "111") },
    ]);
    const draft = await kit.loadDraft(id);
    const byName = Object.fromEntries(draft.members.map((m) => [m.name, m.id]));
    const self = draft.members.find((m) => m.relation === "self")!;
    const others = draft.members.filter((m) => m.relation !== "self").map((m) => m.id);

    const refused = await error(
      kit.run(me, uploadDocumentDef, {
        applicationId: id,
        memberId: self.id,
        docType: "rental_contract",
        coversMemberIds: others,
        file: file(PDF, "contract.pdf"),
      }),
    );
    expect(refused.code).toBe("validation_failed");

    const booklet = await kit.run(me, uploadDocumentDef, {
      applicationId: id,
      memberId: self.id,
      docType: "hukou_booklet",
      coversMemberIds: others,
      file: file(PDF, "booklet.pdf"),
    });
    const list = await kit.checklist(id);
    for (const p of list.persons) expect(p.slots.find((s) => s.code === "hukou_booklet")?.satisfied, p.name).toBe(true);
    expect(await kit.prisma.document.count({ where: { applicationId: id, docType: "hukou_booklet" } })).toBe(1);

    const loaded = await kit.loadDraft(id);
    const panel = buildRulesPanel(
      DEFAULT_RULE_SET,
      { ...loaded, channel: loaded.channel, destinationCounty: loaded.destinationCounty!, applicantName: "周杰", applicantIdNumber: self.idNumber },
      loaded.members,
      loaded.documents,
    );
    for (const p of panel.persons) expect(p.present.map((d) => d.docType)).toContain("hukou_booklet");
    expect(panel.missingItems.filter((m) => m.code === "hukou_booklet")).toEqual([]);

    // The resident unticks the parent: the parent's booklet is missing again.
    await kit.run(me, setDocumentCoverageDef, { applicationId: id, documentId: booklet.id, coversMemberIds: [byName["周妻"], byName["周小"]] });
    const after = await kit.checklist(id);
    expect(after.persons.find((p) => p.name === "周父")?.slots.find((s) => s.code === "hukou_booklet")?.satisfied).toBe(false);
    expect(after.persons.find((p) => p.name === "周小")?.slots.find((s) => s.code === "hukou_booklet")?.satisfied).toBe(true);

    // Everything else uploaded: the household of four submits with one booklet and no ID card for the child.
    await kit.run(me, setDocumentCoverageDef, { applicationId: id, documentId: booklet.id, coversMemberIds: others });
    await kit.uploadAll(me, id);
    const final = await kit.loadDraft(id);
    expect(final.documents.filter((d) => d.docType === "hukou_booklet")).toHaveLength(1);
    expect(final.documents.filter((d) => d.docType === "id_card")).toHaveLength(3);
    expect((await kit.checklist(id)).complete).toBe(true);
  });
});
