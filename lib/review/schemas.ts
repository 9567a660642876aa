import { z } from "zod";
import { CHANNELS } from "@/lib/schemas/eligibility";
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

export const supplementItemSchema = z.object({
  /** The household member the item concerns; empty for the filing as a whole. */
  memberId: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((v) => (v ? v : undefined)),
  label: requiredText(2, 200, "补正内容"),
});

export const supplementSchema = z.object({
  applicationId: id,
  version,
  /** Items the clerk adds to those the rules check found missing (always included). */
  extraItems: z.array(supplementItemSchema, { error: "补正内容格式不正确" }).max(20, "补正内容最多20项").default([]),
  note: optionalText(1000, "说明"),
});

export const approveSchema = z.object({
  applicationId: id,
  version,
  note: optionalText(500, "备注"),
  /** Required where the person settles into a collective household (二(三), 先落户后就业): the permit names it. */
  collectiveHouseholdId: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((v) => (v ? v : undefined)),
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
  reasonCodes: z
    .array(z.string().trim().min(1).max(64), { error: "请至少选择一项不予批准的理由" })
    .min(1, "请至少选择一项不予批准的理由")
    .max(10, "理由过多"),
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
  collectiveHouseholdId: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((v) => (v ? v : undefined)),
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
