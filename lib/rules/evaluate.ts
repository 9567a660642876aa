import { countyName } from "@/lib/places";
import {
  birthDateOfIdNumber,
  todayInChinaIso,
  DOCUMENT_LABELS,
  IGNORED_FACT_KEYS,
  type Channel,
  type DocumentCode,
  type EligibilityRequest,
  type IgnoredFactKey,
} from "@/lib/schemas/eligibility";
import type { ConditionDef, DocumentGroup, EligibilityReason, EligibilityResult, FactValue, Facts, RuleSet, RuleSetData, VariantRule } from "./types";

/**
 * The eligibility check: pure, deterministic, no I/O. It reads the request only through
 * `extractFacts`, which has no access to the ignored facts, so they cannot decide.
 */

/** 1.1: the family path through the principal's legal residence (no hukou at the destination). */
function onSharedHomePath(req: EligibilityRequest): boolean {
  const p = req.principal;
  return p !== undefined && p.hasHukouAtDestination === false && p.hasLegalResidenceAtDestination === true;
}

/**
 * The birth date that identifies the person's age: from the ID number, else (1.1) the
 * birthDate given for a pre-check without one. Undefined when neither is given.
 */
export function applicantBirthDate(req: EligibilityRequest): string | undefined {
  return req.applicant.idNumber ? birthDateOfIdNumber(req.applicant.idNumber) : req.applicant.birthDate;
}

/** Whole years of age on `today` (YYYY-MM-DD); a 29 February birthday falls on 1 March in other years. */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

export function extractFacts(req: EligibilityRequest): Facts {
  const { residence, principal, employment } = req;
  const workCounty = employment?.workCounty;
  return {
    "applicant.hukouType": req.applicant.hukouType,
    "residence.present": residence !== undefined,
    "residence.legal": residence?.legal,
    "residence.tenure": residence?.tenure,
    "principal.present": principal !== undefined,
    "principal.relation": principal?.relation,
    "principal.livesTogether": principal?.livesTogether,
    "principal.hasHukouAtDestination": principal?.hasHukouAtDestination,
    "principal.hasLegalResidenceAtDestination": principal?.hasLegalResidenceAtDestination,
    "principal.tiedToDestination": principal ? principal.hasHukouAtDestination || principal.hasLegalResidenceAtDestination === true : undefined,
    "principal.sharedHomeLegal": onSharedHomePath(req) ? residence?.legal : undefined,
    "employment.present": employment !== undefined,
    "employment.employed": employment?.employed,
    "employment.employerHasCollectiveHousehold": employment?.employerHasCollectiveHousehold,
    "employment.worksAtDestination": workCounty === undefined ? undefined : workCounty === req.destinationCounty,
    hasDirectRelativeToJoin: req.hasDirectRelativeToJoin,
  };
}

export function conditionHolds(cond: ConditionDef, value: FactValue): boolean {
  switch (cond.test) {
    case "is_true":
      return value === true;
    case "is_false":
      return value === false;
    case "not_true":
      return value !== true;
    case "not_false":
      return value !== false;
    case "present":
      return value !== undefined;
    case "absent":
      return value === undefined;
    case "equals":
      return value === cond.value;
  }
}

function lookup(rules: Readonly<Record<string, VariantRule>>, key: string | undefined): VariantRule | undefined {
  return key !== undefined && Object.hasOwn(rules, key) ? rules[key] : undefined;
}

/** The variant (subtype / tenure / relation) rules that apply to this request. */
function variantOf(data: RuleSetData, req: EligibilityRequest): VariantRule | undefined {
  const ch = data.channels;
  switch (req.channel) {
    case "talent":
      return lookup(ch.talent.subtypes, req.subtype);
    case "rural_student":
      return lookup(ch.rural_student.subtypes, req.subtype);
    case "residence":
      return req.residence?.tenure ? ch.residence.tenures[req.residence.tenure] : ch.residence.noTenure;
    case "family":
      return req.principal ? ch.family.relations[req.principal.relation] : ch.family.noRelation;
    case "collective":
      return undefined;
  }
}

/**
 * 1.1, 二(二): the principal's tie to the destination — the principal's booklet there when
 * they hold hukou there, else the shared home's evidence by its tenure.
 */
function principalTieOf(data: RuleSetData, req: EligibilityRequest): VariantRule | undefined {
  const tie = req.channel === "family" ? data.channels.family.principalTie : undefined;
  // No principal described: there is no tie to evidence (the family_principal_described condition fails).
  if (!tie || !req.principal) return undefined;
  if (req.principal.hasHukouAtDestination) return tie.hukou;
  const tenure = req.residence?.tenure;
  return tenure ? tie.residenceTenures[tenure] : tie.residenceNoTenure;
}

function renderMessage(template: string, req: EligibilityRequest): string {
  const work = req.employment?.workCounty;
  return template
    .replaceAll("{workCountyName}", work ? countyName(work) : "就业所在地")
    .replaceAll("{destinationCountyName}", countyName(req.destinationCounty));
}

function missingDocumentMessage(group: DocumentGroup): string {
  const names = group.alternatives.map((d) => DOCUMENT_LABELS[d]);
  if (names.length === 1) return `请提交${names[0]}。`;
  return `请提交${names.slice(0, -1).join("、")}或${names[names.length - 1]}（任选其一）。`;
}

const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

/** The ignored facts given in the request, in the spec's order. */
export function presentIgnoredFacts(req: EligibilityRequest): IgnoredFactKey[] {
  return IGNORED_FACT_KEYS.filter((k) => req[k] !== undefined);
}

export type EvaluateOptions = {
  /** The day of the request in China (YYYY-MM-DD); defaults to today. Ages are counted on it. */
  today?: string;
  /**
   * The principal acquires hukou at the destination in the same filing (a household filing:
   * the applicant's own evidence ties them), so no separate evidence of the principal's tie is asked.
   */
  principalInSameFiling?: boolean;
};

function neededAtAge(g: DocumentGroup, age: number | undefined): boolean {
  return g.notRequiredUnderAge === undefined || age === undefined || age >= g.notRequiredUnderAge;
}

/** Each rule set's conditions by code, built once per loaded rule set rather than per request. */
const conditionIndex = new WeakMap<RuleSetData, Map<string, ConditionDef>>();
function conditionsByCode(data: RuleSetData): Map<string, ConditionDef> {
  let index = conditionIndex.get(data);
  if (!index) conditionIndex.set(data, (index = new Map(data.conditions.map((c) => [c.code, c]))));
  return index;
}

export function evaluate(ruleSet: RuleSet, req: EligibilityRequest, opts: EvaluateOptions = {}): EligibilityResult {
  const { data } = ruleSet;
  const channelRules = data.channels[req.channel];
  const variant = variantOf(data, req);
  const tie = opts.principalInSameFiling ? undefined : principalTieOf(data, req);
  const facts = extractFacts(req);
  const birthDate = applicantBirthDate(req);
  const age = birthDate === undefined ? undefined : ageOn(birthDate, opts.today ?? todayInChinaIso());

  const byCode = conditionsByCode(data);
  const conditionCodes = unique([...channelRules.conditions, ...(variant?.conditions ?? []), ...(tie?.conditions ?? [])]);
  const failed: ConditionDef[] = [];
  for (const code of conditionCodes) {
    const cond = byCode.get(code);
    // validateRuleSetData refuses unknown codes; a stored set is never half-applied silently.
    if (!cond) throw new Error(`rule set ${ruleSet.version}: unknown condition "${code}"`);
    if (!conditionHolds(cond, facts[cond.fact])) failed.push(cond);
  }

  // 一次性告知: every missing group at once, identity first, then the channel's, then the variant's.
  const given = new Set<DocumentCode>(req.documents);
  // 1.1: a group not required at the person's age (id_card under 16) is left out; without a birth date it stays.
  const groups = [...data.identityDocuments, ...channelRules.documents, ...(variant?.documents ?? []), ...(tie?.documents ?? [])].filter((g) =>
    neededAtAge(g, age),
  );
  const missingGroups = groups.filter((g) => !g.alternatives.some((d) => given.has(d)));

  const reasons: EligibilityReason[] = [
    ...failed.map((c) => ({ code: c.code, clause: c.clause, message: renderMessage(c.message, req) })),
    ...missingGroups.map((g) => ({ code: "missing_document", clause: g.clause, message: missingDocumentMessage(g) })),
  ];

  const outcome = failed.length > 0 ? "ineligible" : missingGroups.length > 0 ? "needs_documents" : "eligible";
  const suggestedChannels: Channel[] = outcome === "ineligible" ? unique(failed.flatMap((c) => c.suggestChannels ?? [])).filter((c) => c !== req.channel) : [];

  return {
    outcome,
    channel: req.channel,
    clauses: unique([channelRules.clause, ...failed.map((c) => c.clause)]),
    missingDocuments: unique(missingGroups.map((g) => g.alternatives[0])),
    reasons,
    suggestedChannels,
    ignoredFacts: presentIgnoredFacts(req),
    ruleSetVersion: ruleSet.version,
  };
}
