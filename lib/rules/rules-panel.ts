import {
  DOCUMENT_CODES,
  DOCUMENT_LABELS,
  IGNORED_FACT_KEYS,
  RELATIONS,
  eligibilityRequestSchema,
  type Channel,
  type DocumentCode,
  type EligibilityRequestInput,
  type IgnoredFactKey,
  type Relation,
} from "@/lib/schemas/eligibility";
import { evaluate, presentIgnoredFacts } from "@/lib/rules/evaluate";
import { FORBIDDEN_CRITERION_INFO, IGNORED_FACT_CRITERION } from "@/lib/rules/forbidden-criteria";
import type { Clause, EligibilityOutcome, EligibilityReason, RuleSet } from "@/lib/rules/types";
import { formatZodIssues, type FieldIssue } from "@/lib/errors";
import { CHANNEL_REGISTRY } from "@/lib/channels/registry";

/**
 * The clerk's rules check of a filing: every household member judged by the filing's rule
 * set against the documents actually uploaded (not the ones the resident ticked), the missing
 * documents with their clauses (for the one-time supplement notice), and the facts that were
 * given but may not decide, with the clause that forbids them. Pure: the loader supplies rows.
 */

export type PanelMember = { id: string; relation: string; name: string; idNumber: string; hukouType: string | null; sortOrder: number };
export type PanelDocument = {
  id: string;
  memberId: string | null;
  docType: string;
  fileName: string;
  mimeType: string;
  size: number;
  /** Other persons this file also covers (one 户口簿 lists several people). */
  coversMemberIds?: readonly string[];
};

/** The files that count for a person: their own, the applicant's unassigned ones, and any booklet that lists them. */
export function documentsOfPerson<D extends Pick<PanelDocument, "memberId" | "coversMemberIds">>(
  documents: readonly D[],
  memberId: string | null,
  selfId: string | undefined,
): D[] {
  const isSelf = memberId === null || memberId === selfId;
  return documents.filter(
    (d) =>
      (isSelf ? d.memberId === null || d.memberId === selfId : d.memberId === memberId) ||
      (d.coversMemberIds ?? []).some((id) => id === memberId || (isSelf && id === selfId)),
  );
}
export type PanelFiling = {
  channel: Channel;
  subtype: string | null;
  destinationCounty: string;
  applicantName: string;
  applicantIdNumber: string;
  answers: unknown;
};

export type MissingItem = { memberId: string | null; code: DocumentCode | null; label: string; clause: Clause };

export type PersonCheck = {
  memberId: string | null;
  name: string;
  relation: string;
  /** The channel the person is judged under: the filing's for the applicant, family for those moving with them. */
  channel: Channel;
  outcome: EligibilityOutcome | "invalid";
  clauses: Clause[];
  /** Failed conditions (not documents), with their clauses. */
  reasons: EligibilityReason[];
  missing: MissingItem[];
  present: Array<{ id: string; docType: string; label: string; fileName: string; mimeType: string; size: number }>;
  /** When the stored answers do not make a valid request (e.g. an old filing). */
  problems: FieldIssue[];
};

export type IgnoredFactView = { key: IgnoredFactKey; label: string; value: string; clause: Clause; explanation: string };

export type RulesPanel = {
  ruleSetVersion: string;
  persons: PersonCheck[];
  ignoredFacts: IgnoredFactView[];
  /** eligible for every person: the filing may be approved. */
  allEligible: boolean;
  /** Every missing item of every person: what the one-time notice lists. */
  missingItems: MissingItem[];
};

export const IGNORED_FACT_LABELS: Readonly<Record<IgnoredFactKey, string>> = {
  ownsHome: "是否有自有住房",
  homeAreaM2: "住房面积（平方米）",
  taxPaidYuan: "纳税额（元）",
  investmentYuan: "投资额（元）",
  points: "积分",
  socialInsuranceMonths: "社保缴纳月数",
  residenceYears: "居住年限",
  keepsRuralLandRights: "是否保留农村土地权益",
};

/** Minimum years of residence or insurance: the plan sets none (二(二)), so they may not decide either. */
const NO_MINIMUM = { clause: "二(二)", explanation: "本方案未设居住年限、社保缴纳年限等条件，此项信息不得作为落户条件。" };

type Answers = Record<string, unknown>;
const obj = (v: unknown): Answers | undefined => (v && typeof v === "object" && !Array.isArray(v) ? (v as Answers) : undefined);

const isRelation = (r: string): r is Relation => (RELATIONS as readonly string[]).includes(r);
const isDocumentCode = (d: string): d is DocumentCode => (DOCUMENT_CODES as readonly string[]).includes(d);

/** The filing's own answers as a request for the applicant (documents filled in later). */
function applicantRequest(f: PanelFiling): EligibilityRequestInput {
  const a = obj(f.answers) ?? {};
  const applicant = obj(a.applicant) ?? {};
  const req: Record<string, unknown> = {
    ...a,
    applicant: {
      idNumber: f.applicantIdNumber,
      name: f.applicantName,
      hukouType: applicant.hukouType ?? a.hukouType,
      hukouRegion: applicant.hukouRegion ?? a.hukouRegion ?? f.applicantIdNumber.slice(0, 6),
    },
    destinationCounty: f.destinationCounty,
    channel: f.channel,
    subtype: f.subtype ?? a.subtype ?? undefined,
  };
  return req as EligibilityRequestInput;
}

/**
 * A member moving with the applicant (spouse, child, parent…) joins them under 二(二): judged
 * on the family channel, the principal being the applicant who acquires hukou in this filing.
 */
function memberRequest(f: PanelFiling, base: EligibilityRequestInput, m: PanelMember): EligibilityRequestInput {
  const a = obj(f.answers) ?? {};
  const principal = obj(a.principal);
  return {
    applicant: {
      idNumber: m.idNumber,
      name: m.name,
      hukouType: (m.hukouType ?? base.applicant.hukouType) as "rural" | "urban",
      hukouRegion: m.idNumber.slice(0, 6),
    },
    destinationCounty: f.destinationCounty as EligibilityRequestInput["destinationCounty"],
    // The registry says how persons moving along are judged (二(二): as family members of the applicant).
    channel: CHANNEL_REGISTRY[f.channel].documentSlots.members ?? "family",
    principal: {
      relation: isRelation(m.relation) ? m.relation : "other",
      livesTogether: typeof principal?.livesTogether === "boolean" && f.channel === "family" ? principal.livesTogether : true,
      hasHukouAtDestination: true,
    },
    documents: [],
  };
}

/** Pairs the engine's "missing_document" reasons with the document codes it lists (same order). */
function missingItems(memberId: string | null, reasons: EligibilityReason[], codes: DocumentCode[]): MissingItem[] {
  const docReasons = reasons.filter((r) => r.code === "missing_document");
  return docReasons.map((r, i) => {
    const code = docReasons.length === codes.length ? codes[i] : (DOCUMENT_CODES.find((c) => r.message.startsWith(`请提交${DOCUMENT_LABELS[c]}`)) ?? null);
    return { memberId, code, label: code ? `${DOCUMENT_LABELS[code]}：${r.message}` : r.message, clause: r.clause };
  });
}

function formatValue(v: unknown): string {
  if (typeof v === "boolean") return v ? "是" : "否";
  return String(v);
}

export function buildRulesPanel(ruleSet: RuleSet, filing: PanelFiling, members: PanelMember[], documents: PanelDocument[]): RulesPanel {
  const sorted = [...members].sort((x, y) => x.sortOrder - y.sortOrder);
  const self = sorted.find((m) => m.relation === "self") ?? null;
  const base = applicantRequest(filing);
  // Files without a member belong to the applicant (e.g. the rental contract of the household).
  const docsOf = (memberId: string | null) => documentsOfPerson(documents, memberId, self?.id);

  const people: Array<{ member: PanelMember | null; request: EligibilityRequestInput }> = [
    { member: self, request: base },
    ...sorted.filter((m) => m !== self).map((m) => ({ member: m, request: memberRequest(filing, base, m) })),
  ];

  const persons: PersonCheck[] = people.map(({ member, request }) => {
    const memberId = member?.id ?? null;
    const docs = docsOf(memberId);
    const present = docs.map((d) => ({
      id: d.id,
      docType: d.docType,
      // Files that are no document of the rules (e.g. attachments to a supplement answer).
      label: isDocumentCode(d.docType) ? DOCUMENT_LABELS[d.docType] : "补正附件或其他材料",
      fileName: d.fileName,
      mimeType: d.mimeType,
      size: d.size,
    }));
    const common = {
      memberId,
      name: member?.name ?? filing.applicantName,
      relation: member?.relation ?? "self",
      channel: request.channel as Channel,
      present,
    };
    const parsed = eligibilityRequestSchema.safeParse({ ...request, documents: [...new Set(docs.map((d) => d.docType).filter(isDocumentCode))] });
    if (!parsed.success) {
      return { ...common, outcome: "invalid" as const, clauses: [], reasons: [], missing: [], problems: formatZodIssues(parsed.error) };
    }
    // A member moving with the applicant joins the applicant, who acquires hukou in this very filing.
    const result = evaluate(ruleSet, parsed.data, { principalInSameFiling: member !== null && member !== self });
    return {
      ...common,
      outcome: result.outcome,
      clauses: result.clauses,
      reasons: result.reasons.filter((r) => r.code !== "missing_document"),
      missing: missingItems(memberId, result.reasons, result.missingDocuments),
      problems: [],
    };
  });

  const baseParsed = eligibilityRequestSchema.safeParse({ ...base, documents: [] });
  const ignoredKeys = baseParsed.success ? presentIgnoredFacts(baseParsed.data) : IGNORED_FACT_KEYS.filter((k) => (obj(filing.answers) ?? {})[k] !== undefined);
  const answers = obj(filing.answers) ?? {};
  const ignoredFacts = ignoredKeys.map((key) => {
    const criterion = IGNORED_FACT_CRITERION[key];
    const info = criterion ? FORBIDDEN_CRITERION_INFO[criterion] : NO_MINIMUM;
    return { key, label: IGNORED_FACT_LABELS[key], value: formatValue(answers[key]), clause: info.clause, explanation: info.explanation };
  });

  return {
    ruleSetVersion: ruleSet.version,
    persons,
    ignoredFacts,
    allEligible: persons.every((p) => p.outcome === "eligible"),
    missingItems: persons.flatMap((p) => p.missing),
  };
}
