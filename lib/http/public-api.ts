import { checkCriteriaPublicly, checkEligibilityPublicly } from "@/lib/eligibility/public-checks";
import { defineJsonApi } from "@/lib/http/json-api";
import { RATE_LIMITS } from "@/lib/http/rate-limit";

/**
 * The public JSON API (/api/v1/*), one definition each: the Next routes and the lean path
 * (scripts/lean-routes.ts) serve these same objects. No sign-in; nothing sent is stored.
 */

/** Contract: docs/api/eligibility-api.md. */
export const eligibilityApi = defineJsonApi({ name: "eligibility", maxBytes: 64 * 1024, rateLimit: RATE_LIMITS.eligibility, handle: checkEligibilityPublicly });

/** Contract: docs/api/criteria-check-api.md. */
export const criteriaCheckApi = defineJsonApi({
  name: "criteria-check",
  maxBytes: 64 * 1024,
  rateLimit: RATE_LIMITS.criteriaCheck,
  handle: checkCriteriaPublicly,
});
