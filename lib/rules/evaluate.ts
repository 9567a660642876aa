import { countyName } from "@/lib/places";
import {
  DOCUMENT_LABELS,
  IGNORED_FACT_KEYS,
  type Channel,
  type DocumentCode,
  type EligibilityRequest,
  type IgnoredFactKey,
} from "@/lib/schemas/eligibility";
import type {
  ConditionDef,
  DocumentGroup,
  EligibilityReason,
  EligibilityResult,
  FactValue,
  Facts,
  RuleSet,
  RuleSetData,
  VariantRule,
} from "./types";

/**
 * The eligibility check: pure, deterministic, no I/O. It reads the request only through
 * `extractFacts`, which has no access to the ignored facts, so they cannot decide.
 */

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

export function evaluate(ruleSet: RuleSet, req: EligibilityRequest): EligibilityResult {
  const { data } = ruleSet;
  const channelRules = data.channels[req.channel];
  const variant = variantOf(data, req);
  const facts = extractFacts(req);

  const byCode = new Map(data.conditions.map((c) => [c.code, c]));
  const conditionCodes = unique([...channelRules.conditions, ...(variant?.conditions ?? [])]);
  const failed: ConditionDef[] = [];
  for (const code of conditionCodes) {
    const cond = byCode.get(code);
    // validateRuleSetData refuses unknown codes; a stored set is never half-applied silently.
    if (!cond) throw new Error(`rule set ${ruleSet.version}: unknown condition "${code}"`);
    if (!conditionHolds(cond, facts[cond.fact])) failed.push(cond);
  }

  // 一次性告知: every missing group at once, identity first, then the channel's, then the variant's.
  const given = new Set<DocumentCode>(req.documents);
  const groups = [...data.identityDocuments, ...channelRules.documents, ...(variant?.documents ?? [])];
  const missingGroups = groups.filter((g) => !g.alternatives.some((d) => given.has(d)));

  const reasons: EligibilityReason[] = [
    ...failed.map((c) => ({ code: c.code, clause: c.clause, message: renderMessage(c.message, req) })),
    ...missingGroups.map((g) => ({ code: "missing_document", clause: g.clause, message: missingDocumentMessage(g) })),
  ];

  const outcome = failed.length > 0 ? "ineligible" : missingGroups.length > 0 ? "needs_documents" : "eligible";
  const suggestedChannels: Channel[] =
    outcome === "ineligible" ? unique(failed.flatMap((c) => c.suggestChannels ?? [])).filter((c) => c !== req.channel) : [];

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
