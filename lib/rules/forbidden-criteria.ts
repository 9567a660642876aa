import type { IgnoredFactKey } from "@/lib/schemas/eligibility";
import type { CriterionCode } from "./criteria-lexicon";
import { findRawCriteria } from "./find-criteria";
import type { Clause, RuleSet, RuleSetData } from "./types";

export { normalizeCjk, normaliseText } from "./normalise-text";

/**
 * What must never be a condition of settlement (RULES.md; plan 二(二), 三(五); spec
 * criteria-check-api.md), and the guard for free text (rules, refusal reasons, clerk notes,
 * county documents) that makes one of them a condition. The guard reads conditions, not
 * keywords (find-criteria.ts): a forbidden object must be bound to a demand, refusal or
 * deficiency; a text that negates, reports, records a kept right or a voluntary choice, names an
 * employer or an address, or accepts rented housing makes nothing a condition.
 */

/** The eight criteria of the spec: the plan's five bans and three conditions the plan never sets. */
export const FORBIDDEN_CRITERIA = [
  "home_purchase",
  "investment",
  "tax_payment",
  "points",
  "rural_land_rights",
  "social_insurance",
  "residence_duration",
  "quota",
] as const satisfies readonly CriterionCode[];
export type ForbiddenCriterion = (typeof FORBIDDEN_CRITERIA)[number];

/** `clause` is "" where the plan simply sets no such condition (spec). `message` is the finding's explanation. */
export type ForbiddenCriterionInfo = { clause: Clause; label: string; explanation: string; message: string };

export const FORBIDDEN_CRITERION_INFO: Readonly<Record<ForbiddenCriterion, ForbiddenCriterionInfo>> = {
  home_purchase: {
    clause: "二(二)",
    label: "购买或拥有住房（含住房面积、价格）",
    explanation: "不得将购买房屋作为落户限制条件；有合法稳定住所（含租赁）即可落户，租赁住房与自有住房同等对待。",
    message:
      "不得将购买房屋作为落户限制条件（《实施方案》二(二)）：在城镇有合法稳定住所（含租赁）即可申请落户，租赁住房与自有住房同等对待，房屋面积、价格和产权均不得作为条件。",
  },
  investment: {
    clause: "二(二)",
    label: "投资（含注册资本）",
    explanation: "不得将投资纳税等作为落户限制条件。",
    message: "不得将投资作为落户限制条件（《实施方案》二(二)）：投资额、注册资本、入股均不得作为落户条件。",
  },
  tax_payment: {
    clause: "二(二)",
    label: "纳税",
    explanation: "不得将投资纳税等作为落户限制条件。",
    message: "不得将纳税作为落户限制条件（《实施方案》二(二)）：纳税额、纳税记录、完税证明均不得作为落户条件或要求提供的材料。",
  },
  points: {
    clause: "二(二)",
    label: "积分或评分",
    explanation: "不得采取积分落户方式。",
    message: "不得采取积分落户方式（《实施方案》二(二)）：积分、评分、排名均不得作为落户条件。",
  },
  rural_land_rights: {
    clause: "三(五)",
    label: "退出或转让农村土地承包权、宅基地使用权、集体收益分配权",
    explanation: "不得强行要求进城落户农民转让其在农村的土地承包权、宅基地使用权、集体收益分配权，或将其作为进城落户条件。",
    message:
      "不得强行要求进城落户农民转让其在农村的土地承包权、宅基地使用权、集体收益分配权，或将其作为进城落户条件（《实施方案》三(五)）；依法自愿有偿转让不受影响。",
  },
  social_insurance: {
    clause: "",
    label: "社会保险缴纳年限",
    explanation: "《实施方案》未设社会保险缴纳年限条件。",
    message: "《实施方案》未设社会保险缴纳年限等条件：有合法稳定住所（含租赁）即可申请落户，社保缴纳情况不得作为落户条件。",
  },
  residence_duration: {
    clause: "",
    label: "居住年限",
    explanation: "《实施方案》未设居住年限条件。",
    message: "《实施方案》未设居住年限条件：在城镇有合法稳定住所（含租赁）即可申请落户，不以居住满一定期限为条件。",
  },
  quota: {
    clause: "",
    label: "落户名额或指标",
    explanation: "《实施方案》未设落户名额、指标限制。",
    message: "《实施方案》未设年度落户名额、指标限制：符合条件的均可落户，不得以名额已满或指标不足为由不予办理或拖延。",
  },
};

/**
 * The criterion each ignored fact of the request stands for. Years of residence and months of
 * social insurance are no criterion of the table, but the plan sets no such minimum either
 * (RULES.md "Also not conditions"): null here, still never a condition.
 */
export const IGNORED_FACT_CRITERION: Readonly<Record<IgnoredFactKey, ForbiddenCriterion | null>> = {
  ownsHome: "home_purchase",
  homeAreaM2: "home_purchase",
  taxPaidYuan: "tax_payment",
  investmentYuan: "investment",
  points: "points",
  socialInsuranceMonths: null,
  residenceYears: null,
  keepsRuralLandRights: "rural_land_rights",
};

// --- the guard ----------------------------------------------------------------------------

/** One finding: the words of the text (as sent) that make a criterion a condition, with UTF-16 offsets. */
export type ForbiddenMatch = {
  criterion: ForbiddenCriterion;
  clause: Clause;
  match: string;
  start: number;
  end: number;
  message: string;
};
/** The shape of each entry of `findings` in POST /api/v1/criteria-check. */
export type CriteriaFinding = ForbiddenMatch;

/**
 * Every place where the text makes a criterion a condition, in text order; [] for a clean text.
 * `text.slice(start, end) === match`.
 */
export function findForbiddenCriteria(text: string): ForbiddenMatch[] {
  return findRawCriteria(text).map((f) => ({
    criterion: f.criterion,
    clause: FORBIDDEN_CRITERION_INFO[f.criterion].clause,
    match: text.slice(f.start, f.end),
    start: f.start,
    end: f.end,
    message: FORBIDDEN_CRITERION_INFO[f.criterion].message,
  }));
}

// --- checks for clerks' refusals and notes ------------------------------------------------

/** A finding as a problem of a refusal or note (the message there says why it may not be a reason). */
export type ForbiddenCriterionProblem = { code: "forbidden_criterion" } & ForbiddenMatch;

export type RefusalProblem =
  { code: "reason_required"; message: string } | { code: "unknown_reason"; reasonCode: string; message: string } | ForbiddenCriterionProblem;

export function forbiddenCriterionMessage(m: Pick<ForbiddenMatch, "criterion" | "match">): string {
  const info = FORBIDDEN_CRITERION_INFO[m.criterion];
  if (!info.clause) return `“${m.match}”将${info.label}作为落户条件：${info.explanation}不得以此为条件或理由。`;
  return `“${m.match}”将${info.label}作为落户条件，违反《推动非户籍人口在城市落户实施方案》${info.clause}：${info.explanation}`;
}

/** The clause shown with a finding: the plan's clause, or a plain statement where the plan sets no such condition. */
export function clauseLabel(clause: Clause): string {
  return clause ? `《实施方案》${clause}` : "《实施方案》未设此条件";
}

/** Problems of a free-text note (supplement notice, clerk note): [] when it may be saved. */
export function checkNote(text: string): ForbiddenCriterionProblem[] {
  return findForbiddenCriteria(text).map((m) => ({ code: "forbidden_criterion", ...m, message: forbiddenCriterionMessage(m) }));
}

/**
 * Problems of a refusal: it must name at least one allowed reason of the rule set, and its
 * note may not rest on a forbidden criterion. [] when the refusal may be recorded.
 */
export function checkRefusal(refusal: { reasonCodes: readonly string[]; note?: string | null }, ruleSet: RuleSet | RuleSetData): RefusalProblem[] {
  const data = "data" in ruleSet ? ruleSet.data : ruleSet;
  const allowed = new Set(data.refusalReasons.map((r) => r.code));
  const problems: RefusalProblem[] = [];
  if (refusal.reasonCodes.length === 0) {
    problems.push({ code: "reason_required", message: "不予落户须至少选择一项规定的理由（并注明依据条款）。" });
  }
  for (const code of new Set(refusal.reasonCodes)) {
    if (!allowed.has(code)) problems.push({ code: "unknown_reason", reasonCode: code, message: `“${code}”不是规则中允许的不予落户理由。` });
  }
  if (refusal.note) problems.push(...checkNote(refusal.note));
  return problems;
}
