import { getPrisma } from "@/lib/db/client";
import { checkEligibilityNow } from "@/lib/eligibility/check-eligibility";
import { checkCriteria } from "@/lib/criteria/check-criteria";
import { runPrecheck } from "@/lib/eligibility/precheck";

/**
 * The public reads (no sign-in, nothing stored): the eligibility API, the criteria check and the
 * pre-check page. Rate limits stay with the callers (route handler, server action), which know
 * the client's address; these get the database client themselves so that app/ never holds it.
 */
export function checkEligibilityPublicly(body: unknown) {
  return checkEligibilityNow(getPrisma(), body);
}

export function checkCriteriaPublicly(body: unknown) {
  return checkCriteria(getPrisma(), body);
}

export function runPublicPrecheck(input: unknown) {
  return runPrecheck(getPrisma(), input);
}
