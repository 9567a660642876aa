"use server";

import { runPublicPrecheck } from "@/lib/eligibility/public-checks";
import { precheckCarryOver } from "@/lib/eligibility/precheck";
import { requestIp } from "@/lib/auth/guard";
import { checkRateLimit, RATE_LIMITS } from "@/lib/http/rate-limit";
import { isDomainError, type FieldIssue } from "@/lib/errors";
import type { EligibilityResult } from "@/lib/rules/types";
import { clauseInWords } from "@/lib/filings/clause-words";

export type PrecheckState = {
  message?: string;
  issues?: FieldIssue[];
  ruleSetVersion?: string;
  /** `basis` and `why` are the clauses and reasons in words, made here so the browser needs no clause table. */
  candidates?: Array<{
    channel: string;
    subtype?: string;
    result: EligibilityResult;
    carry: string;
    basis: string;
    why: Array<{ code: string; text: string }>;
  }>;
};

/** Public (no sign-in): rate-limited per client like the API it mirrors. */
export async function precheckAction(input: unknown): Promise<PrecheckState> {
  if (await checkRateLimit(RATE_LIMITS.eligibility, await requestIp())) return { message: "请求过于频繁，请稍后再试。" };
  try {
    const { ruleSetVersion, candidates } = await runPublicPrecheck(input);
    return {
      ruleSetVersion,
      candidates: candidates.map((c) => ({
        channel: c.channel,
        subtype: c.subtype,
        result: c.result,
        carry: precheckCarryOver(c),
        basis: c.result.clauses.map(clauseInWords).join("；"),
        // Reasons are why a channel does not fit; "请提交…" lines are documents, listed apart.
        why: c.result.reasons.filter((r) => !r.message.startsWith("请提交")).map((r) => ({ code: r.code, text: `${r.message}（${clauseInWords(r.clause)}）` })),
      })),
    };
  } catch (e) {
    if (isDomainError(e)) return { message: e.message, issues: e.issues };
    console.error("[precheck]", e instanceof Error ? e.message : e);
    return { message: "系统繁忙，请稍后再试。" };
  }
}
