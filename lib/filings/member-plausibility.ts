import { birthDateOfIdNumber } from "@/lib/schemas/eligibility";

/**
 * Household members must be plausible relative to the applicant: a parent is born before
 * them, a child after them, and there is at most one spouse. Pure; returns the message to show
 * (Simplified Chinese) or null.
 */
export type PlausibilityPerson = { id?: string; relation: string; idNumber: string };

export type PlausibilityProblem = { path: "relation" | "idNumber"; message: string };

export function memberPlausibilityProblem(
  applicant: Pick<PlausibilityPerson, "idNumber"> | undefined,
  others: readonly PlausibilityPerson[],
  candidate: PlausibilityPerson,
): PlausibilityProblem | null {
  if (candidate.relation === "spouse" && others.some((m) => m.relation === "spouse" && m.id !== candidate.id)) {
    return { path: "relation", message: "随迁人员中已有一名配偶，一人只能有一位配偶。请核对与申请人的关系。" };
  }
  if (!applicant) return null;
  const own = birthDateOfIdNumber(applicant.idNumber);
  const theirs = birthDateOfIdNumber(candidate.idNumber);
  if (candidate.relation === "parent" && theirs >= own) {
    return { path: "idNumber", message: `父母的出生日期（${theirs}）不能晚于或等于申请人的出生日期（${own}），请核对身份证号码或与申请人的关系。` };
  }
  if (candidate.relation === "child" && theirs <= own) {
    return { path: "idNumber", message: `子女的出生日期（${theirs}）不能早于或等于申请人的出生日期（${own}），请核对身份证号码或与申请人的关系。` };
  }
  return null;
}
