import { describe, it, expect } from "vitest";
import { DEFAULT_RULE_SET, evaluate, type EligibilityResult, type RuleSet } from "@/lib/rules";
import type { DocumentCode, EligibilityRequestInput } from "@/lib/schemas/eligibility";
import type { CountyCode } from "@/lib/places";
import { applicant, IDENTITY, PRINCIPAL_ID, request } from "./request-fixtures";

const run = (overrides: Parameters<typeof request>[0]) => evaluate(DEFAULT_RULE_SET, request(overrides));
const codes = (r: EligibilityResult) => r.reasons.map((x) => x.code);
const conditionCodes = (r: EligibilityResult) => codes(r).filter((c) => c !== "missing_document");

describe("evaluate: result shape", () => {
  it("returns exactly the fields of the spec's response body", () => {
    const r = run({ channel: "talent", subtype: "college_graduate", documents: [...IDENTITY, "graduation_certificate"] });
    expect(Object.keys(r)).toEqual(["outcome", "channel", "clauses", "missingDocuments", "reasons", "suggestedChannels", "ignoredFacts", "ruleSetVersion"]);
    expect(r).toEqual({
      outcome: "eligible",
      channel: "talent",
      clauses: ["二(一)"],
      missingDocuments: [],
      reasons: [],
      suggestedChannels: [],
      ignoredFacts: [],
      ruleSetVersion: DEFAULT_RULE_SET.version,
    });
  });

  it("reports the version of the rule set it was given", () => {
    const rs: RuleSet = { version: "test-7", data: DEFAULT_RULE_SET.data };
    const r = evaluate(rs, request({ channel: "talent", subtype: "veteran" }));
    expect(r.ruleSetVersion).toBe("test-7");
  });

  it("lists identity first, then the channel's documents, each missing group once (一次性告知)", () => {
    const r = run({ channel: "residence", residence: { tenure: "rented", legal: true } });
    expect(r.outcome).toBe("needs_documents");
    expect(r.missingDocuments).toEqual(["id_card", "hukou_booklet", "rental_contract"]);
    expect(r.reasons.map((x) => [x.code, x.clause])).toEqual([
      ["missing_document", "二"],
      ["missing_document", "二"],
      ["missing_document", "二(二)"],
    ]);
    expect(r.reasons[2].message).toContain("房屋租赁合同");
    expect(r.reasons[2].message).toContain("任选其一");
  });

  it("lists every missing document even when a condition fails", () => {
    const r = run({ channel: "residence", residence: { tenure: "owned", legal: false }, documents: [] });
    expect(r.outcome).toBe("ineligible");
    expect(r.missingDocuments).toEqual(["id_card", "hukou_booklet", "property_certificate"]);
  });

  it("accepts duplicated documents", () => {
    const r = run({ channel: "talent", subtype: "veteran", documents: ["id_card", "id_card", "hukou_booklet", "discharge_certificate"] });
    expect(r.outcome).toBe("eligible");
  });
});

describe("evaluate: talent — 二(一)", () => {
  const cases: Array<[string, DocumentCode]> = [
    ["college_graduate", "graduation_certificate"],
    ["vocational_graduate", "graduation_certificate"],
    ["skilled_worker", "skill_certificate"],
    ["veteran", "discharge_certificate"],
    ["returned_overseas", "overseas_degree_certification"],
  ];

  it.each(cases)("%s with %s and identity → eligible", (subtype, doc) => {
    const r = run({ channel: "talent", subtype: subtype as EligibilityRequestInput["subtype"], documents: [...IDENTITY, doc] });
    expect(r).toMatchObject({ outcome: "eligible", clauses: ["二(一)"], missingDocuments: [], reasons: [], suggestedChannels: [] });
  });

  it.each(cases)("%s without %s → needs_documents listing it", (subtype, doc) => {
    const r = run({ channel: "talent", subtype: subtype as EligibilityRequestInput["subtype"], documents: [...IDENTITY] });
    expect(r.outcome).toBe("needs_documents");
    expect(r.missingDocuments).toEqual([doc]);
    expect(r.reasons).toEqual([{ code: "missing_document", clause: "二(一)", message: expect.any(String) }]);
  });

  it.each(cases)("%s with no documents → identity and %s all listed", (subtype, doc) => {
    const r = run({ channel: "talent", subtype: subtype as EligibilityRequestInput["subtype"] });
    expect(r.missingDocuments).toEqual(["id_card", "hukou_booklet", doc]);
  });

  it("needs no job and no residence (先落户后就业)", () => {
    const docs = [...IDENTITY, "graduation_certificate"] as const;
    const base = run({ channel: "talent", subtype: "college_graduate", documents: [...docs] });
    const jobless = run({ channel: "talent", subtype: "college_graduate", documents: [...docs], employment: { employed: false } });
    const illegalHome = run({ channel: "talent", subtype: "college_graduate", documents: [...docs], residence: { legal: false } });
    expect(jobless).toEqual(base);
    expect(illegalHome).toEqual(base);
    expect(base.outcome).toBe("eligible");
  });

  it("does not take another subtype's evidence", () => {
    const r = run({ channel: "talent", subtype: "skilled_worker", documents: [...IDENTITY, "graduation_certificate"] });
    expect(r.missingDocuments).toEqual(["skill_certificate"]);
  });
});

describe("evaluate: rural students — 二(一)", () => {
  const cases: Array<[string, DocumentCode, string, string[]]> = [
    ["enrollment", "admission_letter", "rural_student_rural_hukou", []],
    ["after_graduation", "graduation_certificate", "rural_student_graduate_rural_hukou", ["talent"]],
    ["urban_registration_at_origin", "admission_letter", "rural_student_origin_rural_hukou", []],
  ];

  it.each(cases)("%s, rural hukou, with %s → eligible", (subtype, doc) => {
    const r = run({ channel: "rural_student", subtype: subtype as EligibilityRequestInput["subtype"], documents: [...IDENTITY, doc] });
    expect(r).toMatchObject({ outcome: "eligible", clauses: ["二(一)"], reasons: [] });
  });

  it.each(cases)("%s, rural hukou, without %s → needs_documents", (subtype, doc) => {
    const r = run({ channel: "rural_student", subtype: subtype as EligibilityRequestInput["subtype"], documents: [...IDENTITY] });
    expect(r.outcome).toBe("needs_documents");
    expect(r.missingDocuments).toEqual([doc]);
  });

  it.each(cases)("%s with urban hukou → ineligible (%s), suggestions %j", (subtype, doc, code, suggested) => {
    const r = evaluate(
      DEFAULT_RULE_SET,
      request({ channel: "rural_student", subtype: subtype as EligibilityRequestInput["subtype"], applicant: applicant("urban"), documents: [] }),
    );
    expect(r.outcome).toBe("ineligible");
    expect(conditionCodes(r)).toEqual([code]);
    expect(r.clauses).toEqual(["二(一)"]);
    expect(r.suggestedChannels).toEqual(suggested);
    expect(r.missingDocuments).toEqual(["id_card", "hukou_booklet", doc]);
  });
});

describe("evaluate: stable legal residence — 二(二)", () => {
  const tenureDoc: Array<[string, DocumentCode]> = [
    ["owned", "property_certificate"],
    ["rented", "rental_contract"],
    ["employer_housing", "employer_housing_certificate"],
  ];
  const anyResidenceDoc: DocumentCode[] = ["property_certificate", "rental_contract", "employer_housing_certificate"];

  it.each(tenureDoc)("tenure %s without evidence → needs_documents, %s listed first", (tenure, doc) => {
    const r = run({ channel: "residence", residence: { tenure: tenure as "owned", legal: true, address: "湖滨区崤山路1号" }, documents: [...IDENTITY] });
    expect(r.outcome).toBe("needs_documents");
    expect(r.missingDocuments).toEqual([doc]);
    expect(r.clauses).toEqual(["二(二)"]);
  });

  // Every alternative satisfies every tenure: a rented home counts exactly like an owned one.
  const matrix = tenureDoc.flatMap(([tenure]) => anyResidenceDoc.map((doc) => [tenure, doc] as const));
  it.each(matrix)("tenure %s with %s → eligible", (tenure, doc) => {
    const r = run({ channel: "residence", residence: { tenure: tenure as "owned", legal: true }, documents: [...IDENTITY, doc] });
    expect(r).toMatchObject({ outcome: "eligible", missingDocuments: [], reasons: [] });
  });

  it.each(anyResidenceDoc)("no tenure given, %s → eligible", (doc) => {
    const r = run({ channel: "residence", residence: { legal: true }, documents: [...IDENTITY, doc] });
    expect(r.outcome).toBe("eligible");
  });

  it("no tenure given and no evidence → the first alternative is listed", () => {
    const r = run({ channel: "residence", residence: { legal: true }, documents: [...IDENTITY] });
    expect(r.missingDocuments).toEqual(["property_certificate"]);
    expect(r.reasons[0].message).toContain("房屋租赁合同");
  });

  it("an illegal residence (e.g. illegal building) → ineligible, residence_legal", () => {
    const r = run({ channel: "residence", residence: { tenure: "rented", legal: false }, documents: [...IDENTITY, "rental_contract"] });
    expect(r.outcome).toBe("ineligible");
    expect(r.reasons).toEqual([{ code: "residence_legal", clause: "二(二)", message: expect.stringContaining("合法住所") }]);
    expect(r.suggestedChannels).toEqual([]);
  });

  it("no residence described → ineligible with one clear reason", () => {
    const r = run({ channel: "residence", documents: [...IDENTITY, "rental_contract"] });
    expect(r.outcome).toBe("ineligible");
    expect(conditionCodes(r)).toEqual(["residence_described"]);
    expect(r.reasons[0].message).toContain("未填写住所信息");
  });

  it("needs no job", () => {
    const docs: DocumentCode[] = [...IDENTITY, "rental_contract"];
    const withJob = run({ channel: "residence", residence: { tenure: "rented", legal: true }, employment: { employed: true }, documents: docs });
    const jobless = run({ channel: "residence", residence: { tenure: "rented", legal: true }, employment: { employed: false }, documents: docs });
    expect(jobless).toEqual(withJob);
  });
});

describe("evaluate: family — 二(二)", () => {
  const principal = (relation: "spouse" | "child" | "parent" | "other", extra: Partial<{ livesTogether: boolean; hasHukouAtDestination: boolean }> = {}) => ({
    idNumber: PRINCIPAL_ID,
    relation,
    livesTogether: true,
    hasHukouAtDestination: true,
    ...extra,
  });
  const relationDocs: Array<["spouse" | "child" | "parent" | "other", DocumentCode[]]> = [
    ["spouse", ["marriage_certificate"]],
    ["child", ["birth_certificate", "relationship_proof"]],
    ["parent", ["relationship_proof"]],
    ["other", ["relationship_proof"]],
  ];

  const each = relationDocs.flatMap(([rel, docs]) => docs.map((d) => [rel, d] as const));
  it.each(each)("%s with %s → eligible", (relation, doc) => {
    const r = run({ channel: "family", principal: principal(relation), documents: [...IDENTITY, doc, "principal_hukou_booklet"] });
    expect(r).toMatchObject({ outcome: "eligible", clauses: ["二(二)"], reasons: [] });
  });

  it.each(relationDocs)("%s without evidence → needs_documents, first alternative listed", (relation, docs) => {
    const r = run({ channel: "family", principal: principal(relation), documents: [...IDENTITY, "principal_hukou_booklet"] });
    expect(r.outcome).toBe("needs_documents");
    expect(r.missingDocuments).toEqual([docs[0]]);
  });

  it("a spouse cannot use a relationship proof instead of the marriage certificate", () => {
    const r = run({ channel: "family", principal: principal("spouse"), documents: [...IDENTITY, "relationship_proof", "principal_hukou_booklet"] });
    expect(r.missingDocuments).toEqual(["marriage_certificate"]);
  });

  it("not living together → ineligible", () => {
    const r = run({ channel: "family", principal: principal("parent", { livesTogether: false }), documents: [...IDENTITY, "relationship_proof"] });
    expect(r.outcome).toBe("ineligible");
    expect(conditionCodes(r)).toEqual(["family_lives_together"]);
    expect(r.clauses).toEqual(["二(二)"]);
  });

  it("principal with neither hukou nor a legal residence at the destination → ineligible, suggests a household filing via residence", () => {
    const r = run({ channel: "family", principal: principal("child", { hasHukouAtDestination: false }), documents: [...IDENTITY, "birth_certificate"] });
    expect(r.outcome).toBe("ineligible");
    expect(conditionCodes(r)).toEqual(["family_principal_tie"]);
    expect(r.suggestedChannels).toEqual(["residence"]);
  });

  it("both conditions failing → both reasons", () => {
    const r = run({ channel: "family", principal: principal("spouse", { livesTogether: false, hasHukouAtDestination: false }) });
    expect(conditionCodes(r)).toEqual(["family_lives_together", "family_principal_tie"]);
    // No hukou there: the tie would be the shared home's evidence (no residence described → the first alternative).
    expect(r.missingDocuments).toEqual(["id_card", "hukou_booklet", "marriage_certificate", "property_certificate"]);
  });

  it("no principal → ineligible, one reason, relationship proof listed", () => {
    const r = run({ channel: "family", documents: [...IDENTITY] });
    expect(r.outcome).toBe("ineligible");
    expect(conditionCodes(r)).toEqual(["family_principal_described"]);
    expect(r.missingDocuments).toEqual(["relationship_proof"]);
  });
});

describe("evaluate: community collective household — 二(三)", () => {
  const ok = {
    channel: "collective" as const,
    destinationCounty: "411203" as CountyCode,
    employment: { employed: true, workCounty: "411203" as CountyCode, employerHasCollectiveHousehold: false },
    hasDirectRelativeToJoin: false,
    documents: [...IDENTITY, "employment_contract" as const],
  };

  it("all conditions hold and the contract is given → eligible", () => {
    expect(run(ok)).toMatchObject({ outcome: "eligible", clauses: ["二(三)"], reasons: [], suggestedChannels: [] });
  });

  it("without the employment contract → needs_documents", () => {
    const r = run({ ...ok, documents: [...IDENTITY] });
    expect(r.outcome).toBe("needs_documents");
    expect(r.missingDocuments).toEqual(["employment_contract"]);
  });

  it("absent answers to the 'no …' questions count as 'no'", () => {
    const r = run({ ...ok, hasDirectRelativeToJoin: undefined, employment: { employed: true } });
    expect(r.outcome).toBe("eligible");
  });

  it("an illegal residence does not count as a stable legal residence", () => {
    expect(run({ ...ok, residence: { tenure: "rented", legal: false } }).outcome).toBe("eligible");
  });

  const failing: Array<[string, Partial<typeof ok> & Record<string, unknown>, string, string[]]> = [
    ["a rented legal residence", { residence: { tenure: "rented", legal: true } }, "collective_no_legal_residence", ["residence"]],
    ["an owned legal residence", { residence: { tenure: "owned", legal: true } }, "collective_no_legal_residence", ["residence"]],
    ["a direct relative to join", { hasDirectRelativeToJoin: true }, "collective_no_direct_relative", ["family"]],
    [
      "an employer with a collective household",
      { employment: { employed: true, workCounty: "411203", employerHasCollectiveHousehold: true } },
      "collective_no_employer_household",
      [],
    ],
    ["no job", { employment: { employed: false, workCounty: "411203", employerHasCollectiveHousehold: false } }, "collective_employed", []],
    ["no employment described", { employment: undefined }, "collective_employed", []],
    [
      "work in another county than the destination",
      { employment: { employed: true, workCounty: "411282", employerHasCollectiveHousehold: false } },
      "collective_at_place_of_employment",
      [],
    ],
  ];

  it.each(failing)("with %s → ineligible (%s), suggests %j", (_label, change, code, suggested) => {
    const r = run({ ...ok, ...change } as Parameters<typeof request>[0]);
    expect(r.outcome).toBe("ineligible");
    expect(conditionCodes(r)).toEqual([code]);
    expect(r.clauses).toEqual(["二(三)"]);
    expect(r.suggestedChannels).toEqual(suggested);
    expect(r.missingDocuments).toEqual([]);
  });

  it("names the employer's collective household in the reason", () => {
    const r = run({ ...ok, employment: { employed: true, workCounty: "411203", employerHasCollectiveHousehold: true } });
    expect(r.reasons[0].message).toContain("单位集体户");
  });

  it("tells them to file at the county of employment", () => {
    const r = run({ ...ok, employment: { employed: true, workCounty: "411282", employerHasCollectiveHousehold: false } });
    expect(r.reasons[0].message).toContain("灵宝市");
    expect(r.reasons[0].message).not.toContain("{");
  });

  it("several failures → every reason, suggestions once each in condition order", () => {
    const r = run({
      ...ok,
      residence: { tenure: "rented", legal: true },
      hasDirectRelativeToJoin: true,
      employment: { employed: true, workCounty: "411203", employerHasCollectiveHousehold: true },
      documents: [],
    });
    expect(conditionCodes(r)).toEqual(["collective_no_legal_residence", "collective_no_direct_relative", "collective_no_employer_household"]);
    expect(r.suggestedChannels).toEqual(["residence", "family"]);
    expect(r.missingDocuments).toEqual(["id_card", "hukou_booklet", "employment_contract"]);
  });
});

describe("evaluate: the rule set is data", () => {
  it("applies a document group added by an administrator", () => {
    const data = structuredClone(DEFAULT_RULE_SET.data);
    data.channels.collective.documents.push({ alternatives: ["relationship_proof"], clause: "二(三)" });
    const r = evaluate(
      { version: "v2", data },
      request({ channel: "collective", employment: { employed: true }, documents: [...IDENTITY, "employment_contract"] }),
    );
    expect(r.missingDocuments).toEqual(["relationship_proof"]);
    expect(r.ruleSetVersion).toBe("v2");
  });

  it("refuses to half-apply a rule set that names an unknown condition", () => {
    const data = structuredClone(DEFAULT_RULE_SET.data);
    data.channels.talent.conditions.push("no_such_condition");
    expect(() => evaluate({ version: "broken", data }, request({ channel: "talent", subtype: "veteran" }))).toThrow(/no_such_condition/);
  });
});
