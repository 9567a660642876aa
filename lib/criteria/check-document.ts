import { defineAction } from "@/lib/auth/run-action";
import { RATE_LIMITS } from "@/lib/http/rate-limit";
import { findForbiddenCriteria, type CriteriaFinding } from "@/lib/rules/forbidden-criteria";
import { getCurrentRuleSet } from "@/lib/rules/rule-set-service";
import { DEFAULT_RULE_SET_VERSION } from "@/lib/rules/default-rule-set";
import { criteriaCheckRequestSchema } from "./check-criteria";

/** Who may use 规范性文件合规检查: county and city officials, and administrators. */
export const COMPLIANCE_ROLES = ["official", "admin"] as const;

export type DocumentCheck = { findings: CriteriaFinding[]; ruleSetVersion: string; characters: number };

/**
 * 规范性文件合规检查: a draft local notice or rule (up to 20,000 characters) checked by the same
 * guard as the API. Nothing pasted is stored: the audit event records only its length and the
 * criteria and clauses found, never the text.
 */
export const checkDocumentDef = defineAction(
  { roles: COMPLIANCE_ROLES, action: "compliance.check", schema: criteriaCheckRequestSchema, rateLimit: RATE_LIMITS.criteriaCheck },
  async (ctx, { text }): Promise<DocumentCheck> => {
    const findings = findForbiddenCriteria(text).map((f) => ({
      criterion: f.criterion,
      clause: f.clause,
      match: f.match,
      start: f.start,
      end: f.end,
      message: f.message,
    }));
    let ruleSetVersion = DEFAULT_RULE_SET_VERSION;
    try {
      ruleSetVersion = (await getCurrentRuleSet(ctx.tx)).version;
    } catch {
      // The guard does not depend on the rule set; name the built-in one.
    }
    const characters = [...text].length;
    ctx.audit({
      entityType: "document_check",
      details: { characters, findings: findings.length, criteria: [...new Set(findings.map((f) => `${f.criterion}${f.clause ? ` ${f.clause}` : ""}`))] },
    });
    return { findings, ruleSetVersion, characters };
  },
);
