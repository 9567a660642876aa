import type { Channel, DocumentCode, IgnoredFactKey, Relation, RuralStudentSubtype, TalentSubtype, Tenure } from "@/lib/schemas/eligibility";

/**
 * The data of a rule set. It is JSON: stored as a versioned row (the row holds the version),
 * edited by administrators and checked by validateRuleSetData before it may be published.
 */

/** A clause of the plan as written there: "二", "二(一)", "三(五)" … */
export type Clause = string;

/**
 * The facts a condition may look at. Ignored facts (ownsHome, taxPaidYuan, …) are not among
 * them on purpose: the engine cannot even read them.
 */
export const FACT_KEYS = [
  "applicant.hukouType",
  "residence.present",
  "residence.legal",
  "residence.tenure",
  "principal.present",
  "principal.relation",
  "principal.livesTogether",
  "principal.hasHukouAtDestination",
  /** 1.1: the shared home is the principal's legal stable residence at the destination. */
  "principal.hasLegalResidenceAtDestination",
  /** 1.1: hukou or a legal stable residence at the destination; absent without a principal. */
  "principal.tiedToDestination",
  /** 1.1: residence.legal on the shared-home path (no hukou, a legal residence); absent on any other path. */
  "principal.sharedHomeLegal",
  "employment.present",
  "employment.employed",
  "employment.employerHasCollectiveHousehold",
  /** false when employment.workCounty is given and differs from destinationCounty; absent when not given. */
  "employment.worksAtDestination",
  "hasDirectRelativeToJoin",
] as const;
export type FactKey = (typeof FACT_KEYS)[number];
export type FactValue = string | boolean | undefined;
export type Facts = Readonly<Record<FactKey, FactValue>>;

/**
 * How a condition tests its fact. `not_true` / `not_false` treat an absent fact as "not
 * claimed": e.g. no `hasDirectRelativeToJoin` means no relative was named.
 */
export const CONDITION_TESTS = ["is_true", "is_false", "not_true", "not_false", "present", "absent", "equals"] as const;
export type ConditionTest = (typeof CONDITION_TESTS)[number];

export type ConditionDef = {
  /** Stable code, reported as the reason code when the condition fails. */
  code: string;
  clause: Clause;
  fact: FactKey;
  test: ConditionTest;
  /** For `equals` only. */
  value?: string;
  /** Chinese, shown when the condition fails. May use {workCountyName} and {destinationCountyName}. */
  message: string;
  /** Channels that fit instead when this condition fails. */
  suggestChannels?: Channel[];
};

/** Any ONE document satisfies the group; the first is the one listed as missing. */
export type DocumentGroup = {
  alternatives: DocumentCode[];
  clause: Clause;
  /** Optional Chinese label for admins and notices, e.g. "住所证明（任选其一）". */
  label?: string;
  /**
   * 1.1: not needed by a person younger than this many years on the day of the request
   * (id_card: under 16 the 户口簿 page identifies the person). Absent: needed at every age.
   */
  notRequiredUnderAge?: number;
};

/** What one variant of a channel (a subtype, relation or tenure) adds to the channel's own. */
export type VariantRule = {
  conditions: string[];
  documents: DocumentGroup[];
};

/**
 * 1.1, 二(二): how the principal's tie to the destination is evidenced. `hukou` when the
 * principal has hukou there; otherwise the shared home's evidence by its tenure (as for the
 * residence channel). Optional so that rule sets stored before 1.1 stay readable.
 */
export type PrincipalTieRules = {
  hukou: VariantRule;
  residenceTenures: Record<Tenure, VariantRule>;
  residenceNoTenure: VariantRule;
};

type ChannelBase = {
  clause: Clause;
  /** Codes of ConditionDef checked for every applicant of the channel. */
  conditions: string[];
  /** Document groups for every applicant of the channel (besides identity). */
  documents: DocumentGroup[];
};

export type ChannelRules = {
  talent: ChannelBase & { subtypes: Record<TalentSubtype, VariantRule> };
  rural_student: ChannelBase & { subtypes: Record<RuralStudentSubtype, VariantRule> };
  residence: ChannelBase & { tenures: Record<Tenure, VariantRule>; noTenure: VariantRule };
  /** `noRelation` applies when the principal (and so the relation) is not described. */
  family: ChannelBase & { relations: Record<Relation, VariantRule>; noRelation: VariantRule; principalTie?: PrincipalTieRules };
  collective: ChannelBase;
};

export type TimeLimits = {
  /** 受理 within this many working days of submission. */
  acceptanceWorkingDays: number;
  /** Decision within this many working days of acceptance. */
  decisionWorkingDays: number;
  /** Time given to the resident to answer a 补正告知. */
  supplementWorkingDays: number;
  /** Untouched drafts are deleted after this many calendar days. */
  draftRetentionDays: number;
  /** After approval: the move-out (迁出) within this many working days (default 10). */
  moveOutWorkingDays?: number;
  /** After the move-out: the registration (落户) within this many working days (default 5). */
  registrationWorkingDays?: number;
  /**
   * The permit to move in (准予迁入证明) is valid this many calendar days from its issue
   * (default 40, as commonly printed on 准迁证); absent in older stored sets (the default applies).
   */
  permitValidityDays?: number;
};

/** A reason a clerk may give for rejecting one uploaded document, or for returning a move-out request. */
export type ReviewReason = { code: string; label: string };

export const REFUSAL_REASON_CODES = [
  "identity_unverified",
  "documents_invalid",
  "residence_not_legal",
  "residence_not_lived_in",
  "relationship_not_proven",
  "collective_conditions_not_met",
  "already_registered",
  "duplicate_filing",
  "withdrawn",
  "supplement_not_provided",
] as const;

export type RefusalReason = {
  /** Stable code; the default set uses REFUSAL_REASON_CODES, admins may add more. */
  code: string;
  label: string;
  clause: Clause;
};

/**
 * A supplement-notice item that is no document of the rules (e.g. an unreadable upload, names
 * that differ between documents). A notice lists only document slots the rules check requires
 * of the filing and these items: a clerk's free text never adds a demand.
 */
export type SupplementItemDef = {
  /** Stable code (not a document code). */
  code: string;
  /** Chinese, in plain words, shown to the resident. */
  label: string;
};

export type SupplementSettings = {
  otherItems: SupplementItemDef[];
  /** Whether a station head's correction of a sent notice gives the resident the full time limit again. */
  correctionRestartsClock: boolean;
};

export type RuleSetData = {
  /** Shape of this JSON, for future migrations. */
  formatVersion: 1;
  /** id_card, hukou_booklet: needed by every channel. */
  identityDocuments: DocumentGroup[];
  conditions: ConditionDef[];
  channels: ChannelRules;
  timeLimits: TimeLimits;
  refusalReasons: RefusalReason[];
  /** Supplement notices; absent in older stored sets (DEFAULT_SUPPLEMENT_SETTINGS then apply). */
  supplement?: SupplementSettings;
  /** Why a clerk rejects an uploaded document (defaults in lib/review/review-reasons.ts). */
  documentRejectionReasons?: ReviewReason[];
  /** Why an origin station returns a move-out request (defaults in lib/review/review-reasons.ts). */
  moveOutReturnReasons?: ReviewReason[];
};

/** A stored rule set: the version lives on the database row, the data is the JSON. */
export type RuleSet = { version: string; data: RuleSetData };

export type EligibilityOutcome = "eligible" | "needs_documents" | "ineligible";

export type EligibilityReason = { code: string; clause: Clause; message: string };

/** Exactly the response body of POST /api/v1/eligibility. */
export type EligibilityResult = {
  outcome: EligibilityOutcome;
  channel: Channel;
  clauses: Clause[];
  missingDocuments: DocumentCode[];
  reasons: EligibilityReason[];
  suggestedChannels: Channel[];
  ignoredFacts: IgnoredFactKey[];
  ruleSetVersion: string;
};
