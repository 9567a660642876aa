import type { Db } from "@/lib/db/types";
import { DomainError, formatZodIssues } from "@/lib/errors";
import { eligibilityRequestSchema } from "@/lib/schemas/eligibility";
import { evaluate } from "@/lib/rules/evaluate";
import { getCurrentRuleSet } from "@/lib/rules/rule-set-service";

/**
 * The public pre-check (spec: POST /api/v1/eligibility): validate the request with the one
 * shared schema, then apply the published rule set in force. The same function backs the
 * API, the pre-check page and the clerk's rules panel.
 */
export async function checkEligibility(db: Db, raw: unknown) {
  const parsed = eligibilityRequestSchema.safeParse(raw);
  if (!parsed.success) {
    throw new DomainError("validation_failed", "请求内容有误。", { issues: formatZodIssues(parsed.error) });
  }
  const ruleSet = await getCurrentRuleSet(db);
  return evaluate({ version: ruleSet.version, data: ruleSet.data }, parsed.data);
}
