import type { RuleSetData, ReviewReason, TimeLimits } from "@/lib/rules/types";
import { DEFAULT_RULE_SET_DATA } from "@/lib/rules/default-rule-set";

/**
 * The lists a clerk picks reasons from (rule-set data), and the time limits of the steps after
 * a decision. Older rule sets without them use the defaults of the default rule set.
 */

export function documentRejectionReasons(data: RuleSetData): ReviewReason[] {
  return data.documentRejectionReasons?.length ? data.documentRejectionReasons : (DEFAULT_RULE_SET_DATA.documentRejectionReasons ?? []);
}

export function moveOutReturnReasons(data: RuleSetData): ReviewReason[] {
  return data.moveOutReturnReasons?.length ? data.moveOutReturnReasons : (DEFAULT_RULE_SET_DATA.moveOutReturnReasons ?? []);
}

/** Working days for the move-out after approval, and for the registration after the move-out. */
export function completionLimits(limits: TimeLimits): { moveOut: number; registration: number } {
  return {
    moveOut: limits.moveOutWorkingDays ?? DEFAULT_RULE_SET_DATA.timeLimits.moveOutWorkingDays ?? 10,
    registration: limits.registrationWorkingDays ?? DEFAULT_RULE_SET_DATA.timeLimits.registrationWorkingDays ?? 5,
  };
}
