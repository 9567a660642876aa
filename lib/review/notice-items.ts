import { DOCUMENT_CODES, type DocumentCode } from "@/lib/schemas/eligibility";
import type { RuleSet } from "@/lib/rules/types";
import { supplementSettingsOf } from "@/lib/rules/default-rule-set";
import { buildDocumentChecklist } from "@/lib/filings/document-checklist";
import type { PanelDocument, PanelFiling, PanelMember } from "@/lib/rules/rules-panel";
import { DomainError } from "@/lib/errors";
import type { Db } from "@/lib/db/types";
import { checkNote } from "@/lib/rules/forbidden-criteria";
import { assertCleanText, filingForRules, forbiddenCriterionError } from "./filing-rules";

/**
 * What a 补正告知 may ask of a filing — structure first: for every person on it, each document
 * slot the rules check requires (with its alternatives, as the rule set defines them), and the
 * rule set's short list of non-document items (unreadable upload, names that differ …). A clerk
 * picks from these and may add a clarification to an item (checked by the guard); free text
 * never adds a demand. Every slot still missing is always listed (一次性告知).
 */

export type NoticeItemKind = "document" | "other";

/** One line of the notice as stored (SupplementNotice.items) and shown to the resident. */
export type NoticeItem = {
  /** A document code (the slot's first alternative) or a code of the rule set's other items. */
  code: string;
  kind: NoticeItemKind;
  label: string;
  clause: string | null;
  /** For document items: any one of these answers the item. */
  alternatives: DocumentCode[];
  memberId: string | null;
  /** Position of the member on the filing (0 = applicant), for readers without member ids. */
  memberIndex: number;
  memberName: string;
  /** The clerk's clarification of this item (guarded): never a demand of its own. */
  clarification: string | null;
  /** "rules": missing according to the rules check (always listed); "clerk": chosen by the clerk. */
  source: "rules" | "clerk";
};

/** An item the notice may carry for this filing. */
export type AllowedNoticeItem = Omit<NoticeItem, "clarification" | "source"> & {
  /** The slot is not met by the uploaded documents: always part of the notice. */
  missing: boolean;
};

export type NoticeItemInput = { code: string; memberId?: string | null; clarification?: string | null };

const isDocumentCode = (c: string): c is DocumentCode => (DOCUMENT_CODES as readonly string[]).includes(c);

/** Every item a notice may list for this filing, person by person (document slots first, then the rule set's other items). */
export function allowedNoticeItems(ruleSet: RuleSet, filing: PanelFiling, members: PanelMember[], documents: PanelDocument[]): AllowedNoticeItem[] {
  const checklist = buildDocumentChecklist(ruleSet, filing, members, documents);
  const others = supplementSettingsOf(ruleSet.data).otherItems;
  return checklist.persons.flatMap((p, memberIndex) => {
    const who = { memberId: p.memberId, memberIndex, memberName: p.name };
    return [
      ...p.slots.map((s) => ({
        code: s.code,
        kind: "document" as const,
        label: s.label,
        clause: s.clause,
        alternatives: s.alternatives,
        ...who,
        missing: !s.satisfied,
      })),
      ...others.map((o) => ({ code: o.code, kind: "other" as const, label: o.label, clause: null, alternatives: [], ...who, missing: false })),
    ];
  });
}

const keyOf = (memberId: string | null, code: string) => `${memberId ?? ""}|${code}`;

/**
 * The notice's items from the clerk's choice: every missing slot (always), then the chosen
 * ones, each checked against the allowed items of the filing; clarifications pass the guard.
 * Throws validation_failed (an item the rules do not require) or forbidden_criterion (a
 * clarification that makes a forbidden or unset criterion a condition), with the item's path.
 */
export function composeNotice(allowed: AllowedNoticeItem[], chosen: NoticeItemInput[], path = "items"): NoticeItem[] {
  const applicantId = allowed.find((a) => a.memberIndex === 0)?.memberId ?? null;
  const byKey = new Map(allowed.map((a) => [keyOf(a.memberId, a.code), a]));
  const picked = new Map<string, { clarification: string | null }>();
  chosen.forEach((c, i) => {
    const key = keyOf(c.memberId || applicantId, c.code);
    const item = byKey.get(key);
    if (!item) {
      const what = isDocumentCode(c.code) ? "不是规则核验对该人员要求的材料" : "不是规则集规定的补正事项";
      throw new DomainError("validation_failed", `补正事项“${c.code}”${what}，不能列入补正告知。补正告知只能列明规则要求的材料和规定的补正事项。`, {
        issues: [{ path: `${path}.${i}.code`, message: `该事项${what}` }],
      });
    }
    const clarification = c.clarification?.trim() || null;
    assertCleanClarification(clarification, `${path}.${i}.clarification`);
    if (picked.has(key) && !clarification) return;
    picked.set(key, { clarification });
  });
  const items: NoticeItem[] = [];
  for (const a of allowed) {
    const key = keyOf(a.memberId, a.code);
    if (!a.missing && !picked.has(key)) continue;
    const { missing: _missing, ...rest } = a;
    void _missing;
    items.push({ ...rest, clarification: picked.get(key)?.clarification ?? null, source: a.missing ? "rules" : "clerk" });
  }
  return items;
}

/** A polite request in a notice is a demand: 「请提供…」 is read as 「须提供…」. */
const REQUEST = /请(?=(?:您|申请人|本人)?(?:务必|尽快|另行|再|补充|一并)?(?:提供|提交|上传|出具|补交|补充|补正|出示|办理|缴纳|交纳))/g;

/**
 * A clarification explains an item; it may not add a demand. The guard reads it as written
 * and, because the notice addresses the resident, with its requests read as demands. The
 * notice's note and a station head's reasons (sent to the resident too) are read the same way.
 */
export function assertCleanClarification(text: string | null, path: string): void {
  if (!text) return;
  assertCleanText(text, path);
  const asDemand = text.replace(REQUEST, "须");
  if (asDemand === text) return;
  const problems = checkNote(asDemand);
  // 「请」→「须」 keeps every offset, so the words to highlight are read from the text as written.
  if (problems.length > 0)
    throw forbiddenCriterionError(
      problems.map((p) => ({ ...p, path, match: text.slice(p.start, p.end) })),
      () => text,
    );
}

/** Reads stored items (older notices have no kind, alternatives or clarification). */
export function readNoticeItems(json: unknown): NoticeItem[] {
  if (!Array.isArray(json)) return [];
  return json.map((raw) => {
    const it = (raw ?? {}) as Record<string, unknown>;
    const code = typeof it.code === "string" ? it.code : "";
    return {
      code,
      kind: it.kind === "other" || !isDocumentCode(code) ? "other" : "document",
      label: typeof it.label === "string" ? it.label : code,
      clause: typeof it.clause === "string" ? it.clause : null,
      alternatives: Array.isArray(it.alternatives)
        ? (it.alternatives as unknown[]).filter((x): x is DocumentCode => typeof x === "string" && isDocumentCode(x))
        : [],
      memberId: typeof it.memberId === "string" ? it.memberId : null,
      memberIndex: typeof it.memberIndex === "number" ? it.memberIndex : 0,
      memberName: typeof it.memberName === "string" ? it.memberName : "申请人",
      clarification: typeof it.clarification === "string" ? it.clarification : null,
      source: it.source === "clerk" ? "clerk" : "rules",
    };
  });
}

/** The notice as one line per item, for the resident's message. */
export function noticeText(items: NoticeItem[]): string {
  return items.map((it, i) => `${i + 1}. ${it.memberName}：${it.label}${it.clarification ? `（${it.clarification}）` : ""}`).join("；");
}

/** What the audit trail keeps of the items: codes, person, clause and clarification. */
export function auditItems(items: NoticeItem[]) {
  return items.map((it) => ({
    code: it.code,
    kind: it.kind,
    memberIndex: it.memberIndex,
    clause: it.clause,
    clarification: it.clarification,
    source: it.source,
  }));
}

/** The allowed items of a filing as it is now (members, documents not removed). */
export async function allowedNoticeItemsFor(db: Db, applicationId: string, ruleSet: RuleSet): Promise<AllowedNoticeItem[]> {
  const app = await filingForRules(db, applicationId);
  return allowedNoticeItems(ruleSet, app, app.members, app.documents);
}
