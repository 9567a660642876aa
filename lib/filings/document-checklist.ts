import { DOCUMENT_CODES, DOCUMENT_LABELS, type Channel, type DocumentCode } from "@/lib/schemas/eligibility";
import type { Clause, DocumentGroup, EligibilityOutcome, EligibilityReason, RuleSet, RuleSetData } from "@/lib/rules/types";
import { buildRulesPanel, documentsOfPerson, type PanelDocument, type PanelFiling, type PanelMember } from "@/lib/rules/rules-panel";
import type { FieldIssue } from "@/lib/errors";

/**
 * The resident's documents checklist: exactly what the rules check (the same one the clerk
 * sees, lib/review/rules-panel.ts → evaluate()) asks of this filing, for every person on it,
 * with the files already uploaded against each line. A line is met by any one of its
 * alternatives (e.g. 租赁合同 or 不动产权证书 for a home, rented counting as owned).
 */

export type ChecklistDocument = {
  id: string;
  docType: string;
  fileName: string;
  mimeType: string;
  size: number;
  memberId?: string | null;
  coversMemberIds?: readonly string[];
};

export type ChecklistSlot = {
  memberId: string | null;
  /** The document listed first (the one named when missing). */
  code: DocumentCode;
  label: string;
  alternatives: DocumentCode[];
  clause: Clause;
  documents: ChecklistDocument[];
  satisfied: boolean;
};

export type ChecklistPerson = {
  memberId: string | null;
  name: string;
  relation: string;
  channel: Channel;
  outcome: EligibilityOutcome | "invalid";
  /** Conditions that fail (not documents), with clauses. */
  reasons: EligibilityReason[];
  problems: FieldIssue[];
  slots: ChecklistSlot[];
};

export type DocumentChecklist = {
  ruleSetVersion: string;
  persons: ChecklistPerson[];
  /** Every person's answers make a valid request and every line is met. */
  complete: boolean;
  missingCount: number;
};

const isDocumentCode = (d: string): d is DocumentCode => (DOCUMENT_CODES as readonly string[]).includes(d);

/** Every document group of a rule set, wherever it sits (identity, channel, subtype, tenure, relation). */
function documentGroups(node: unknown, out: DocumentGroup[] = []): DocumentGroup[] {
  if (Array.isArray(node)) node.forEach((n) => documentGroups(n, out));
  else if (node && typeof node === "object") {
    const o = node as Record<string, unknown>;
    if (Array.isArray(o.alternatives) && typeof o.clause === "string") out.push(o as unknown as DocumentGroup);
    else Object.values(o).forEach((v) => documentGroups(v, out));
  }
  return out;
}

/** The alternatives of the document group a code heads in the rule set (itself alone when none). */
export function alternativesOf(data: RuleSetData, code: DocumentCode): DocumentCode[] {
  return documentGroups(data).find((g) => g.alternatives[0] === code)?.alternatives ?? [code];
}

export function buildDocumentChecklist(ruleSet: RuleSet, filing: PanelFiling, members: PanelMember[], documents: PanelDocument[]): DocumentChecklist {
  const required = buildRulesPanel(ruleSet, filing, members, []);
  const current = buildRulesPanel(ruleSet, filing, members, documents);
  const self = members.find((m) => m.relation === "self");
  const persons: ChecklistPerson[] = required.persons.map((req, i) => {
    const now = current.persons[i];
    const memberId = req.memberId;
    const ownDocs = documentsOfPerson(documents, memberId, self?.id);
    const missing = new Set(now.missing.map((m) => m.code));
    const slots: ChecklistSlot[] = req.missing
      .filter((m): m is typeof m & { code: DocumentCode } => m.code !== null && isDocumentCode(m.code))
      .map((m) => {
        const alternatives = alternativesOf(ruleSet.data, m.code);
        return {
          memberId,
          code: m.code,
          label: alternatives.length > 1 ? `${alternatives.map((a) => DOCUMENT_LABELS[a]).join("或")}（任选其一）` : DOCUMENT_LABELS[m.code],
          alternatives,
          clause: m.clause,
          documents: ownDocs
            .filter((d) => (alternatives as string[]).includes(d.docType))
            .map(({ id, docType, fileName, mimeType, size, memberId: owner, coversMemberIds }) => ({
              id,
              docType,
              fileName,
              mimeType,
              size,
              memberId: owner,
              coversMemberIds: coversMemberIds ?? [],
            })),
          satisfied: !missing.has(m.code),
        };
      });
    return {
      memberId,
      name: now.name,
      relation: now.relation,
      channel: now.channel,
      outcome: now.outcome,
      reasons: now.reasons,
      problems: now.problems,
      slots,
    };
  });
  const missingCount = persons.reduce((n, p) => n + p.slots.filter((s) => !s.satisfied).length, 0);
  return {
    ruleSetVersion: ruleSet.version,
    persons,
    complete: persons.every((p) => p.outcome !== "invalid") && missingCount === 0,
    missingCount,
  };
}
