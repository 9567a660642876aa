import type { IgnoredFactKey } from "@/lib/schemas/eligibility";
import type { Clause, RuleSet, RuleSetData } from "./types";

/**
 * What must never be a condition of settlement (RULES.md; plan 二(二), 三(五)), and a detector
 * for free text (rules, refusal reasons, clerk notes) that makes one of them a condition.
 *
 * The detector favours precision on legitimate notes ("租赁合同未备案", "已提供不动产权证书")
 * and catches disguised wording: traditional characters, full-width forms, spaces,
 * punctuation or zero-width characters between the characters, common English.
 */

export const FORBIDDEN_CRITERIA = ["home_purchase", "investment", "tax_payment", "points", "rural_land_rights"] as const;
export type ForbiddenCriterion = (typeof FORBIDDEN_CRITERIA)[number];

export type ForbiddenCriterionInfo = { clause: Clause; label: string; explanation: string };

export const FORBIDDEN_CRITERION_INFO: Readonly<Record<ForbiddenCriterion, ForbiddenCriterionInfo>> = {
  home_purchase: {
    clause: "二(二)",
    label: "购买或拥有住房（含住房面积、价格）",
    explanation: "不得将购买房屋作为落户限制条件；有合法稳定住所（含租赁）即可落户，租赁住房与自有住房同等对待。",
  },
  investment: {
    clause: "二(二)",
    label: "投资（含注册资本）",
    explanation: "不得将投资纳税等作为落户限制条件。",
  },
  tax_payment: {
    clause: "二(二)",
    label: "纳税",
    explanation: "不得将投资纳税等作为落户限制条件。",
  },
  points: {
    clause: "二(二)",
    label: "积分或评分",
    explanation: "不得采取积分落户方式。",
  },
  rural_land_rights: {
    clause: "三(五)",
    label: "退出或转让农村土地承包权、宅基地使用权、集体收益分配权",
    explanation: "不得强行要求进城落户农民转让其在农村的土地承包权、宅基地使用权、集体收益分配权，或将其作为进城落户条件。",
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

// --- normalisation ------------------------------------------------------------------------

/** Traditional (and variant) → simplified, only for the characters the patterns use. */
const TRADITIONAL = "購買無產沒證証積夠達標過於納稅繳個額錄記貢獻滿資註冊興業戶數評還轉讓銷經營權體責農須應擁樓價兩動屬簽務條請補從將會為這當後總備棄";
const SIMPLIFIED = "购买无产没证证积够达标过于纳税缴个额录记贡献满资注册兴业户数评还转让销经营权体责农须应拥楼价两动属签务条请补从将会为这当后总备弃";
const T2S: ReadonlyMap<string, string> = new Map([...TRADITIONAL].map((ch, i) => [ch, [...SIMPLIFIED][i]]));

function toSimplified(text: string): string {
  let out = "";
  for (const ch of text) out += T2S.get(ch) ?? ch;
  return out;
}

/** For the Chinese patterns: NFKC, lower case, simplified, and no separators of any kind. */
export function normalizeCjk(text: string): string {
  return toSimplified(text.normalize("NFKC").toLowerCase()).replace(/[\p{Z}\p{P}\p{S}\p{C}]/gu, "");
}

/** For the English patterns: NFKC, lower case, invisible characters dropped, words separated by one space. */
export function normalizeLatin(text: string): string {
  const words = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\p{Cf}/gu, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  return ` ${words} `;
}

// --- patterns -----------------------------------------------------------------------------

/** "must …", not preceded by a negation (无需购房 is fine). */
const REQ = "(?<![无不毋免])(?:需要|需|必须|须|要求|应当|应)(?:先|在本市|在当地|依法)?(?:提供|出具|提交)?";
const NOT = "(?:尚未|从未|未曾|未|没有|没|无)";
const BUY = "(?:购买|购置|购|买)";
const HOME = "(?:商品住房|商品房|住房|房屋|房产|房子|楼房|房)";
const SHORT = "(?:不足|不够|不达标|未达标|未达)";
const AT_LEAST = "(?:满|达到|不少于|不低于|少于|低于|大于|高于|超过)";
/** 须/不得 … before a threshold: 面积不得低于, 纳税额须达到. */
const MODAL = "(?:须|需|应当|应|要求|不得|不能|不可|不应)?";
const GIVE_UP = "(?:退出|放弃|交回|交出|退还|退回|流转|转让|注销|让渡|上交|收回)";
const LAND = "(?:宅基地|承包地|承包田|承包土地|土地承包|承包经营|土地经营|集体收益|责任田|耕地|林地|土地)";

const re = (src: string) => new RegExp(src, "u");

const CJK_PATTERNS: ReadonlyArray<readonly [ForbiddenCriterion, RegExp]> = [
  // 未购房, 没有购房, 未购买住房, 未在本市购房
  ["home_purchase", re(`${NOT}(?:在本市|在当地|在本地)?${BUY}${HOME}`)],
  // 需购房, 须购买住房, 要求购房, 需提供购房合同
  ["home_purchase", re(`${REQ}${BUY}${HOME}`)],
  // 无房产, 没有住房, 无自有住房 — but not 无房屋租赁合同 or 无住房公积金
  ["home_purchase", re(`${NOT}有?(?:自有|自购|个人|自己的)?(?:房产|住房|房屋|房子|产权房|商品房)(?!公积金|租|出租|安全)`)],
  // 须拥有住房, 需有房产, 须持有不动产权证
  ["home_purchase", re(`${REQ}(?:拥有|持有|具有|具备|有)(?:自有|自购|个人)?(?:住房|房产|房屋|房子|产权房|商品房|不动产)`)],
  // 房产证明不足
  ["home_purchase", re(`(?:房产|房屋|住房)(?:产权证明|证明|证|产权)?${SHORT}`)],
  // 住房面积不足, 面积不够, 面积须达到
  // (not 面积应与合同一致: a document that does not match is a legitimate note)
  ["home_purchase", re(`面积${MODAL}(?:${SHORT}|过小|太小|偏小|不符合|${AT_LEAST})`)],
  ["home_purchase", re(`(?:房价|房屋价格|住房价格|房屋价值|房屋总价|购房款|购房金额)${MODAL}(?:${SHORT}|${AT_LEAST})`)],
  // 购房落户, 买房后方可落户, 请先购房
  ["home_purchase", re(`${BUY}${HOME}(?:后)?(?:落户|入户|才能|方可|方能)`)],
  ["home_purchase", re(`先${BUY}${HOME}`)],
  // 名下无房, 没房 — but not 没有房屋租赁合同
  ["home_purchase", re(`(?:名下|本人|申请人|家庭)${NOT}有?(?:住)?房(?!屋?租|屋?出租)`)],
  ["home_purchase", re("没有?房(?!屋?租|屋?出租)")],
  // Renting made second-class: 租房不能落户, 仅限自有住房, 自有住房方可
  ["home_purchase", re("(?:租房|租赁住房|租赁房屋|租住|租赁)的?(?:不能|不可|不得|不予|无法|不符合|不属于|不算|不视为|不认定)")],
  ["home_purchase", re("(?:仅限|只限|限于|仅)(?:自有|自购|产权|商品)")],
  ["home_purchase", re("(?:自有住房|自有房屋|自购房|产权房)(?:方可|才能|才可|方能)")],

  ["investment", re(`投资(?:额|金额|总额|证明)?(?:${MODAL}(?:${SHORT}|${AT_LEAST})|落户|入户)`)],
  ["investment", re(`${NOT}(?:在本市|在当地)?投资`)],
  ["investment", re(`${REQ}投资`)],
  ["investment", re("注册(?:资本|资金)")],

  ["tax_payment", re(`(?:纳税|缴税|完税|个税|个人所得税|税款|税收)(?:缴纳|缴交|缴)?(?:证明|记录|额|金额|贡献)?${MODAL}(?:${SHORT}|${AT_LEAST})`)],
  ["tax_payment", re(`${NOT}(?:依法)?(?:纳税|缴税|缴纳税款|缴纳个税|缴纳个人所得税|完税)`)],
  ["tax_payment", re(`${REQ}(?:纳税|缴税|缴纳税款|缴纳个税|缴纳个人所得税|完税)`)],
  ["tax_payment", re("(?:纳税|缴税)(?:落户|入户)")],

  ["points", re("积分")],
  ["points", re(`(?:分数|分值|评分|得分|打分)(?:${MODAL}(?:${SHORT}|${AT_LEAST})|落户|入户)`)],
  ["points", re("(?:打分|评分)(?:制)?(?:落户|入户)")],

  // 放弃土地承包权, 交回承包地, 未退出宅基地
  ["rural_land_rights", re(`${GIVE_UP}了?(?:其|本人|申请人)?(?:在)?(?:农村|老家|原籍)?的?${LAND}`)],
  // 宅基地未退出, 承包地尚未交回
  ["rural_land_rights", re(`${LAND}(?:使用权|承包权|经营权|分配权|权)?${NOT}?${GIVE_UP}`)],
  ["rural_land_rights", re("集体收益分配权")],
];

const LATIN_PATTERNS: ReadonlyArray<readonly [ForbiddenCriterion, RegExp]> = [
  ["home_purchase", /\b(?:home|house|housing|property|apartment|flat|real estate) (?:purchase[sd]?|ownership|owner|owned)\b/],
  ["home_purchase", /\bhome ?owner(?:s|ship)?\b/],
  ["home_purchase", /\b(?:renters?|tenants?|rented (?:homes?|houses?|housing|flats?|apartments?)) (?:are |is |do |does )?(?:not|n ?t) (?:eligible|accepted|count|qualify|allowed)\b/],
  ["home_purchase", /\b(?:buy|buys|buying|bought|purchase|purchases|purchasing|purchased) (?:of )?(?:a |an |the |own |your |their )?(?:home|house|property|apartment|flat|real estate)\b/],
  ["home_purchase", /\b(?:does|do|did) ?(?:not|n ?t) own\b/],
  ["home_purchase", /\bnot (?:own|owning) (?:a |an |any )?(?:home|house|property|apartment|flat)\b/],
  ["home_purchase", /\b(?:own|owns|owning) (?:a |an |any |their )?(?:home|house|property|apartment|flat)\b/],
  ["home_purchase", /\bno (?:own |owned )?(?:home|house|apartment|flat)\b/],
  ["home_purchase", /\b(?:floor|home|house|housing|living) (?:area|size)\b/],
  ["investment", /\binvest(?:s|ed|ing|ment|ments|or|ors)?\b/],
  ["investment", /\bregistered capital\b/],
  ["tax_payment", /\btax(?:es|ed|payer|payers|payment|payments)?\b/],
  ["points", /\b(?:points?|scores?|scoring)\b/],
  ["rural_land_rights", /\bhomestead\b/],
  ["rural_land_rights", /\bcontracted (?:land|farmland)\b/],
  ["rural_land_rights", /\bland (?:contract|contracting|contractual|use) (?:rights?|right)\b/],
  [
    "rural_land_rights",
    /\b(?:give|gives|giving|gave|given|surrender\w*|relinquish\w*|transfer\w*|return\w*|forfeit\w*|abandon\w*|quit\w*) (?:up )?(?:the |his |her |their |its |of )?(?:rural |farm |contracted )?(?:land|farmland|homestead)\b/,
  ],
  ["rural_land_rights", /\bcollective (?:income|revenue|benefit|distribution)\b/],
];

export type ForbiddenMatch = { criterion: ForbiddenCriterion; clause: Clause; match: string };

/**
 * The forbidden criteria the text makes a condition of, one entry per criterion (first match,
 * in the normalised text), in FORBIDDEN_CRITERIA order. [] for a clean text.
 */
export function findForbiddenCriteria(text: string): ForbiddenMatch[] {
  const cjk = normalizeCjk(text);
  const latin = normalizeLatin(text);
  const found = new Map<ForbiddenCriterion, string>();
  const scan = (patterns: typeof CJK_PATTERNS, subject: string, trim: boolean) => {
    for (const [criterion, pattern] of patterns) {
      if (found.has(criterion)) continue;
      const m = pattern.exec(subject);
      if (m) found.set(criterion, trim ? m[0].trim() : m[0]);
    }
  };
  scan(CJK_PATTERNS, cjk, false);
  scan(LATIN_PATTERNS, latin, true);
  return FORBIDDEN_CRITERIA.filter((c) => found.has(c)).map((criterion) => ({
    criterion,
    clause: FORBIDDEN_CRITERION_INFO[criterion].clause,
    match: found.get(criterion) ?? "",
  }));
}

// --- checks for clerks' refusals and notes ------------------------------------------------

export type ForbiddenCriterionProblem = {
  code: "forbidden_criterion";
  criterion: ForbiddenCriterion;
  clause: Clause;
  match: string;
  message: string;
};

export type RefusalProblem =
  | { code: "reason_required"; message: string }
  | { code: "unknown_reason"; reasonCode: string; message: string }
  | ForbiddenCriterionProblem;

export function forbiddenCriterionMessage(m: ForbiddenMatch): string {
  const info = FORBIDDEN_CRITERION_INFO[m.criterion];
  return `“${m.match}”将${info.label}作为落户条件，违反《推动非户籍人口在城市落户实施方案》${info.clause}：${info.explanation}`;
}

/** Problems of a free-text note (supplement notice, clerk note): [] when it may be saved. */
export function checkNote(text: string): ForbiddenCriterionProblem[] {
  return findForbiddenCriteria(text).map((m) => ({ code: "forbidden_criterion", ...m, message: forbiddenCriterionMessage(m) }));
}

/**
 * Problems of a refusal: it must name at least one allowed reason of the rule set, and its
 * note may not rest on a forbidden criterion. [] when the refusal may be recorded.
 */
export function checkRefusal(
  refusal: { reasonCodes: readonly string[]; note?: string | null },
  ruleSet: RuleSet | RuleSetData,
): RefusalProblem[] {
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
