import { describe, it, expect } from "vitest";
import { candidateRequests, precheckAnswersSchema, precheckCarryOver } from "@/lib/eligibility/precheck";
import { DEFAULT_RULE_SET, evaluate } from "@/lib/rules";
import { eligibilityRequestSchema } from "@/lib/schemas/eligibility";
import { parsePrecheckCarry } from "@/lib/filings/precheck-carry";
import { makeIdNumber } from "@/lib/schemas/id-number";

/** Spec 1.1 / issue 13 point 6: a pre-check on behalf of someone else needs no name and no ID number. */

const base = {
  hukouType: "rural",
  destinationCounty: "411202",
  background: "none",
  housing: "rented",
  relation: "none",
  employed: "no",
};

const judge = (raw: Record<string, unknown>, documents: string[]) => {
  const a = precheckAnswersSchema.parse({ ...base, ...raw, documents });
  return candidateRequests(a).map((r) => ({ request: r, result: evaluate(DEFAULT_RULE_SET, eligibilityRequestSchema.parse(r), { today: "2026-11-30" }) }));
};

describe("pre-check without name or ID number", () => {
  it("accepts blank name and ID when a birth date is given, and sends neither to the rules", () => {
    const a = precheckAnswersSchema.parse({ ...base, name: "", idNumber: "  ", birthDate: "1960-03-04" });
    expect(a.name).toBeUndefined();
    expect(a.idNumber).toBeUndefined();
    const [req] = candidateRequests(a);
    expect(req.applicant).not.toHaveProperty("idNumber");
    expect(req.applicant).not.toHaveProperty("name");
    expect(req.applicant.birthDate).toBe("1960-03-04");
  });

  it("asks for a birth date when no ID number is given", () => {
    const r = precheckAnswersSchema.safeParse({ ...base });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join("."))).toContain("birthDate");
    expect(r.error!.issues.find((i) => i.path[0] === "birthDate")!.message).toContain("出生日期");
  });

  it("still refuses a wrong ID number, and a birth date that disagrees with it", () => {
    expect(precheckAnswersSchema.safeParse({ ...base, idNumber: "411221199505052310" }).success).toBe(false);
    const id = makeIdNumber("41122119950505231");
    const r = precheckAnswersSchema.safeParse({ ...base, idNumber: id, birthDate: "1995-05-06" });
    expect(r.success).toBe(false);
    expect(precheckAnswersSchema.safeParse({ ...base, idNumber: id, birthDate: "1995-05-05" }).success).toBe(true);
  });

  it("the birth date drives the under-16 rule: a child needs no ID card, an adult does", () => {
    const child = judge({ birthDate: "2018-06-01" }, ["hukou_booklet", "rental_contract"]).find((c) => c.request.channel === "residence")!;
    expect(child.result.outcome).toBe("eligible");
    const adult = judge({ birthDate: "1990-06-01" }, ["hukou_booklet", "rental_contract"]).find((c) => c.request.channel === "residence")!;
    expect(adult.result.outcome).toBe("needs_documents");
    expect(adult.result.missingDocuments).toContain("id_card");
  });

  it("the carry-over keeps every answer, never a name, ID number or birth date, and no stand-in hukou place", () => {
    const a = precheckAnswersSchema.parse({ ...base, name: "王奶奶", birthDate: "1950-01-01", housing: "owned", employed: "yes", workCounty: "411221" });
    const [req] = candidateRequests(a);
    const carry = precheckCarryOver({ request: req, hukouRegionKnown: false });
    const json = Buffer.from(carry, "base64url").toString("utf8");
    expect(json).not.toContain("王奶奶");
    expect(json).not.toContain("1950-01-01");
    const parsed = parsePrecheckCarry(carry)!;
    expect(parsed.prefill.residence).toEqual({ tenure: "owned", legal: true });
    expect(parsed.prefill.employment).toMatchObject({ employed: true, workCounty: "411221" });
    expect(parsed.prefill.hukouType).toBe("rural");
    expect(parsed.prefill.hukouRegion).toBeUndefined();
    // With an ID number the hukou place it shows is carried (not the number itself).
    const id = makeIdNumber("41122119950505231");
    const b = precheckAnswersSchema.parse({ ...base, idNumber: id });
    const withId = precheckCarryOver({ request: candidateRequests(b)[0], hukouRegionKnown: true });
    expect(Buffer.from(withId, "base64url").toString("utf8")).not.toContain(id);
    expect(parsePrecheckCarry(withId)!.prefill.hukouRegion).toBe("411221");
  });
});
