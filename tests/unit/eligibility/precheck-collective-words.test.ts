import { describe, it, expect } from "vitest";
import { candidateRequests, explainForAnswers, precheckAnswersSchema } from "@/lib/eligibility/precheck";
import { DEFAULT_RULE_SET, evaluate } from "@/lib/rules";
import { eligibilityRequestSchema } from "@/lib/schemas/eligibility";

/** Issue 13 "Smaller": the collective card said 请填写就业情况 after 暂未就业 was answered. */

const answers = (extra: Record<string, unknown>) =>
  precheckAnswersSchema.parse({
    birthDate: "1996-07-01",
    hukouType: "rural",
    destinationCounty: "411202",
    background: "none",
    housing: "none",
    relation: "none",
    employed: "no",
    ...extra,
  });

const collectiveOf = (a: ReturnType<typeof answers>) => {
  const req = candidateRequests(a).find((r) => r.channel === "collective")!;
  return explainForAnswers(evaluate(DEFAULT_RULE_SET, eligibilityRequestSchema.parse(req), { today: "2026-11-30" }), a);
};

describe("the collective card's words after 暂未就业", () => {
  it("says the real reason: the community collective household needs a job (二(三)), never asks to fill in employment", () => {
    const r = collectiveOf(answers({}));
    expect(r.outcome).toBe("ineligible");
    const reason = r.reasons.find((x) => x.code === "collective_employed")!;
    expect(reason.clause).toBe("二(三)");
    expect(reason.message).toContain("须已就业");
    expect(reason.message).toContain("您暂未就业");
    expect(reason.message).not.toContain("请填写就业情况");
    expect(r.suggestedChannels).not.toContain("talent");
  });

  it("points a graduate to the talent channel (先落户后就业)", () => {
    const a = answers({ background: "college_graduate" });
    const req = eligibilityRequestSchema.parse({ ...candidateRequests(a)[0], channel: "collective", subtype: undefined });
    const r = explainForAnswers(evaluate(DEFAULT_RULE_SET, req, { today: "2026-11-30" }), a);
    expect(r.reasons.find((x) => x.code === "collective_employed")!.message).toContain("先落户后就业");
    expect(r.suggestedChannels).toContain("talent");
  });

  it("leaves an employed person's reasons as the rules give them", () => {
    const a = answers({ employed: "yes", workCounty: "411221" });
    const r = collectiveOf(a);
    expect(r.reasons.some((x) => x.code === "collective_employed")).toBe(false);
    expect(r.reasons.find((x) => x.code === "collective_at_place_of_employment")?.message).toContain("渑池县");
  });
});
