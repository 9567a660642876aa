import { DOCUMENT_CODES, DOCUMENT_LABELS, type DocumentCode } from "@/lib/schemas/eligibility";
import type { Db } from "@/lib/db/types";
import { DEFAULT_RULE_SET_DATA } from "@/lib/rules/default-rule-set";
import type { RuleSetData } from "@/lib/rules/types";
import { alternativesOf } from "./document-checklist";

/**
 * The resident's side of the 补正告知 (SupplementNotice, written by the clerk's
 * request-supplement action, lib/review/request-supplement.ts): ONE notice listing everything
 * missing. A document item is answered by uploading that document (or one of its
 * alternatives); a clerk's own item by a short written answer, with files if useful.
 */
export type ResidentNoticeItem = {
  index: number;
  label: string;
  clause: string | null;
  memberId: string | null;
  memberName: string;
  /** The document to upload, for items of the rules check. */
  documentCode: DocumentCode | null;
  alternatives: DocumentCode[];
  /** The station's clarification of this item, if any. */
  clarification: string | null;
};

const isDocumentCode = (d: unknown): d is DocumentCode => typeof d === "string" && (DOCUMENT_CODES as readonly string[]).includes(d);

/** Reads the notice's JSON items; members (in filing order) resolve items that carry only a position. */
export function noticeItems(
  json: unknown,
  members: Array<{ id: string; name: string }> = [],
  ruleData: RuleSetData = DEFAULT_RULE_SET_DATA,
): ResidentNoticeItem[] {
  if (!Array.isArray(json)) return [];
  return json.map((raw, index) => {
    const it = (raw ?? {}) as Record<string, unknown>;
    const byIndex = typeof it.memberIndex === "number" ? members[it.memberIndex] : undefined;
    const memberId = typeof it.memberId === "string" ? it.memberId : (byIndex?.id ?? members[0]?.id ?? null);
    const member = members.find((m) => m.id === memberId);
    const code = isDocumentCode(it.code) && it.kind !== "other" ? it.code : null;
    return {
      index,
      label: typeof it.label === "string" && it.label ? it.label : code ? DOCUMENT_LABELS[code] : "补正事项",
      clause: typeof it.clause === "string" ? it.clause : null,
      memberId,
      memberName: typeof it.memberName === "string" ? it.memberName : (member?.name ?? "申请人"),
      documentCode: code,
      alternatives: code ? (storedAlternatives(it.alternatives, code) ?? alternativesOf(ruleData, code)) : [],
      clarification: typeof it.clarification === "string" && it.clarification ? it.clarification : null,
    };
  });
}

/** The alternatives the notice was sent with (the notice names them), when it carries them. */
function storedAlternatives(raw: unknown, code: DocumentCode): DocumentCode[] | null {
  if (!Array.isArray(raw)) return null;
  const list = raw.filter(isDocumentCode);
  return list.includes(code) ? list : null;
}

/** The current (sent or corrected, unanswered) notice of a filing waiting for a supplement. */
export async function openNotice(db: Db, applicationId: string) {
  return db.supplementNotice.findFirst({ where: { applicationId, answeredAt: null, status: { in: ["sent", "corrected"] } }, orderBy: { requestedAt: "desc" } });
}
