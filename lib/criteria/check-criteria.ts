import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { DomainError, formatZodIssues } from "@/lib/errors";
import { getCurrentRuleSet } from "@/lib/rules/rule-set-service";
import { DEFAULT_RULE_SET_VERSION } from "@/lib/rules/default-rule-set";
import { findForbiddenCriteria, type CriteriaFinding } from "@/lib/rules/forbidden-criteria";

/** Longest text the check takes, in characters (code points): a county document of some pages. */
export const MAX_CRITERIA_TEXT = 20_000;

/** `{ text }`: 1–20,000 characters (spec: docs/api/criteria-check-api.md). */
export const criteriaCheckRequestSchema = z.object(
  {
    text: z
      .string({ error: (iss) => (iss.input === undefined ? "须填写要检查的文字（text）" : "text 必须是字符串") })
      .refine((s) => s.length > 0, "须填写要检查的文字（text）")
      .refine((s) => [...s].length <= MAX_CRITERIA_TEXT, `文字不能超过 ${MAX_CRITERIA_TEXT.toLocaleString("en-US")} 个字符`),
  },
  { error: '请求体必须是 JSON 对象，如 {"text": "…"}' },
);

export type CriteriaCheckResult = { findings: CriteriaFinding[]; ruleSetVersion: string };

/** Only the fields of the contract, in its order. */
function toContract(f: CriteriaFinding): CriteriaFinding {
  return { criterion: f.criterion, clause: f.clause, match: f.match, start: f.start, end: f.end, message: f.message };
}

export function parseCriteriaCheckRequest(raw: unknown): { text: string } {
  const parsed = criteriaCheckRequestSchema.safeParse(raw);
  if (!parsed.success) throw new DomainError("validation_failed", "请求内容有误。", { issues: formatZodIssues(parsed.error) });
  return parsed.data;
}

/**
 * The criteria check of the API and of the 规范性文件合规检查 page: the guard's findings and the
 * version of the rule set in force. The guard itself needs no database; when the rule set
 * cannot be read the built-in version is named rather than failing the check.
 */
export async function checkCriteria(db: Db, raw: unknown): Promise<CriteriaCheckResult> {
  const { text } = parseCriteriaCheckRequest(raw);
  const findings = findForbiddenCriteria(text).map(toContract);
  let ruleSetVersion = DEFAULT_RULE_SET_VERSION;
  try {
    ruleSetVersion = (await getCurrentRuleSet(db)).version;
  } catch (e) {
    console.error("[criteria-check] rule set unavailable:", e instanceof Error ? e.message : e);
  }
  return { findings, ruleSetVersion };
}
