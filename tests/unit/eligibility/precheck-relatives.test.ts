import { describe, it, expect } from "vitest";
import { candidateRequests, hasLinealRelativeToJoin, precheckAnswersSchema } from "@/lib/eligibility/precheck";
import { DEFAULT_RULE_SET, evaluate } from "@/lib/rules";
import { eligibilityRequestSchema } from "@/lib/schemas/eligibility";
import { makeIdNumber } from "@/lib/schemas/id-number";

/** 1.1 pre-check: only a lineal relative closes the collective channel (二(三) 无直系亲属投靠). */

const answers = (extra: Record<string, unknown>) =>
  precheckAnswersSchema.parse({
    name: "王五",
    idNumber: makeIdNumber("41122119950505231"),
    hukouType: "rural",
    destinationCounty: "411202",
    background: "none",
    housing: "none",
    relation: "none",
    employed: "yes",
    workCounty: "411202",
    employerHasCollectiveHousehold: "no",
    documents: ["id_card", "hukou_booklet", "employment_contract", "relationship_proof", "principal_hukou_booklet"],
    ...extra,
  });

const judge = (extra: Record<string, unknown>) =>
  Object.fromEntries(
    candidateRequests(answers(extra)).map((r) => [r.channel, evaluate(DEFAULT_RULE_SET, eligibilityRequestSchema.parse(r), { today: "2026-11-30" })]),
  );

describe("pre-check relatives", () => {
  it.each(["spouse", "child", "parent", "grandrelative"])("a lineal relative (%s) with hukou there closes the collective channel", (relation) => {
    expect(hasLinealRelativeToJoin({ relation: relation as never, relativeHasHukou: true, relativeHasResidence: undefined })).toBe(true);
    const r = judge({ relation, livesTogether: "yes", relativeHasHukou: "yes" });
    expect(r.collective.outcome).toBe("ineligible");
    expect(r.collective.suggestedChannels).toEqual(["family"]);
    expect(r.family.outcome).not.toBe("ineligible");
  });

  it("a sibling does not close the collective channel: it stays open, no ping-pong", () => {
    expect(hasLinealRelativeToJoin({ relation: "other", relativeHasHukou: true, relativeHasResidence: true })).toBe(false);
    const r = judge({ relation: "other", livesTogether: "yes", relativeHasHukou: "yes" });
    expect(r.collective.outcome).toBe("eligible");
  });

  it("a lineal relative with neither hukou nor a residence there does not close it either", () => {
    const r = judge({ relation: "parent", livesTogether: "no", relativeHasHukou: "no", relativeHasResidence: "no" });
    expect(r.collective.outcome).toBe("eligible");
    expect(r.family.outcome).toBe("ineligible");
  });

  it("a relative with a legal (rented) residence there: the family channel fits on the shared-home path", () => {
    const req = candidateRequests(answers({ relation: "spouse", livesTogether: "yes", relativeHasHukou: "no", relativeHasResidence: "yes" })).find(
      (c) => c.channel === "family",
    )!;
    expect(req.principal).toMatchObject({ hasHukouAtDestination: false, hasLegalResidenceAtDestination: true });
    expect(req.residence).toEqual({ legal: true });
    const r = judge({ relation: "spouse", livesTogether: "yes", relativeHasHukou: "no", relativeHasResidence: "yes" });
    expect(r.family.outcome).toBe("needs_documents");
    expect(r.family.missingDocuments).toEqual(["marriage_certificate", "property_certificate"]);
    expect(r.collective.outcome).toBe("ineligible");
  });
});
