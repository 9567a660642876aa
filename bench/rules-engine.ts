/** Decisions per second of the pure rules engine (no I/O): the floor under the API's cost. */
import { evaluate } from "../lib/rules/evaluate";
import { DEFAULT_RULE_SET } from "../lib/rules/default-rule-set";
import { eligibilityRequestSchema } from "../lib/schemas/eligibility";
import { makeIdNumber } from "../lib/schemas/id-number";

export function benchRulesEngine(iterations = 200_000) {
  const req = eligibilityRequestSchema.parse({
    applicant: { idNumber: makeIdNumber("41122119950505231"), name: "张三", hukouType: "rural", hukouRegion: "411221" },
    destinationCounty: "411202",
    channel: "family",
    principal: { relation: "spouse", livesTogether: true, hasHukouAtDestination: true },
    documents: ["id_card", "hukou_booklet"],
  });
  for (let i = 0; i < 5_000; i++) evaluate(DEFAULT_RULE_SET, req); // warm-up
  let t = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) evaluate(DEFAULT_RULE_SET, req);
  const evalNs = Number(process.hrtime.bigint() - t) / iterations;
  const raw = { ...req, applicant: { ...req.applicant } };
  t = process.hrtime.bigint();
  const n = iterations / 10;
  for (let i = 0; i < n; i++) eligibilityRequestSchema.parse(raw);
  const parseNs = Number(process.hrtime.bigint() - t) / n;
  return { evaluatePerSecond: Math.round(1e9 / evalNs), evaluateMicros: +(evalNs / 1000).toFixed(2), zodParseMicros: +(parseNs / 1000).toFixed(2) };
}
