import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import {
  CHANNELS,
  CHANNEL_LABELS,
  DOCUMENT_CODES,
  DOCUMENT_LABELS,
  IGNORED_FACT_KEYS,
  SUBTYPES,
  SUBTYPES_BY_CHANNEL,
  SUBTYPE_LABELS,
  eligibilityRequestSchema,
} from "@/lib/schemas/eligibility";
import { formatZodIssues } from "@/lib/errors";
import { makeIdNumber } from "@/lib/schemas/id-number";

const ID = makeIdNumber("41120219900101123");
const valid = () => ({
  applicant: { idNumber: ID, name: "张三", hukouType: "rural", hukouRegion: "410323" },
  destinationCounty: "411202",
  channel: "talent",
  subtype: "college_graduate",
  documents: ["id_card", "hukou_booklet", "graduation_certificate"],
});

function issues(body: unknown) {
  const r = eligibilityRequestSchema.safeParse(body);
  if (r.success) throw new Error("expected a validation failure");
  return formatZodIssues(r.error);
}
const paths = (body: unknown) => issues(body).map((i) => i.path);

describe("eligibilityRequestSchema: accepts", () => {
  it("the spec's example request, keeping unknown fields and ignored facts", () => {
    const body = {
      ...valid(),
      channel: "residence",
      subtype: undefined,
      residence: { tenure: "rented", address: "湖滨区…", legal: true },
      principal: { idNumber: makeIdNumber("41120219880505456"), relation: "spouse", livesTogether: true, hasHukouAtDestination: true },
      employment: { employed: true, workCounty: "411202", employerHasCollectiveHousehold: false },
      hasDirectRelativeToJoin: false,
      documents: ["id_card", "hukou_booklet", "rental_contract"],
      ownsHome: false,
      homeAreaM2: 0,
      taxPaidYuan: 0,
      investmentYuan: 0,
      points: 0,
      socialInsuranceMonths: 0,
      residenceYears: 0,
      keepsRuralLandRights: true,
      clientVersion: "ios-3.2",
    };
    const r = eligibilityRequestSchema.parse(body);
    expect(r.clientVersion).toBe("ios-3.2");
    expect(r.keepsRuralLandRights).toBe(true);
    expect(r.residence).toEqual({ tenure: "rented", address: "湖滨区…", legal: true });
  });

  it("documents default to []", () => {
    const body: Partial<ReturnType<typeof valid>> = valid();
    delete body.documents;
    expect(eligibilityRequestSchema.parse(body).documents).toEqual([]);
  });

  it("a lowercase x, normalised", () => {
    const body = valid();
    body.applicant.idNumber = "11010519491231002x";
    expect(eligibilityRequestSchema.parse(body).applicant.idNumber).toBe("11010519491231002X");
  });

  it.each(["", null])("an empty subtype (%j) for a channel without subtypes", (subtype) => {
    const r = eligibilityRequestSchema.parse({ ...valid(), channel: "collective", subtype });
    expect(r.subtype).toBeUndefined();
  });

  const pairs = CHANNELS.flatMap((c): Array<[string, string | undefined]> =>
    SUBTYPES_BY_CHANNEL[c].length > 0 ? SUBTYPES_BY_CHANNEL[c].map((s): [string, string | undefined] => [c, s]) : [[c, undefined]],
  );
  it.each(pairs)("channel %s with subtype %s", (channel, subtype) => {
    expect(eligibilityRequestSchema.safeParse({ ...valid(), channel, subtype }).success).toBe(true);
  });

  it("every county-level code of RULES.md, including the management zones", () => {
    for (const code of ["411202", "411203", "411221", "411224", "411281", "411282", "SMX-SFQ", "SMX-KFQ"]) {
      expect(eligibilityRequestSchema.safeParse({ ...valid(), destinationCounty: code }).success).toBe(true);
    }
  });
});

describe("eligibilityRequestSchema: refuses, with paths", () => {
  it("a subtype of another channel", () => {
    expect(issues({ ...valid(), subtype: "enrollment" })).toEqual([{ path: "subtype", message: expect.stringContaining("不属于") }]);
    expect(paths({ ...valid(), channel: "rural_student", subtype: "veteran" })).toEqual(["subtype"]);
  });

  it("a subtype for a channel that has none", () => {
    expect(paths({ ...valid(), channel: "family", subtype: "college_graduate" })).toEqual(["subtype"]);
  });

  it("a missing subtype where one is required", () => {
    expect(paths({ ...valid(), subtype: undefined })).toEqual(["subtype"]);
    expect(paths({ ...valid(), channel: "rural_student", subtype: undefined })).toEqual(["subtype"]);
  });

  it("an unknown subtype", () => {
    expect(paths({ ...valid(), subtype: "astronaut" })).toEqual(["subtype"]);
  });

  it("an unknown county", () => {
    expect(paths({ ...valid(), destinationCounty: "410100" })).toEqual(["destinationCounty"]);
    expect(paths({ ...valid(), employment: { employed: true, workCounty: "411200" } })).toEqual(["employment.workCounty"]);
  });

  it("an unknown document code, at its index", () => {
    expect(issues({ ...valid(), documents: ["id_card", "hukou_booklet", "passport"] })).toEqual([{ path: "documents.2", message: "未知的材料类型：passport" }]);
  });

  it("a missing applicant and channel, both reported", () => {
    const body: Partial<ReturnType<typeof valid>> = valid();
    delete body.applicant;
    delete body.channel;
    expect(paths(body)).toEqual(["applicant", "channel"]);
  });

  it("an unknown channel", () => {
    expect(paths({ ...valid(), channel: "investment" })).toEqual(["channel"]);
  });

  it("wrong types everywhere, every one reported", () => {
    const body = {
      applicant: { idNumber: 411202, name: ["张三"], hukouType: "farmer", hukouRegion: 410323 },
      destinationCounty: 411202,
      channel: "residence",
      residence: { tenure: "castle", legal: "yes" },
      principal: { relation: "cousin", livesTogether: 1, hasHukouAtDestination: null },
      employment: "yes",
      hasDirectRelativeToJoin: "no",
      documents: "id_card",
      ownsHome: "no",
      homeAreaM2: "80",
    };
    expect(paths(body).sort()).toEqual(
      [
        "applicant.idNumber",
        "applicant.name",
        "applicant.hukouType",
        "applicant.hukouRegion",
        "destinationCounty",
        "residence.tenure",
        "residence.legal",
        "principal.relation",
        "principal.livesTogether",
        "principal.hasHukouAtDestination",
        "employment",
        "hasDirectRelativeToJoin",
        "documents",
        "ownsHome",
        "homeAreaM2",
      ].sort(),
    );
  });

  it("a bad ID check digit or date, at applicant.idNumber, in Chinese", () => {
    const bad = valid();
    bad.applicant.idNumber = ID.slice(0, 17) + (ID[17] === "1" ? "2" : "1");
    expect(issues(bad)).toEqual([{ path: "applicant.idNumber", message: expect.stringContaining("校验码") }]);
    bad.applicant.idNumber = makeIdNumber("41120219900230123");
    expect(issues(bad)).toEqual([{ path: "applicant.idNumber", message: expect.stringContaining("出生日期") }]);
  });

  it("a bad principal ID", () => {
    expect(paths({ ...valid(), principal: { idNumber: "123", relation: "spouse", livesTogether: true, hasHukouAtDestination: true } })).toEqual([
      "principal.idNumber",
    ]);
  });

  it("a body that is not an object, without throwing", () => {
    for (const body of [null, [], "x", 3, undefined]) {
      expect(issues(body)).toEqual([{ path: "", message: "请求内容须为 JSON 对象" }]);
    }
  });

  it("always in Chinese", () => {
    for (const i of issues({ applicant: {}, documents: [1], residence: {}, principal: {}, employment: {} })) {
      expect(i.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe("labels and lists", () => {
  it("label every channel, subtype and document in Chinese", () => {
    for (const c of CHANNELS) expect(CHANNEL_LABELS[c]).toMatch(/[\u4e00-\u9fff]/);
    for (const s of SUBTYPES) expect(SUBTYPE_LABELS[s]).toMatch(/[\u4e00-\u9fff]/);
    for (const d of DOCUMENT_CODES) expect(DOCUMENT_LABELS[d]).toMatch(/[\u4e00-\u9fff]/);
  });

  it("list the document codes in the spec's order", () => {
    const spec = readFileSync(path.join(process.cwd(), "docs/api/eligibility-api.md"), "utf8");
    const list = /^Document codes: ([\s\S]*?)\n\n/m.exec(spec)?.[1] ?? "";
    expect(DOCUMENT_CODES).toEqual([...list.matchAll(/`(\w+)`/g)].map((m) => m[1]));
  });

  it("list the ignored facts in the spec's order", () => {
    // The request of docs/api/eligibility-api.md lists them after "// ignored facts", up to the closing brace.
    const spec = readFileSync(path.join(process.cwd(), "docs/api/eligibility-api.md"), "utf8");
    const block = /\/\/ ignored facts[^\n]*\n([^}]*)\}/.exec(spec)?.[1] ?? "";
    const inSpec = [...block.matchAll(/"(\w+)":/g)].map((m) => m[1]);
    expect(inSpec).toHaveLength(8);
    expect(IGNORED_FACT_KEYS).toEqual(inSpec);
  });
});

describe("formatZodIssues", () => {
  it("joins paths with dots and keeps array indexes as numbers", () => {
    const schema = z.object({ a: z.object({ b: z.array(z.string()) }) });
    const r = schema.safeParse({ a: { b: ["x", 1] } });
    expect(r.success).toBe(false);
    if (!r.success) expect(formatZodIssues(r.error)).toEqual([{ path: "a.b.1", message: expect.any(String) }]);
  });
});

describe("eligibilityRequestSchema 1.1", () => {
  const familyBody = (principal: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    ...valid(),
    channel: "family",
    subtype: undefined,
    principal: { relation: "spouse", livesTogether: true, hasHukouAtDestination: false, ...principal },
    ...extra,
  });

  it("accepts principal_hukou_booklet as a document code, labelled in Chinese", () => {
    expect(DOCUMENT_CODES).toContain("principal_hukou_booklet");
    expect(DOCUMENT_LABELS.principal_hukou_booklet).toContain("户口簿");
    expect(paths({ ...valid(), documents: ["principal_hukou_booklet", "passport"] })).toEqual(["documents.1"]);
  });

  it("accepts an applicant with neither idNumber nor name, and a birthDate", () => {
    const r = eligibilityRequestSchema.parse({ ...valid(), applicant: { birthDate: "2018-05-01", hukouType: "rural", hukouRegion: "410323" } });
    expect(r.applicant.idNumber).toBeUndefined();
    expect(r.applicant.birthDate).toBe("2018-05-01");
  });

  it("refuses a birthDate that disagrees with the idNumber; accepts one that agrees", () => {
    expect(paths({ ...valid(), applicant: { ...valid().applicant, birthDate: "1990-01-02" } })).toEqual(["applicant.birthDate"]);
    expect(eligibilityRequestSchema.safeParse({ ...valid(), applicant: { ...valid().applicant, birthDate: "1990-01-01" } }).success).toBe(true);
  });

  it("hasLegalResidenceAtDestination must be a boolean", () => {
    expect(paths(familyBody({ hasLegalResidenceAtDestination: "yes" }, { residence: { legal: true } }))).toEqual(["principal.hasLegalResidenceAtDestination"]);
  });

  it("the shared-home path needs residence (and only on the family channel)", () => {
    expect(paths(familyBody({ hasLegalResidenceAtDestination: true }))).toEqual(["residence"]);
    expect(
      eligibilityRequestSchema.safeParse(familyBody({ hasLegalResidenceAtDestination: true }, { residence: { tenure: "rented", legal: true } })).success,
    ).toBe(true);
    expect(eligibilityRequestSchema.safeParse(familyBody({ hasLegalResidenceAtDestination: false })).success).toBe(true);
    expect(eligibilityRequestSchema.safeParse(familyBody({ hasHukouAtDestination: true, hasLegalResidenceAtDestination: true })).success).toBe(true);
  });
});
