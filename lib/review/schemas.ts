import { z } from "zod";
import { CHANNELS } from "@/lib/schemas/eligibility";
import { optionalId } from "@/lib/schemas/filters";
import { QUEUE_TABS } from "./queue-tabs";

/**
 * One zod schema per clerk input, shared by the forms, the server actions and the tests.
 * Messages are Chinese; paths match the form fields.
 */

const id = z.string({ error: "缺少申请编号" }).trim().min(1, "缺少申请编号").max(64, "编号过长");
/** The version of the filing the clerk saw: a different current one means someone else acted. */
const version = z.coerce.number({ error: "缺少版本号" }).int().min(0);

const optionalText = (max: number, label: string) =>
  z
    .string({ error: `${label}须为文本` })
    .trim()
    .max(max, `${label}不能超过${max}个字`)
    .optional()
    .transform((v) => (v ? v : undefined));

const requiredText = (min: number, max: number, label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, min <= 1 ? `请填写${label}` : `${label}至少${min}个字`)
    .max(max, `${label}不能超过${max}个字`);

/** A calendar date "YYYY-MM-DD" (Beijing), as an <input type="date"> sends it. */
const ymd = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为年-月-日`)
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), `${label}不是有效日期`);

// --- the queue -----------------------------------------------------------------------------

const cursor = z.string().max(200).optional();

/** The queue's URL parameters: no personal data ever travels here (searches are POSTed). */
export const queueQuerySchema = z.object({
  tab: z.enum(QUEUE_TABS).catch("new").default("new"),
  channel: z.enum(CHANNELS).optional().catch(undefined),
  mine: z.preprocess((v) => v === "1" || v === true, z.boolean()).default(false),
  after: cursor.catch(undefined),
  before: cursor.catch(undefined),
});
export type QueueQueryInput = z.input<typeof queueQuerySchema>;

/** Reference number, name, or full ID number (matched exactly). */
export const queueSearchSchema = z.object({
  q: z.string({ error: "请输入受理编号、姓名或身份证号码" }).trim().min(1, "请输入受理编号、姓名或身份证号码").max(50, "查询内容过长"),
});

// --- claiming ------------------------------------------------------------------------------

export const filingRefSchema = z.object({ applicationId: id });

export const assignSchema = z.object({
  applicationId: id,
  clerkId: z.string({ error: "请选择民警" }).trim().min(1, "请选择民警").max(64),
});

// --- the review page -----------------------------------------------------------------------

export const viewFilingSchema = z.object({ applicationId: id });

export const acceptSchema = z.object({
  applicationId: id,
  version,
  note: optionalText(500, "备注"),
});

/** One item of a supplement notice: an item the filing's rules allow, for a person, with an optional clarification. */
export const supplementItemSchema = z.strictObject({
  /** A document code of a slot the rules require, or a code of the rule set's other items. */
  code: z.string({ error: "请选择补正事项" }).trim().min(1, "请选择补正事项").max(64, "补正事项代码过长"),
  /** The household member the item concerns; empty for the applicant. */
  memberId: optionalId,
  /** Explains the item (e.g. which page is unreadable); checked by the guard, never a demand of its own. */
  clarification: optionalText(300, "补充说明"),
});

/**
 * 一次性告知: the items chosen from what the rules require of the filing (every missing document
 * is added by the server anyway). No free-text items: a key the schema does not know is refused.
 */
export const supplementSchema = z.strictObject({
  applicationId: id,
  version,
  items: z.array(supplementItemSchema, { error: "补正事项格式不正确" }).max(60, "补正事项过多").default([]),
  note: optionalText(1000, "说明"),
});

const noticeId = z.string({ error: "缺少补正告知编号" }).trim().min(1, "缺少补正告知编号").max(64, "编号过长");

/** A station head corrects a sent notice before the resident answers: the new items, and why. */
export const correctNoticeSchema = z.strictObject({
  applicationId: id,
  version,
  noticeId,
  items: z.array(supplementItemSchema, { error: "补正事项格式不正确" }).max(60, "补正事项过多").default([]),
  note: optionalText(1000, "说明"),
  reason: requiredText(4, 500, "更正理由"),
});

/** A station head withdraws a sent notice before the resident answers. */
export const withdrawNoticeSchema = z.strictObject({
  applicationId: id,
  version,
  noticeId,
  reason: requiredText(4, 500, "撤回理由"),
});

export const approveSchema = z.object({
  applicationId: id,
  version,
  note: optionalText(500, "备注"),
  /** Required where the person settles into a collective household (二(三), 先落户后就业): the permit names it. */
  collectiveHouseholdId: optionalId,
});

/** 直接办理城镇居民登记 (二(一)): a rural student at origin, no permit, no move-out. */
export const registerDirectlySchema = z.object({
  applicationId: id,
  version,
  note: optionalText(500, "备注"),
});

export const refuseSchema = z.object({
  applicationId: id,
  version,
  reasonCodes: z.array(z.string().trim().min(1).max(64), { error: "请至少选择一项不予批准的理由" }).min(1, "请至少选择一项不予批准的理由").max(10, "理由过多"),
  note: requiredText(2, 1000, "说明"),
});

export const moveOutSchema = z.object({
  applicationId: id,
  version,
  originOffice: requiredText(2, 100, "迁出地公安机关"),
  movedOutOn: ymd("迁出日期"),
  /** 迁移证编号 or the electronic transfer's number, when there is one. */
  transferNumber: optionalText(50, "迁移证编号"),
});

export const registrationSchema = z.object({
  applicationId: id,
  version,
  /** Required for the collective channel: the community collective household registered into. */
  collectiveHouseholdId: optionalId,
  note: optionalText(500, "备注"),
});

export const CORRECTION_KINDS = ["reopen", "revoke"] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

/** A station head's correction of a decision: reopen a refusal, or revoke an approval (with allowed reasons). */
export const correctionSchema = z
  .object({
    applicationId: id,
    version,
    kind: z.enum(CORRECTION_KINDS, { error: "请选择更正方式" }),
    reasonCodes: z.array(z.string().trim().min(1).max(64)).max(10).default([]),
    note: requiredText(4, 1000, "更正理由"),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "revoke" && v.reasonCodes.length === 0) {
      ctx.addIssue({ code: "custom", path: ["reasonCodes"], message: "撤销准予迁入决定须至少选择一项规定的理由" });
    }
  });

// --- move-out inside the city (最多跑一次) ----------------------------------------------------

/** The origin station confirms the move-out (the date is today; the number when it has one). */
export const confirmMoveOutSchema = z.object({
  applicationId: id,
  version,
  transferNumber: optionalText(50, "迁移证编号"),
  note: optionalText(500, "备注"),
});

/** The origin station returns the request with a reason from the rule set's list. */
export const returnMoveOutSchema = z.object({
  applicationId: id,
  version,
  reasonCode: z.string({ error: "请选择退回理由" }).trim().min(1, "请选择退回理由").max(64),
  note: optionalText(500, "说明"),
});

export const resendMoveOutSchema = z.object({ applicationId: id, version, note: optionalText(500, "说明") });

// --- documents -----------------------------------------------------------------------------

/** A clerk's check of one uploaded document: verified, or rejected with a reason of the rule set's list. */
export const reviewDocumentSchema = z
  .object({
    applicationId: id,
    documentId: z.string().trim().min(1, "缺少材料编号").max(64),
    verdict: z.enum(["verified", "rejected"], { error: "请选择核验结果" }),
    reasonCode: optionalId,
  })
  .superRefine((v, ctx) => {
    if (v.verdict === "rejected" && !v.reasonCode) ctx.addIssue({ code: "custom", path: ["reasonCode"], message: "请选择不合格的理由" });
  });

// --- station head --------------------------------------------------------------------------

export const bulkAssignSchema = z.object({
  applicationIds: z.array(id, { error: "请选择申请" }).min(1, "请至少选择一件申请").max(100, "一次最多改派100件"),
  clerkId: z.string({ error: "请选择民警" }).trim().min(1, "请选择民警").max(64),
});

export const saveQueueViewSchema = z.object({
  name: requiredText(1, 40, "视图名称"),
  query: z.object({
    tab: z.enum(QUEUE_TABS).optional(),
    channel: z.enum(CHANNELS).optional(),
    mine: z.boolean().optional(),
    sort: z.string().max(30).optional(),
  }),
});
export const deleteQueueViewSchema = z.object({ id: z.string().trim().min(1).max(64) });
