import { describe, it, expect } from "vitest";
import { DEFAULT_RULE_SET, evaluate, type EligibilityOutcome } from "@/lib/rules";
import { COUNTY_CODES } from "@/lib/places";
import {
  CHANNELS,
  DOCUMENT_CODES,
  IGNORED_FACT_KEYS,
  RELATIONS,
  SUBTYPES_BY_CHANNEL,
  TENURES,
  eligibilityRequestSchema,
  type DocumentCode,
  type EligibilityRequest,
  type IgnoredFactKey,
} from "@/lib/schemas/eligibility";
import { applicant, PRINCIPAL_ID, prng, type Prng } from "./request-fixtures";

/**
 * Properties over a few thousand generated requests (fixed seeds, so failures reproduce):
 * ignored facts never decide, rented counts as owned, no job never hurts channels A–C.
 */

const CASES = 3000;
const RANK: Record<EligibilityOutcome, number> = { eligible: 0, needs_documents: 1, ineligible: 2 };
const CLAUSE_RE = /^[一二三四](\([一二三四五六七八九十]+\))?$/;

function maybe<T>(g: Prng, make: () => T, p = 0.6): T | undefined {
  return g.bool(p) ? make() : undefined;
}

/** A random valid request body (as JSON input, before parsing). */
function randomBody(g: Prng): Record<string, unknown> {
  const channel = g.pick(CHANNELS);
  const subtypes = SUBTYPES_BY_CHANNEL[channel];
  const destinationCounty = g.pick(COUNTY_CODES);
  return {
    applicant: applicant(g.bool() ? "rural" : "urban"),
    destinationCounty,
    channel,
    subtype: subtypes.length > 0 ? g.pick(subtypes) : undefined,
    residence: maybe(g, () => ({ tenure: maybe(g, () => g.pick(TENURES), 0.8), legal: g.bool(0.8), address: "湖滨区某路1号" })),
    principal: maybe(g, () => ({
      idNumber: PRINCIPAL_ID,
      relation: g.pick(RELATIONS),
      livesTogether: g.bool(0.8),
      hasHukouAtDestination: g.bool(0.8),
    })),
    employment: maybe(g, () => ({
      employed: g.bool(0.7),
      workCounty: maybe(g, () => (g.bool(0.7) ? destinationCounty : g.pick(COUNTY_CODES))),
      employerHasCollectiveHousehold: maybe(g, () => g.bool(0.3)),
    })),
    hasDirectRelativeToJoin: maybe(g, () => g.bool(0.3)),
    documents: g.subset(DOCUMENT_CODES, 0.4),
  };
}

function randomIgnoredFacts(g: Prng): Partial<Record<IgnoredFactKey, boolean | number>> {
  const out: Partial<Record<IgnoredFactKey, boolean | number>> = {};
  for (const key of g.subset(IGNORED_FACT_KEYS, 0.5)) {
    const isBool = key === "ownsHome" || key === "keepsRuralLandRights";
    out[key] = isBool ? g.bool() : g.pick([0, 1, 12, 36, 90, 120.5, 1e6, 5_000_000]);
  }
  return out;
}

const parse = (body: unknown): EligibilityRequest => eligibilityRequestSchema.parse(body);
const judge = (body: unknown) => evaluate(DEFAULT_RULE_SET, parse(body));

function withoutIgnoredFacts(body: Record<string, unknown>) {
  const copy = { ...body };
  for (const k of IGNORED_FACT_KEYS) delete copy[k];
  return copy;
}

describe("evaluate: properties", () => {
  it(`ignored facts change nothing but ignoredFacts (${CASES} requests × 3 variants)`, () => {
    const g = prng(20191128);
    for (let i = 0; i < CASES; i++) {
      const body = withoutIgnoredFacts(randomBody(g));
      const base = judge(body);
      expect(base.ignoredFacts).toEqual([]);
      for (let v = 0; v < 3; v++) {
        const facts = randomIgnoredFacts(g);
        const r = judge({ ...body, ...facts });
        const expected = IGNORED_FACT_KEYS.filter((k) => k in facts);
        expect(r.ignoredFacts).toEqual(expected);
        expect({ ...r, ignoredFacts: [] }).toEqual(base);
      }
    }
  });

  it("the extreme values of every ignored fact, alone and together, change nothing", () => {
    const g = prng(7);
    const extremes: Array<Partial<Record<IgnoredFactKey, boolean | number>>> = [
      {
        ownsHome: true,
        homeAreaM2: 500,
        taxPaidYuan: 1e7,
        investmentYuan: 1e8,
        points: 999,
        socialInsuranceMonths: 360,
        residenceYears: 40,
        keepsRuralLandRights: false,
      },
      { ownsHome: false, homeAreaM2: 0, taxPaidYuan: 0, investmentYuan: 0, points: 0, socialInsuranceMonths: 0, residenceYears: 0, keepsRuralLandRights: true },
      ...IGNORED_FACT_KEYS.map((k) => ({ [k]: k === "ownsHome" || k === "keepsRuralLandRights" ? true : 0 })),
    ];
    for (let i = 0; i < 500; i++) {
      const body = withoutIgnoredFacts(randomBody(g));
      const base = judge(body);
      for (const facts of extremes) expect({ ...judge({ ...body, ...facts }), ignoredFacts: [] }).toEqual(base);
    }
  });

  it("unknown extra fields change nothing", () => {
    const g = prng(99);
    for (let i = 0; i < 500; i++) {
      const body = randomBody(g);
      expect(judge({ ...body, ownsCar: true, salaryYuan: 3000, note: "未购房" })).toEqual(judge(body));
    }
  });

  it("a rented home with its contract judges exactly like an owned home with its certificate", () => {
    const g = prng(42);
    for (let i = 0; i < CASES; i++) {
      const body = randomBody(g);
      const residence = { legal: g.bool(0.8), address: "陕州区某路2号" };
      const others = ((body.documents as DocumentCode[]) ?? []).filter((d) => d !== "property_certificate" && d !== "rental_contract");
      const owned = judge({ ...body, residence: { ...residence, tenure: "owned" }, documents: [...others, "property_certificate"] });
      const rented = judge({ ...body, residence: { ...residence, tenure: "rented" }, documents: [...others, "rental_contract"] });
      expect(rented).toEqual(owned);
    }
  });

  it("no job never worsens talent, rural student or residence outcomes", () => {
    const g = prng(5);
    for (let i = 0; i < CASES; i++) {
      const body = randomBody(g);
      if (body.channel === "family" || body.channel === "collective") continue;
      const withJob = judge({ ...body, employment: { employed: true, workCounty: body.destinationCounty } });
      for (const employment of [undefined, { employed: false }]) {
        const jobless = judge({ ...body, employment });
        expect(RANK[jobless.outcome]).toBeLessThanOrEqual(RANK[withJob.outcome]);
        expect(jobless).toEqual(withJob);
      }
    }
  });

  it("no home never worsens a talent or rural student outcome", () => {
    const g = prng(11);
    for (let i = 0; i < CASES; i++) {
      const body = randomBody(g);
      if (body.channel !== "talent" && body.channel !== "rural_student") continue;
      const homeless = judge({ ...body, residence: undefined });
      const housed = judge({ ...body, residence: { tenure: "owned", legal: true } });
      expect(homeless).toEqual(housed);
    }
  });

  it("invariants of every result", () => {
    const g = prng(1234);
    const seen = new Set<string>();
    for (let i = 0; i < CASES; i++) {
      const req = parse(randomBody(g));
      const r = evaluate(DEFAULT_RULE_SET, req);
      seen.add(`${r.channel}:${r.outcome}`);
      const conditionReasons = r.reasons.filter((x) => x.code !== "missing_document");
      expect(r.channel).toBe(req.channel);
      expect(r.clauses[0]).toBe(DEFAULT_RULE_SET.data.channels[req.channel].clause);
      expect(new Set(r.clauses).size).toBe(r.clauses.length);
      for (const reason of r.reasons) {
        expect(reason.clause).toMatch(CLAUSE_RE);
        expect(reason.message.length).toBeGreaterThan(0);
      }
      for (const c of conditionReasons) expect(r.clauses).toContain(c.clause);
      expect(new Set(r.missingDocuments).size).toBe(r.missingDocuments.length);
      for (const d of r.missingDocuments) expect(req.documents).not.toContain(d);
      if (r.outcome === "eligible") expect(r.reasons).toEqual([]);
      if (r.outcome === "needs_documents") {
        expect(conditionReasons).toEqual([]);
        expect(r.missingDocuments.length).toBeGreaterThan(0);
      }
      if (r.outcome === "ineligible") expect(conditionReasons.length).toBeGreaterThan(0);
      else expect(r.suggestedChannels).toEqual([]);
      expect(r.suggestedChannels).not.toContain(req.channel);
      // Identity always comes first among the missing.
      const idx = (d: DocumentCode) => r.missingDocuments.indexOf(d);
      if (idx("hukou_booklet") >= 0) expect(r.missingDocuments.slice(0, idx("hukou_booklet"))).toEqual(idx("id_card") >= 0 ? ["id_card"] : []);
    }
    // The generator reaches every outcome of every channel except ineligible talent (it has no conditions).
    expect(seen.size).toBe(CHANNELS.length * 3 - 1);
    expect(seen.has("talent:ineligible")).toBe(false);
  });

  it("is deterministic", () => {
    const g = prng(77);
    for (let i = 0; i < 200; i++) {
      const req = parse(randomBody(g));
      expect(evaluate(DEFAULT_RULE_SET, req)).toEqual(evaluate(DEFAULT_RULE_SET, structuredClone(req)));
    }
  });
});
