import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { defineAction } from "@/lib/auth/run-action";
import { DomainError } from "@/lib/errors";
import { createDraftRuleSet, getRuleSet, listRuleSets, publishRuleSet } from "@/lib/rules/rule-set-service";
import type { DocumentGroup, RuleSetData, TimeLimits } from "@/lib/rules/types";
import {
  DOCUMENT_LABELS,
  RELATION_LABELS,
  RURAL_STUDENT_SUBTYPES,
  SUBTYPE_LABELS,
  TALENT_SUBTYPES,
  TENURES,
  TENURE_LABELS,
  RELATIONS,
  type DocumentCode,
} from "@/lib/schemas/eligibility";
import { CHANNEL_SHORT_NAMES } from "@/lib/channels/registry";

/**
 * Editing a rule set's data part — documents per channel and variant, time limits, refusal
 * reasons — always as a NEW draft version based on an existing one (published versions are
 * immutable: filings point to the version that judged them). Conditions are carried over
 * unchanged. Saving and publishing go through the rules engine's guard
 * (validateRuleSetData, via lib/rules/rule-set-service.ts): a version that would make a forbidden criterion a
 * condition — e.g. a property certificate required of renters — is refused, naming the clause
 * (二(二)), and the refused attempt is itself audited.
 */

/** A place in the data that holds document groups, with the Chinese label admins see. */
export type DocumentSlot = { key: string; path: readonly string[]; channel: string | null; label: string };

const CHANNEL_SHORT: Record<string, string> = CHANNEL_SHORT_NAMES;

export const DOCUMENT_SLOTS: readonly DocumentSlot[] = [
  { key: "identityDocuments", path: ["identityDocuments"], channel: null, label: "身份证明（所有通道）" },
  ...(["talent", "rural_student", "residence", "family", "collective"] as const).flatMap((ch) => {
    const base: DocumentSlot = { key: `${ch}`, path: ["channels", ch, "documents"], channel: ch, label: `${CHANNEL_SHORT[ch]}（通道共同材料）` };
    const variants: DocumentSlot[] =
      ch === "talent"
        ? TALENT_SUBTYPES.map((s) => ({
            key: `${ch}.${s}`,
            path: ["channels", ch, "subtypes", s, "documents"],
            channel: ch,
            label: `${CHANNEL_SHORT[ch]} · ${SUBTYPE_LABELS[s]}`,
          }))
        : ch === "rural_student"
          ? RURAL_STUDENT_SUBTYPES.map((s) => ({
              key: `${ch}.${s}`,
              path: ["channels", ch, "subtypes", s, "documents"],
              channel: ch,
              label: `${CHANNEL_SHORT[ch]} · ${SUBTYPE_LABELS[s]}`,
            }))
          : ch === "residence"
            ? [
                ...TENURES.map((t) => ({
                  key: `${ch}.${t}`,
                  path: ["channels", ch, "tenures", t, "documents"],
                  channel: ch,
                  label: `${CHANNEL_SHORT[ch]} · ${TENURE_LABELS[t]}`,
                })),
                { key: `${ch}.noTenure`, path: ["channels", ch, "noTenure", "documents"], channel: ch, label: `${CHANNEL_SHORT[ch]} · 未说明住房性质` },
              ]
            : ch === "family"
              ? [
                  ...RELATIONS.map((r) => ({
                    key: `${ch}.${r}`,
                    path: ["channels", ch, "relations", r, "documents"],
                    channel: ch,
                    label: `${CHANNEL_SHORT[ch]} · ${RELATION_LABELS[r]}`,
                  })),
                  { key: `${ch}.noRelation`, path: ["channels", ch, "noRelation", "documents"], channel: ch, label: `${CHANNEL_SHORT[ch]} · 未说明关系` },
                  // 1.1: the principal's tie to the destination (rule sets from 1.1 on).
                  {
                    key: `${ch}.tie.hukou`,
                    path: ["channels", ch, "principalTie", "hukou", "documents"],
                    channel: ch,
                    label: `${CHANNEL_SHORT[ch]} · 投靠人在落户地有户口`,
                  },
                  ...TENURES.map((t) => ({
                    key: `${ch}.tie.${t}`,
                    path: ["channels", ch, "principalTie", "residenceTenures", t, "documents"],
                    channel: ch,
                    label: `${CHANNEL_SHORT[ch]} · 投靠人的合法稳定住所（${TENURE_LABELS[t]}）`,
                  })),
                  {
                    key: `${ch}.tie.noTenure`,
                    path: ["channels", ch, "principalTie", "residenceNoTenure", "documents"],
                    channel: ch,
                    label: `${CHANNEL_SHORT[ch]} · 投靠人的合法稳定住所（未说明性质）`,
                  },
                ]
              : [];
    return [base, ...variants];
  }),
];

const SLOT_BY_KEY = new Map(DOCUMENT_SLOTS.map((s) => [s.key, s]));

type Json = Record<string, unknown>;

function at(data: RuleSetData, path: readonly string[]): unknown {
  let cur: unknown = data;
  for (const p of path) cur = cur && typeof cur === "object" ? (cur as Json)[p] : undefined;
  return cur;
}

function setAt(data: RuleSetData, path: readonly string[], value: unknown) {
  let cur = data as unknown as Json;
  for (const p of path.slice(0, -1)) cur = cur[p] as Json;
  cur[path[path.length - 1]] = value;
}

export function slotGroups(data: RuleSetData, slot: DocumentSlot): DocumentGroup[] {
  const v = at(data, slot.path);
  return Array.isArray(v) ? (v as DocumentGroup[]) : [];
}

// --- input -------------------------------------------------------------------------------

const ymd = z
  .string({ error: "请填写生效日期" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "生效日期格式应为年-月-日")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "不是有效日期");

/** Shape only: the content (document codes, clauses, forbidden criteria) is judged by the rules guard. */
const groupInput = z.object({
  alternatives: z.array(z.string().trim().max(64)).max(20),
  clause: z.string().trim().max(20),
  label: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.string().trim().max(500).optional()),
  notRequiredUnderAge: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number().optional()),
});

export const ruleSetEditSchema = z.object({
  baseId: z.string().trim().min(1, "请选择基础版本").max(64),
  version: z
    .string({ error: "请填写版本号" })
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{2,63}$/, "版本号为3—64位字母、数字、点、横线、下划线或斜线"),
  effectiveFrom: ymd,
  notes: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.string().trim().max(500, "说明不能超过500个字").optional()),
  documents: z.record(z.string(), z.array(groupInput).max(10)),
  timeLimits: z.object({
    acceptanceWorkingDays: z.coerce.number({ error: "须为整数" }),
    decisionWorkingDays: z.coerce.number({ error: "须为整数" }),
    supplementWorkingDays: z.coerce.number({ error: "须为整数" }),
    draftRetentionDays: z.coerce.number({ error: "须为整数" }),
    permitValidityDays: z.coerce.number({ error: "须为整数" }).optional(),
  }),
  refusalReasons: z.array(z.object({ code: z.string().trim().max(64), label: z.string().trim().max(500), clause: z.string().trim().max(20) })).max(50),
  /** Supplement notices: the other (non-document) items and whether a correction restarts the clock. */
  supplement: z
    .object({
      otherItems: z.array(z.object({ code: z.string().trim().max(64), label: z.string().trim().max(500) })).max(30),
      correctionRestartsClock: z.boolean(),
    })
    .optional(),
  /** Save and publish in one step (the guard runs on both). */
  publish: z.boolean().default(false),
});
export type RuleSetEditInput = z.input<typeof ruleSetEditSchema>;

/** The base version's data with the edited parts put in (empty alternatives dropped). */
export function applyEdits(base: RuleSetData, input: z.output<typeof ruleSetEditSchema>): RuleSetData {
  const data = structuredClone(base);
  for (const [key, groups] of Object.entries(input.documents)) {
    const slot = SLOT_BY_KEY.get(key);
    if (!slot) throw new DomainError("validation_failed", "材料设置有误。", { issues: [{ path: `documents.${key}`, message: "未知的材料位置" }] });
    // A slot of a part the base version does not have (a rule set from before 1.1) is left out.
    if (at(data, slot.path.slice(0, -1)) === undefined) continue;
    const baseGroups = slotGroups(base, slot);
    const cleaned = groups
      .map((g) => ({ ...g, alternatives: g.alternatives.filter((a) => a !== "") }))
      .filter((g) => g.alternatives.length > 0)
      .map((g) => {
        // 1.1: the age exemption (id_card under 16) is kept unless the edit names one itself.
        const under = g.notRequiredUnderAge ?? baseGroups.find((b) => b.alternatives.join() === g.alternatives.join())?.notRequiredUnderAge;
        return {
          alternatives: g.alternatives,
          clause: g.clause,
          ...(g.label ? { label: g.label } : {}),
          ...(under !== undefined ? { notRequiredUnderAge: under } : {}),
        };
      });
    setAt(data, slot.path, cleaned);
  }
  data.timeLimits = { ...base.timeLimits, ...input.timeLimits } as TimeLimits;
  data.refusalReasons = input.refusalReasons.filter((r) => r.code || r.label).map((r) => ({ code: r.code, label: r.label, clause: r.clause }));
  if (input.supplement) {
    data.supplement = {
      otherItems: input.supplement.otherItems.filter((x) => x.code || x.label).map((x) => ({ code: x.code, label: x.label })),
      correctionRestartsClock: input.supplement.correctionRestartsClock,
    };
  }
  return data;
}

const dateAt = (ymdText: string) => new Date(`${ymdText}T00:00:00+08:00`);

export const saveRuleSetDraftDef = defineAction({ roles: ["admin"], action: "admin.rules.save", schema: ruleSetEditSchema }, async (ctx, input) => {
  const base = await getRuleSet(ctx.tx, input.baseId);
  const data = applyEdits(base.data, input);
  const row = await createDraftRuleSet(ctx.tx, {
    version: input.version,
    effectiveFrom: dateAt(input.effectiveFrom),
    data,
    notes: input.notes ?? `基于 ${base.version} 修改`,
  });
  if (input.publish) await publishRuleSet(ctx.tx, row.id, ctx.user.id);
  ctx.audit({
    action: input.publish ? "admin.rules.save_publish" : "admin.rules.save",
    entityType: "rule_set",
    entityId: row.id,
    details: { version: row.version, baseVersion: base.version, effectiveFrom: input.effectiveFrom, changes: describeChanges(base.data, data) },
  });
  return { id: row.id, version: row.version, published: input.publish };
});

export const publishRuleSetDef = defineAction(
  { roles: ["admin"], action: "admin.rules.publish", schema: z.object({ id: z.string().trim().min(1).max(64) }) },
  async (ctx, { id }) => {
    const row = await publishRuleSet(ctx.tx, id, ctx.user.id);
    ctx.audit({ entityType: "rule_set", entityId: id, details: { version: row.version } });
    return { id, version: row.version };
  },
);

// --- comparing ---------------------------------------------------------------------------

export type CompareRow = { section: string; label: string; a: string; b: string; changed: boolean };

const docName = (d: string) => DOCUMENT_LABELS[d as DocumentCode] ?? d;

export function describeGroups(groups: readonly DocumentGroup[]): string {
  if (!groups.length) return "（无）";
  return groups.map((g) => `${g.alternatives.map(docName).join(" 或 ")}（${g.clause}）`).join("；");
}

const LIMIT_LABELS: Record<keyof TimeLimits, string> = {
  acceptanceWorkingDays: "受理时限（工作日）",
  decisionWorkingDays: "决定时限（受理后，工作日）",
  supplementWorkingDays: "补正期限（工作日）",
  draftRetentionDays: "草稿保留期（自然日）",
  moveOutWorkingDays: "迁出时限（准予迁入后，工作日）",
  registrationWorkingDays: "落户时限（迁出后，工作日）",
  permitValidityDays: "准予迁入证明有效期（签发后，自然日）",
};

/** Rows for viewing two versions side by side: every document slot, time limit, reason and condition. */
export function compareRuleSetData(a: RuleSetData, b: RuleSetData): CompareRow[] {
  const rows: CompareRow[] = [];
  const push = (section: string, label: string, x: string, y: string) => rows.push({ section, label, a: x, b: y, changed: x !== y });
  for (const s of DOCUMENT_SLOTS) push("所需材料", s.label, describeGroups(slotGroups(a, s)), describeGroups(slotGroups(b, s)));
  for (const k of Object.keys(LIMIT_LABELS) as Array<keyof TimeLimits>)
    push("办理时限", LIMIT_LABELS[k], String(a.timeLimits?.[k] ?? "—"), String(b.timeLimits?.[k] ?? "—"));
  const reasons = [...new Set([...(a.refusalReasons ?? []), ...(b.refusalReasons ?? [])].map((r) => r.code))];
  const reasonText = (d: RuleSetData, code: string) => {
    const r = d.refusalReasons?.find((x) => x.code === code);
    return r ? `${r.label}（${r.clause}）` : "（无）";
  };
  for (const code of reasons) push("不予批准理由", code, reasonText(a, code), reasonText(b, code));
  const conds = [...new Set([...(a.conditions ?? []), ...(b.conditions ?? [])].map((c) => c.code))];
  const condText = (d: RuleSetData, code: string) => {
    const c = d.conditions?.find((x) => x.code === code);
    return c ? `${c.fact} ${c.test}${c.value !== undefined ? ` ${c.value}` : ""}（${c.clause}）` : "（无）";
  };
  for (const code of conds) push("条件", code, condText(a, code), condText(b, code));
  return rows;
}

function describeChanges(a: RuleSetData, b: RuleSetData) {
  return compareRuleSetData(a, b)
    .filter((r) => r.changed)
    .slice(0, 50)
    .map((r) => ({ section: r.section, item: r.label, before: r.a, after: r.b }));
}

export const RULE_SET_STATE_LABELS = { current: "现行", scheduled: "已发布，待生效", superseded: "已被取代", draft: "草稿" } as const;
export type RuleSetState = keyof typeof RULE_SET_STATE_LABELS;

/** Every version with whether it is the one in force now. */
export async function listRuleSetVersions(db: Db, now = new Date()) {
  const rows = await listRuleSets(db);
  const current = rows
    .filter((r) => r.publishedAt && r.effectiveFrom <= now)
    .sort((x, y) => y.effectiveFrom.getTime() - x.effectiveFrom.getTime() || (y.publishedAt?.getTime() ?? 0) - (x.publishedAt?.getTime() ?? 0))[0];
  return rows.map((r) => ({
    ...r,
    current: r.id === current?.id,
    state: (r.publishedAt ? (r.effectiveFrom > now ? "scheduled" : r.id === current?.id ? "current" : "superseded") : "draft") as RuleSetState,
  }));
}

/** A version name not used yet: the base's with its trailing number raised (…/v1 → …/v2). */
export function nextVersionName(base: string, taken: readonly string[]): string {
  const m = /^(.*?)(\d+)$/.exec(base);
  const stem = m ? m[1] : `${base}-`;
  let n = m ? Number(m[2]) + 1 : 2;
  while (taken.includes(`${stem}${n}`)) n += 1;
  return `${stem}${n}`;
}
