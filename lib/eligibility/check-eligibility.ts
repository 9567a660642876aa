import type { Db } from "@/lib/db/types";
import { DomainError, formatZodIssues } from "@/lib/errors";
import { eligibilityRequestSchema, type EligibilityRequest } from "@/lib/schemas/eligibility";
import { evaluate } from "@/lib/rules/evaluate";
import { cachedCurrentRuleSet, getCurrentRuleSet, type LoadedRuleSet } from "@/lib/rules/rule-set-service";
import type { EligibilityResult } from "@/lib/rules/types";

/**
 * The public pre-check (spec: POST /api/v1/eligibility): validate the request with the one
 * shared schema, then apply the published rule set in force. The same function backs the
 * API, the pre-check page and the clerk's rules panel.
 */
export async function checkEligibility(db: Db, raw: unknown): Promise<EligibilityResult> {
  return checkEligibilityNow(db, raw);
}

/**
 * The same check without a promise while the rule set in force is cached (nearly always): the
 * lean API path answers synchronously, which keeps Next's async-context hooks off its requests.
 * A bad request throws here, synchronously.
 */
export function checkEligibilityNow(db: Db, raw: unknown): EligibilityResult | Promise<EligibilityResult> {
  const parsed = eligibilityRequestSchema.safeParse(raw);
  if (!parsed.success) {
    throw new DomainError("validation_failed", "请求内容有误。", { issues: formatZodIssues(parsed.error) });
  }
  const cached = cachedCurrentRuleSet();
  return cached ? judge(cached, parsed.data) : getCurrentRuleSet(db).then((ruleSet) => judge(ruleSet, parsed.data));
}

function judge(ruleSet: LoadedRuleSet, request: EligibilityRequest): EligibilityResult {
  return evaluate({ version: ruleSet.version, data: ruleSet.data }, request);
}
