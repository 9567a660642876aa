import { describe, it, expect } from "vitest";
import { DEFAULT_RULE_SET, evaluate, validateRuleSetData, ageOn, type EligibilityResult, type RuleSet, type RuleSetData } from "@/lib/rules";
import { DOCUMENT_CODES, eligibilityRequestSchema, todayInChinaIso, type DocumentCode, type EligibilityRequestInput } from "@/lib/schemas/eligibility";
import { formatZodIssues } from "@/lib/errors";
import { makeIdNumber } from "@/lib/schemas/id-number";
import { IDENTITY, PRINCIPAL_ID, prng, request } from "./request-fixtures";

/** Eligibility API 1.1 (docs/api/eligibility-api.md, 2026-11-30): every point of the version. */

const TODAY = "2026-11-30";
const run = (overrides: Parameters<typeof request>[0], today = TODAY) => evaluate(DEFAULT_RULE_SET, request(overrides), { today });
const conditionCodes = (r: EligibilityResult) => r.reasons.map((x) => x.code).filter((c) => c !== "missing_document");
const idBornOn = (ymd: string) => makeIdNumber(`411202${ymd.replaceAll("-", "")}123`);
const applicantBorn = (ymd: string) => ({ idNumber: idBornOn(ymd), name: "小明", hukouType: "rural" as const, hukouRegion: "410323" });
const parseIssues = (body: unknown) => {
  const r = eligibilityRequestSchema.safeParse(body);
  return r.success ? [] : formatZodIssues(r.error);
};

describe("1.1 applicant: idNumber and name optional, birthDate", () => {
  it("a request without idNumber and name is valid and judged", () => {
    const r = run({
      channel: "talent",
      subtype: "veteran",
      applicant: { hukouType: "urban", hukouRegion: "410323" },
      documents: [...IDENTITY, "discharge_certificate"],
    });
    expect(r.outcome).toBe("eligible");
  });

  it("without idNumber and birthDate the age is unknown: id_card stays required", () => {
    const r = run({
      channel: "talent",
      subtype: "veteran",
      applicant: { hukouType: "urban", hukouRegion: "410323" },
      documents: ["hukou_booklet", "discharge_certificate"],
    });
    expect(r.missingDocuments).toEqual(["id_card"]);
  });

  it("birthDate is used when idNumber is absent: a child of 8 needs no id_card", () => {
    const r = run({
      channel: "residence",
      applicant: { birthDate: "2018-05-01", hukouType: "rural", hukouRegion: "410323" },
      residence: { tenure: "rented", legal: true },
      documents: ["hukou_booklet", "rental_contract"],
    });
    expect(r).toMatchObject({ outcome: "eligible", missingDocuments: [] });
  });

  it("birthDate is ignored when idNumber is given (and agrees)", () => {
    const body = { applicant: { ...applicantBorn("1990-01-01"), birthDate: "1990-01-01" }, destinationCounty: "411202", channel: "talent", subtype: "veteran" };
    expect(parseIssues(body)).toEqual([]);
  });

  it("a birthDate that disagrees with the idNumber is a 400 at applicant.birthDate", () => {
    const body = { applicant: { ...applicantBorn("1990-01-01"), birthDate: "1990-01-02" }, destinationCounty: "411202", channel: "talent", subtype: "veteran" };
    expect(parseIssues(body).map((i) => i.path)).toEqual(["applicant.birthDate"]);
  });

  it.each(["1990-13-01", "1990-02-30", "19900101", "2999-01-01", 19900101])("a malformed birthDate %s is a 400", (birthDate) => {
    const body = { applicant: { birthDate, hukouType: "rural", hukouRegion: "410323" }, destinationCounty: "411202", channel: "talent", subtype: "veteran" };
    expect(parseIssues(body).map((i) => i.path)).toContain("applicant.birthDate");
  });

  it("an idNumber that is given must still be valid", () => {
    const bad = idBornOn("1990-01-01").slice(0, 17) + (idBornOn("1990-01-01").endsWith("0") ? "1" : "0");
    const body = {
      applicant: { idNumber: bad, hukouType: "rural", hukouRegion: "410323" },
      destinationCounty: "411202",
      channel: "talent",
      subtype: "veteran",
    };
    expect(parseIssues(body).map((i) => i.path)).toEqual(["applicant.idNumber"]);
  });

  it("an empty name is refused; an absent one is fine", () => {
    const base = { destinationCounty: "411202", channel: "talent", subtype: "veteran" };
    expect(parseIssues({ ...base, applicant: { name: "", hukouType: "rural", hukouRegion: "410323" } }).map((i) => i.path)).toEqual(["applicant.name"]);
    expect(parseIssues({ ...base, applicant: { hukouType: "rural", hukouRegion: "410323" } })).toEqual([]);
  });
});

describe("1.1 under 16 on the day of the request: no id_card", () => {
  it("ageOn counts whole years, the birthday itself included", () => {
    expect(ageOn("2010-11-30", "2026-11-30")).toBe(16);
    expect(ageOn("2010-12-01", "2026-11-30")).toBe(15);
    expect(ageOn("2008-02-29", "2024-02-28")).toBe(15);
    expect(ageOn("2008-02-29", "2024-02-29")).toBe(16);
    expect(ageOn("2008-02-29", "2025-03-01")).toBe(17);
  });

  it("16 today → id_card needed; 16 tomorrow → not needed", () => {
    const sixteenToday = run({
      channel: "talent",
      subtype: "veteran",
      applicant: applicantBorn("2010-11-30"),
      documents: ["hukou_booklet", "discharge_certificate"],
    });
    expect(sixteenToday.missingDocuments).toEqual(["id_card"]);
    const fifteen = run({
      channel: "talent",
      subtype: "veteran",
      applicant: applicantBorn("2010-12-01"),
      documents: ["hukou_booklet", "discharge_certificate"],
    });
    expect(fifteen).toMatchObject({ outcome: "eligible", missingDocuments: [], reasons: [] });
  });

  it("the hukou_booklet stays required under 16", () => {
    const r = run({ channel: "talent", subtype: "veteran", applicant: applicantBorn("2018-01-01"), documents: ["discharge_certificate"] });
    expect(r.missingDocuments).toEqual(["hukou_booklet"]);
  });

  it("an id_card given by a child is accepted all the same", () => {
    const r = run({ channel: "talent", subtype: "veteran", applicant: applicantBorn("2018-01-01"), documents: [...IDENTITY, "discharge_certificate"] });
    expect(r.outcome).toBe("eligible");
  });

  it("defaults to today in China when no day is given", () => {
    const today = todayInChinaIso();
    const tenYearsAgo = `${Number(today.slice(0, 4)) - 10}-01-01`;
    const r = evaluate(
      DEFAULT_RULE_SET,
      request({ channel: "talent", subtype: "veteran", applicant: applicantBorn(tenYearsAgo), documents: ["hukou_booklet", "discharge_certificate"] }),
    );
    expect(r.outcome).toBe("eligible");
  });

  it("a child on the family channel: hukou booklet, birth certificate and the principal's booklet, no id_card", () => {
    const r = run({
      channel: "family",
      applicant: applicantBorn("2018-06-01"),
      principal: { idNumber: PRINCIPAL_ID, relation: "child", livesTogether: true, hasHukouAtDestination: true },
      documents: ["hukou_booklet", "birth_certificate", "principal_hukou_booklet"],
    });
    expect(r).toMatchObject({ outcome: "eligible", missingDocuments: [] });
  });
});

describe("1.1 family — 二(二): the principal's tie to the destination", () => {
  const principal = (extra: Record<string, unknown> = {}) => ({
    idNumber: PRINCIPAL_ID,
    relation: "spouse" as const,
    livesTogether: true,
    hasHukouAtDestination: true,
    ...extra,
  });

  it("hukou path: principal_hukou_booklet is needed besides the relationship", () => {
    const r = run({ channel: "family", principal: principal(), documents: [...IDENTITY, "marriage_certificate"] });
    expect(r).toMatchObject({ outcome: "needs_documents", missingDocuments: ["principal_hukou_booklet"], clauses: ["二(二)"] });
    expect(r.reasons.map((x) => x.clause)).toEqual(["二(二)"]);
  });

  it("a spouse in a rented home with a principal who keeps hukou elsewhere is eligible (the issue's case)", () => {
    const r = run({
      channel: "family",
      principal: principal({ hasHukouAtDestination: false, hasLegalResidenceAtDestination: true }),
      residence: { tenure: "rented", address: "湖滨区崤山路1号", legal: true },
      documents: [...IDENTITY, "marriage_certificate", "rental_contract"],
    });
    expect(r).toMatchObject({ outcome: "eligible", missingDocuments: [], reasons: [], suggestedChannels: [], clauses: ["二(二)"] });
  });

  it.each([
    ["owned", "property_certificate"],
    ["rented", "rental_contract"],
    ["employer_housing", "employer_housing_certificate"],
  ] as const)("residence path, %s: the shared home's evidence %s is listed first; any of the three satisfies", (tenure, first) => {
    const base = {
      channel: "family" as const,
      principal: principal({ relation: "parent", hasHukouAtDestination: false, hasLegalResidenceAtDestination: true }),
      residence: { tenure, legal: true },
    };
    const missing = run({ ...base, documents: [...IDENTITY, "relationship_proof"] });
    expect(missing).toMatchObject({ outcome: "needs_documents", missingDocuments: [first] });
    for (const alt of ["property_certificate", "rental_contract", "employer_housing_certificate"] as const) {
      expect(run({ ...base, documents: [...IDENTITY, "relationship_proof", alt] }).outcome).toBe("eligible");
    }
    // The principal's booklet is no evidence of a home where the principal holds no hukou.
    expect(run({ ...base, documents: [...IDENTITY, "relationship_proof", "principal_hukou_booklet"] }).missingDocuments).toEqual([first]);
  });

  it("residence path without tenure: property_certificate listed first, as in the residence row", () => {
    const r = run({
      channel: "family",
      principal: principal({ hasHukouAtDestination: false, hasLegalResidenceAtDestination: true }),
      residence: { legal: true },
      documents: [...IDENTITY, "marriage_certificate"],
    });
    expect(r.missingDocuments).toEqual(["property_certificate"]);
  });

  it("residence path: residence is required (400 at residence)", () => {
    const body = {
      applicant: applicantBorn("1990-01-01"),
      destinationCounty: "411202",
      channel: "family",
      principal: principal({ hasHukouAtDestination: false, hasLegalResidenceAtDestination: true }),
    };
    expect(parseIssues(body).map((i) => i.path)).toEqual(["residence"]);
    // Not on the hukou path, and not on another channel.
    expect(parseIssues({ ...body, principal: principal({ hasLegalResidenceAtDestination: true }) })).toEqual([]);
    expect(parseIssues({ ...body, channel: "talent", subtype: "veteran" })).toEqual([]);
  });

  it("residence path: residence.legal false → ineligible, documents still all listed", () => {
    const r = run({
      channel: "family",
      principal: principal({ hasHukouAtDestination: false, hasLegalResidenceAtDestination: true }),
      residence: { tenure: "rented", legal: false },
      documents: [],
    });
    expect(r.outcome).toBe("ineligible");
    expect(conditionCodes(r)).toEqual(["family_shared_home_legal"]);
    expect(r.missingDocuments).toEqual(["id_card", "hukou_booklet", "marriage_certificate", "rental_contract"]);
    expect(r.clauses).toEqual(["二(二)"]);
  });

  it("both flags true → the hukou path (principal_hukou_booklet); an illegal residence does not matter there", () => {
    const r = run({
      channel: "family",
      principal: principal({ hasLegalResidenceAtDestination: true }),
      residence: { tenure: "rented", legal: false },
      documents: [...IDENTITY, "marriage_certificate", "rental_contract"],
    });
    expect(r).toMatchObject({ outcome: "needs_documents", missingDocuments: ["principal_hukou_booklet"] });
  });

  it("neither hukou nor a legal residence → ineligible, suggests residence", () => {
    const r = run({
      channel: "family",
      principal: principal({ hasHukouAtDestination: false, hasLegalResidenceAtDestination: false }),
      residence: { tenure: "rented", legal: true },
      documents: [...IDENTITY, "marriage_certificate", "rental_contract"],
    });
    expect(r.outcome).toBe("ineligible");
    expect(conditionCodes(r)).toEqual(["family_principal_tie"]);
    expect(r.suggestedChannels).toEqual(["residence"]);
  });

  it("living together is still required on the residence path", () => {
    const r = run({
      channel: "family",
      principal: principal({ livesTogether: false, hasHukouAtDestination: false, hasLegalResidenceAtDestination: true }),
      residence: { tenure: "rented", legal: true },
      documents: [...IDENTITY, "marriage_certificate", "rental_contract"],
    });
    expect(conditionCodes(r)).toEqual(["family_lives_together"]);
  });

  it("a 1.0 family request (no hasLegalResidenceAtDestination) is still valid and judged on the hukou path", () => {
    const r = run({
      channel: "family",
      principal: { relation: "child", livesTogether: true, hasHukouAtDestination: true },
      documents: [...IDENTITY, "birth_certificate", "principal_hukou_booklet"],
    });
    expect(r.outcome).toBe("eligible");
  });
});

describe("1.1 collective — 二(三) 无直系亲属投靠", () => {
  it("the reason says what a lineal relative is, and that a sibling does not count", () => {
    const r = run({
      channel: "collective",
      employment: { employed: true, workCounty: "411202", employerHasCollectiveHousehold: false },
      hasDirectRelativeToJoin: true,
      documents: [...IDENTITY, "employment_contract"],
    });
    expect(r.outcome).toBe("ineligible");
    const reason = r.reasons.find((x) => x.code === "collective_no_direct_relative");
    expect(reason?.clause).toBe("二(三)");
    expect(reason?.message).toMatch(/配偶.*父母.*子女.*祖父母/);
    expect(reason?.message).toContain("兄弟姐妹");
    expect(r.suggestedChannels).toEqual(["family"]);
  });
});

describe("1.1 keeps 1.0: no non-family answer that was eligible changes", () => {
  // The rule set as 1.0 applied it to non-family channels: identity always required.
  const v10: RuleSet = (() => {
    const data = structuredClone(DEFAULT_RULE_SET.data) as RuleSetData;
    data.identityDocuments = data.identityDocuments.map((g) => {
      const copy = { ...g };
      delete copy.notRequiredUnderAge;
      return copy;
    });
    return { version: DEFAULT_RULE_SET.version, data };
  })();

  it("2000 random non-family requests: eligible under 1.0 ⇒ the same answer under 1.1", () => {
    const rnd = prng(1101);
    // Every document code but the family channel's.
    const familyOnly: readonly DocumentCode[] = ["marriage_certificate", "birth_certificate", "relationship_proof", "principal_hukou_booklet"];
    const docs = DOCUMENT_CODES.filter((d) => !familyOnly.includes(d));
    let eligibleSeen = 0;
    for (let i = 0; i < 2000; i++) {
      const channel = rnd.pick(["talent", "rural_student", "residence", "collective"] as const);
      const subtype =
        channel === "talent"
          ? rnd.pick(["college_graduate", "vocational_graduate", "skilled_worker", "veteran", "returned_overseas"] as const)
          : channel === "rural_student"
            ? rnd.pick(["enrollment", "after_graduation", "urban_registration_at_origin"] as const)
            : undefined;
      const body: EligibilityRequestInput = {
        applicant: { ...applicantBorn(rnd.pick(["1975-03-01", "2000-07-07", "2012-01-01"])), hukouType: rnd.pick(["rural", "urban"] as const) },
        destinationCounty: "411202",
        channel,
        subtype,
        residence: rnd.bool() ? { tenure: rnd.pick(["owned", "rented", "employer_housing"] as const), legal: rnd.bool(0.8) } : undefined,
        employment: rnd.bool()
          ? { employed: rnd.bool(0.7), workCounty: rnd.pick(["411202", "411203"] as const), employerHasCollectiveHousehold: rnd.bool(0.3) }
          : undefined,
        hasDirectRelativeToJoin: rnd.bool() ? rnd.bool() : undefined,
        documents: rnd.subset(docs, 0.7),
      };
      const req = eligibilityRequestSchema.parse(body);
      const before = evaluate(v10, req, { today: TODAY });
      const after = evaluate(DEFAULT_RULE_SET, req, { today: TODAY });
      if (before.outcome === "eligible") {
        eligibleSeen++;
        expect(after).toEqual(before);
      }
      // Removing a requirement never makes an answer worse.
      if (after.outcome === "ineligible") expect(before.outcome).toBe("ineligible");
    }
    expect(eligibleSeen).toBeGreaterThan(50);
  });
});

describe("1.1 rule sets", () => {
  it("the default rule set passes its own gate", () => {
    expect(validateRuleSetData(DEFAULT_RULE_SET.data).ok).toBe(true);
  });

  it("a rule set stored before 1.1 (no principalTie, no age exemption) is still valid and applied", () => {
    const old = structuredClone(DEFAULT_RULE_SET.data) as RuleSetData;
    delete old.channels.family.principalTie;
    old.identityDocuments = old.identityDocuments.map((g) => {
      const copy = { ...g };
      delete copy.notRequiredUnderAge;
      return copy;
    });
    expect(validateRuleSetData(old).ok).toBe(true);
    const r = evaluate(
      { version: "old", data: old },
      request({
        channel: "family",
        principal: { relation: "spouse", livesTogether: true, hasHukouAtDestination: true },
        documents: [...IDENTITY, "marriage_certificate"],
      }),
    );
    expect(r.outcome).toBe("eligible");
  });

  it("the principal's tie may not demand a property certificate without a rental contract (二(二))", () => {
    const data = structuredClone(DEFAULT_RULE_SET.data) as RuleSetData;
    data.channels.family.principalTie!.residenceTenures.rented.documents = [{ alternatives: ["property_certificate"], clause: "二(二)" }];
    const v = validateRuleSetData(data);
    expect(v.ok).toBe(false);
    if (!v.ok)
      expect(v.problems.map((p) => [p.code, p.path])).toContainEqual([
        "forbidden_criterion",
        "channels.family.principalTie.residenceTenures.rented.documents.0.alternatives",
      ]);
  });
});
