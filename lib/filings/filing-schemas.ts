import { z } from "zod";
import { eligibilityRequestSchema, RELATIONS, SUBTYPES_BY_CHANNEL, SUBTYPE_LABELS, type Channel, type Subtype } from "@/lib/schemas/eligibility";
import { idNumberSchema } from "@/lib/schemas/id-number";
import { optionalId } from "@/lib/schemas/filters";

/**
 * The filing form's inputs, one schema per page, shared by the page's form, its server action
 * and the tests. Wherever a field is also a field of the eligibility API, the API's own schema
 * (lib/schemas/eligibility.ts) is reused, so the form and the API accept and reject the same.
 */

const E = eligibilityRequestSchema.shape;
const applicantShape = E.applicant.shape;
const residenceShape = E.residence.unwrap().shape;
const principalShape = E.principal.unwrap().shape;
const employmentShape = E.employment.unwrap().shape;

/** Radio buttons send "true"/"false"; the API's boolean schema then decides (with its messages). */
function formBool<S extends z.ZodType>(schema: S) {
  return z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v === "" ? undefined : v), schema);
}
/** An empty select means "not chosen". */
function formChoice<S extends z.ZodType>(schema: S) {
  return z.preprocess((v) => (v === "" || v === null ? undefined : v), schema);
}

/** 二(三): the community collective household, or the talent-exchange centre's collective household. */
export const COLLECTIVE_KINDS = ["community", "talent_centre"] as const;
export const COLLECTIVE_KIND_LABELS: Readonly<Record<(typeof COLLECTIVE_KINDS)[number], string>> = {
  community: "社区集体户",
  talent_centre: "人才交流中心集体户",
};

const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .min(min, `${label}至少${min}个字`)
    .max(max, `${label}不能超过${max}个字`);

export const applicationIdSchema = z.string({ error: "缺少申请编号" }).trim().min(1, "缺少申请编号").max(64, "申请编号过长");

/** The subtype must belong to the channel (the same rule as the API's). */
function checkSubtype(v: { channel?: unknown; subtype?: unknown }, ctx: z.RefinementCtx) {
  const allowed = SUBTYPES_BY_CHANNEL[v.channel as Channel] as readonly Subtype[] | undefined;
  if (!allowed) return;
  if (v.subtype === undefined) {
    if (allowed.length > 0) ctx.addIssue({ code: "custom", path: ["subtype"], message: "请选择该落户通道的子类别" });
  } else if (!allowed.includes(v.subtype as Subtype)) {
    ctx.addIssue({
      code: "custom",
      path: ["subtype"],
      message: allowed.length > 0 ? `请选择：${allowed.map((s) => SUBTYPE_LABELS[s]).join("、")}` : "所选落户通道没有子类别",
    });
  }
}

/** Start a filing: channel and subtype, optionally the pre-check's answers (base64url JSON, no ID numbers). */
export const startFilingSchema = z
  .object({
    channel: E.channel,
    subtype: E.subtype,
    precheck: z.string().max(8000, "预检数据过长").optional(),
  })
  .superRefine(checkSubtype);

/** Change the channel of a draft (the answers of other channels stay, unused). */
export const channelStepSchema = z.object({ applicationId: applicationIdSchema, channel: E.channel, subtype: E.subtype }).superRefine(checkSubtype);

/** Applicant: name and ID number come from the account's real-name data; the current hukou is asked. */
export const applicantStepSchema = z.object({
  applicationId: applicationIdSchema,
  hukouType: formChoice(applicantShape.hukouType),
  hukouRegion: applicantShape.hukouRegion,
  hukouAddress: text("户籍地址（户口簿上的住址）", 2, 200),
});

/** Where the people settle (for the collective channel: the place of employment) and the station. */
export const destinationStepSchema = z.object({
  applicationId: applicationIdSchema,
  county: formChoice(E.destinationCounty),
  address: text("详细地址", 4, 200),
  stationId: z.string({ error: "请选择派出所" }).trim().min(1, "请选择派出所").max(64),
});

/** A yes/no question of the form (the API's optional booleans have no "please answer" message). */
const yesNo = (question: string) => formBool(z.boolean({ error: (i) => (i.input === undefined ? `请说明${question}` : "请选择“是”或“否”") }));

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过${max}个字`)
    .optional()
    .transform((v) => (v ? v : undefined));

/** Stable residence (二(二)): tenure and whether it is a legal building; rented counts as owned. */
export const residenceDetailsSchema = z.object({
  applicationId: applicationIdSchema,
  tenure: formChoice(residenceShape.tenure).refine((v) => v !== undefined, "请选择住所性质"),
  legal: formBool(residenceShape.legal),
});

/** Talent (二(一)): no job needed (先落户后就业); the home, if any, and the job, if any. */
export const talentDetailsSchema = z
  .object({
    applicationId: applicationIdSchema,
    tenure: formChoice(z.enum(["owned", "rented", "employer_housing", "none"], { error: "请选择住所情况" })),
    employed: formBool(employmentShape.employed),
    employerName: optionalText("就业单位名称", 100),
    /** No stable residence (先落户后就业): which collective household of the station where they live or will work (二(三)). */
    collectiveKind: formChoice(z.enum(COLLECTIVE_KINDS, { error: "请选择集体户类型" }).optional()),
  })
  .superRefine((v, ctx) => {
    if (v.employed && !v.employerName) ctx.addIssue({ code: "custom", path: ["employerName"], message: "请填写就业单位名称" });
    if (v.tenure === "none" && !v.collectiveKind) {
      ctx.addIssue({
        code: "custom",
        path: ["collectiveKind"],
        message: "暂无住所的，在居住地或拟就业地派出所的集体户落户：请选择社区集体户或人才交流中心集体户",
      });
    }
  });

/**
 * Rural students (二(一)): the school and its county (enrolment moves the hukou to the school's
 * location), for graduates whether they go to the place of work or back to the origin, and
 * whether they work.
 */
export const ruralStudentDetailsSchema = z
  .object({
    applicationId: applicationIdSchema,
    schoolName: text("院校名称", 2, 100),
    schoolCounty: formChoice(E.destinationCounty.optional()),
    graduateTarget: formChoice(z.enum(["work", "origin"], { error: "请选择迁入就业地或迁回原籍" }).optional()),
    /** 迁回原籍: the county of the hukou before enrolment (when it is not the current hukou's). */
    originCounty: formChoice(E.destinationCounty.optional()),
    employed: formBool(employmentShape.employed),
    employerName: optionalText("就业单位名称", 100),
    /** 迁入就业地: the county where the employer is (the destination must be it). */
    workCounty: formChoice(E.destinationCounty.optional()),
  })
  .superRefine((v, ctx) => {
    if (v.graduateTarget === "work" && !v.employed) ctx.addIssue({ code: "custom", path: ["employed"], message: "迁入就业地须已就业；未就业的可选择迁回原籍" });
    if (v.graduateTarget === "work" && v.employed && !v.workCounty)
      ctx.addIssue({ code: "custom", path: ["workCounty"], message: "请选择就业单位所在的县（市、区）：毕业后户口迁入就业地" });
  });

/**
 * Family (二(二)): whom the applicant joins, living together, and the principal's tie to the
 * destination (1.1): hukou there, or the shared home being the principal's legal stable
 * residence there (rented counts) — then the shared home's tenure and legality are asked.
 */
export const familyDetailsSchema = z
  .object({
    applicationId: applicationIdSchema,
    principalName: text("投靠人姓名", 2, 30),
    principalIdNumber: idNumberSchema,
    relation: formChoice(principalShape.relation),
    livesTogether: formBool(principalShape.livesTogether),
    hasHukouAtDestination: formBool(principalShape.hasHukouAtDestination),
    hasLegalResidenceAtDestination: formBool(z.boolean({ error: "请选择“是”或“否”" }).optional()),
    homeTenure: formChoice(residenceShape.tenure),
    homeLegal: formBool(residenceShape.legal.optional()),
  })
  .superRefine((v, ctx) => {
    if (v.hasHukouAtDestination !== false) return;
    if (v.hasLegalResidenceAtDestination === undefined) {
      ctx.addIssue({ code: "custom", path: ["hasLegalResidenceAtDestination"], message: "请说明共同居住的住所是否为投靠人在落户地的合法稳定住所" });
    } else if (v.hasLegalResidenceAtDestination) {
      if (!v.homeTenure) ctx.addIssue({ code: "custom", path: ["homeTenure"], message: "请选择共同居住住所的性质" });
      if (v.homeLegal === undefined) ctx.addIssue({ code: "custom", path: ["homeLegal"], message: "请说明该住所是否为合法建筑" });
    }
  });

/** Community collective household (二(三)): the three conditions and the employer. */
export const collectiveDetailsSchema = z.object({
  applicationId: applicationIdSchema,
  employerName: text("就业单位名称", 2, 100),
  employerHasCollectiveHousehold: yesNo("就业单位（含人才交流中心）是否有集体户口"),
  hasDirectRelativeToJoin: yesNo("是否有可投靠的直系亲属"),
  hasLegalResidence: yesNo("在就业地是否有合法稳定住所（含租赁）"),
});

/** A person moving together with the applicant (二(二): 配偶、子女、父母等). */
export const memberSchema = z.object({
  applicationId: applicationIdSchema,
  memberId: optionalId,
  relation: formChoice(z.enum(RELATIONS, { error: (i) => (i.input === undefined ? "请选择与申请人的关系" : "与申请人的关系不正确") })),
  name: z.string({ error: "请填写姓名" }).trim().min(1, "请填写姓名").max(50, "姓名过长"),
  idNumber: idNumberSchema,
  /** Optional: when not given, the applicant's current hukou nature is assumed for the rules check. */
  hukouType: formChoice(applicantShape.hukouType.optional()),
});

export const removeMemberSchema = z.object({ applicationId: applicationIdSchema, memberId: z.string().trim().min(1).max(64) });

/** "I have added everyone who moves with me." */
export const membersDoneSchema = z.object({ applicationId: applicationIdSchema });

/** The declaration and the idempotency key of the submission (a double click or a retry makes one filing). */
export const submitFilingSchema = z.object({
  applicationId: applicationIdSchema,
  submitKey: z
    .string({ error: "缺少提交标识，请刷新页面后重试" })
    .trim()
    .regex(/^[A-Za-z0-9_-]{16,64}$/, "提交标识无效，请刷新页面后重试"),
  truthful: formBool(z.literal(true, { error: "请确认所填信息和材料真实、准确" })),
  voluntary: formBool(z.literal(true, { error: "请确认落户系本人自愿申请" })),
});

export const withdrawFilingSchema = z.object({
  applicationId: applicationIdSchema,
  confirm: formBool(z.literal(true, { error: "请勾选确认撤回申请" })),
  reason: optionalText("撤回原因", 200),
});

export const deleteDraftSchema = z.object({ applicationId: applicationIdSchema, confirm: formBool(z.literal(true, { error: "请勾选确认删除草稿" })) });

/** Answers to the clerk's own items of a supplement notice, by item index. */
export const resubmitSchema = z.object({
  applicationId: applicationIdSchema,
  responses: z
    .array(z.object({ index: z.coerce.number().int().min(0).max(100), text: z.string().trim().max(1000, "补正说明不能超过1000字") }))
    .max(60)
    .default([]),
});

export const markReadSchema = z.object({ notificationId: z.string().trim().max(64).optional() });
