import { z } from "zod";
import { beijingToday } from "@/lib/format";
import { COUNTY_CODES } from "@/lib/places";
import { idNumberSchema, isCalendarDate } from "@/lib/schemas/id-number";
import { CHANNEL_CODES, CHANNEL_FULL_LABELS, CHANNEL_REGISTRY, RURAL_STUDENT_SUBTYPE_CODES, TALENT_SUBTYPE_CODES } from "@/lib/channels/registry";

/**
 * The request of POST /api/v1/eligibility (docs: docs/api/eligibility-api.md), shared by
 * the public pre-check, the filing form and the clerk's rules check. The contract is fixed.
 */

// Channels and their subtypes come from the channel registry (lib/channels/registry.ts).
export const CHANNELS = CHANNEL_CODES;
export type Channel = (typeof CHANNELS)[number];

export const TALENT_SUBTYPES = TALENT_SUBTYPE_CODES;
export const RURAL_STUDENT_SUBTYPES = RURAL_STUDENT_SUBTYPE_CODES;
export const SUBTYPES = [...TALENT_SUBTYPES, ...RURAL_STUDENT_SUBTYPES] as const;
export type TalentSubtype = (typeof TALENT_SUBTYPES)[number];
export type RuralStudentSubtype = (typeof RURAL_STUDENT_SUBTYPES)[number];
export type Subtype = (typeof SUBTYPES)[number];

/** Channels without subtypes take none (family's variant is principal.relation, residence's is the tenure). */
export const SUBTYPES_BY_CHANNEL: Readonly<Record<Channel, readonly Subtype[]>> = Object.fromEntries(
  CHANNEL_CODES.map((c) => [c, CHANNEL_REGISTRY[c].subtypes]),
) as Record<Channel, readonly Subtype[]>;

export const TENURES = ["owned", "rented", "employer_housing"] as const;
export type Tenure = (typeof TENURES)[number];

export const RELATIONS = ["spouse", "child", "parent", "other"] as const;
export type Relation = (typeof RELATIONS)[number];

export const HUKOU_TYPES = ["rural", "urban"] as const;
export type HukouType = (typeof HUKOU_TYPES)[number];

/** The document codes of the spec, in its order, with their names. */
const DOCUMENTS = {
  id_card: "居民身份证",
  hukou_booklet: "居民户口簿（本人页）",
  graduation_certificate: "毕业证书",
  skill_certificate: "职业资格证书或职业技能等级证书",
  discharge_certificate: "退出现役证",
  overseas_degree_certification: "国（境）外学历学位认证书",
  admission_letter: "录取通知书",
  property_certificate: "不动产权证书",
  rental_contract: "房屋租赁合同",
  employer_housing_certificate: "单位住房证明",
  marriage_certificate: "结婚证",
  birth_certificate: "出生医学证明",
  relationship_proof: "亲属关系证明",
  employment_contract: "劳动合同（就业证明）",
  /** 1.1: the booklet of the person joined, at the destination (the principal's tie, 二(二)). */
  principal_hukou_booklet: "投靠人在落户地的居民户口簿",
};
export type DocumentCode = keyof typeof DOCUMENTS;
export const DOCUMENT_CODES = Object.keys(DOCUMENTS) as readonly DocumentCode[];
export const DOCUMENT_LABELS: Readonly<Record<DocumentCode, string>> = DOCUMENTS;

/** Facts accepted and stored but never decisive (RULES.md "What must never be a condition"), in the spec's order. */
export const IGNORED_FACT_KEYS = [
  "ownsHome",
  "homeAreaM2",
  "taxPaidYuan",
  "investmentYuan",
  "points",
  "socialInsuranceMonths",
  "residenceYears",
  "keepsRuralLandRights",
] as const;
export type IgnoredFactKey = (typeof IGNORED_FACT_KEYS)[number];

export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = CHANNEL_FULL_LABELS;

export const SUBTYPE_LABELS: Readonly<Record<Subtype, string>> = {
  college_graduate: "高校毕业生",
  vocational_graduate: "职业院校毕业生",
  skilled_worker: "技术工人",
  veteran: "参军进入城镇人员（退役军人）",
  returned_overseas: "留学归国人员",
  enrollment: "入学时迁至学校所在地",
  after_graduation: "毕业后迁入就业地或迁回原籍",
  urban_registration_at_origin: "在原籍办理城镇居民登记",
};

export const TENURE_LABELS: Readonly<Record<Tenure, string>> = {
  owned: "自有住房",
  rented: "租赁住房",
  employer_housing: "单位提供的住房",
};

export const RELATION_LABELS: Readonly<Record<Relation, string>> = {
  spouse: "配偶",
  child: "子女",
  parent: "父母",
  other: "其他共同居住的近亲属",
};

// --- messages -----------------------------------------------------------------------------

type IssueLike = { input?: unknown };

/** One message when the field is missing, another when it has the wrong type or value. */
function msg(missing: string, wrong: string) {
  return (iss: IssueLike) => (iss.input === undefined ? missing : wrong);
}

function describeInput(input: unknown): string {
  const text = typeof input === "string" ? input : (JSON.stringify(input) ?? String(input));
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

const bool = (label: string) => z.boolean({ error: msg(`请说明${label}`, `${label}须为 true 或 false`) });
const optNumber = (label: string) => z.number({ error: `${label}须为数字` }).optional();
const optBool = (label: string) => z.boolean({ error: `${label}须为 true 或 false` }).optional();

const countyCode = (label: string) => z.enum(COUNTY_CODES, { error: msg(`请选择${label}`, `${label}不是三门峡市的县级行政区代码`) });

// --- parts --------------------------------------------------------------------------------

/** YYYY-MM-DD, a real calendar date not in the future (China's date). */
export const birthDateSchema = z
  .string({ error: "出生日期须为文本，格式为 YYYY-MM-DD" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "出生日期格式应为 YYYY-MM-DD")
  .refine((s) => isRealPastDate(s), "出生日期不是有效日期");

function isRealPastDate(ymd: string): boolean {
  const [y, m, d] = ymd.split("-").map(Number);
  return isCalendarDate(y, m, d) && ymd <= todayInChinaIso();
}

/** Today's date in China (UTC+8, no DST) as YYYY-MM-DD: "the day of the request". */
export function todayInChinaIso(now?: Date): string {
  return beijingToday(now);
}

/** The birth date written in an 18-digit ID number, as YYYY-MM-DD. */
export function birthDateOfIdNumber(idNumber: string): string {
  return `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
}

const applicantSchema = z.object(
  {
    // 1.1: optional (a pre-check for someone else); one that is given must be valid.
    idNumber: idNumberSchema.optional(),
    // 1.1: used only when idNumber is absent; must agree with a given idNumber.
    birthDate: birthDateSchema.optional(),
    // 1.1: optional.
    name: z.string({ error: "姓名须为文本" }).trim().min(1, "姓名不能为空").max(50, "姓名过长").optional(),
    hukouType: z.enum(HUKOU_TYPES, { error: msg("请选择当前户口性质", "户口性质须为 rural（农业）或 urban（城镇）") }),
    hukouRegion: z
      .string({ error: msg("请填写当前户口所在地行政区划代码", "户口所在地行政区划代码须为文本") })
      .regex(/^\d{6}$/, "户口所在地行政区划代码应为6位数字"),
  },
  { error: msg("请填写申请人信息", "申请人信息格式不正确") },
);

const residenceSchema = z.object(
  {
    tenure: z.enum(TENURES, { error: "住所性质须为 owned（自有）、rented（租赁）或 employer_housing（单位住房）" }).optional(),
    address: z.string({ error: "住所地址须为文本" }).trim().max(200, "住所地址过长").optional(),
    legal: bool("住所是否为合法住所"),
  },
  { error: "住所信息格式不正确" },
);

const principalSchema = z.object(
  {
    idNumber: idNumberSchema.optional(),
    relation: z.enum(RELATIONS, { error: msg("请选择与投靠人的关系", "与投靠人的关系须为 spouse、child、parent 或 other") }),
    livesTogether: bool("是否与投靠人共同居住"),
    hasHukouAtDestination: bool("投靠人是否在落户地有户口"),
    // 1.1: the shared home is the principal's legal stable residence at the destination (rented counts).
    hasLegalResidenceAtDestination: optBool("投靠人是否在落户地有合法稳定住所"),
  },
  { error: "投靠人信息格式不正确" },
);

const employmentSchema = z.object(
  {
    employed: bool("是否已就业"),
    workCounty: countyCode("就业所在县（市、区）").optional(),
    employerHasCollectiveHousehold: optBool("就业单位是否有集体户口"),
  },
  { error: "就业信息格式不正确" },
);

/** "" and null mean "no subtype" (an empty select in a form). */
const subtypeSchema = z.preprocess((v) => (v === "" || v === null ? undefined : v), z.enum(SUBTYPES, { error: "未知的子类别" }).optional());

// --- cross-field checks (run on raw values: other fields may have failed) -----------------

type Ctx = z.RefinementCtx;

/** 1.1: a birthDate that disagrees with a given idNumber is malformed input (400). */
function checkBirthDate(applicant: unknown, ctx: Ctx) {
  if (!applicant || typeof applicant !== "object") return;
  const { idNumber, birthDate } = applicant as { idNumber?: unknown; birthDate?: unknown };
  if (typeof idNumber !== "string" || typeof birthDate !== "string") return;
  const id = idNumber.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return; // reported by the ID number's own schema
  if (birthDateOfIdNumber(id) !== birthDate) {
    ctx.addIssue({ code: "custom", path: ["applicant", "birthDate"], message: "出生日期与居民身份证号码中的出生日期不一致" });
  }
}

/**
 * 1.1, 二(二): on the family path through the principal's legal residence (no hukou at the
 * destination, a legal stable residence there), `residence` describes the shared home and is required.
 */
function checkSharedHome(value: Record<string, unknown>, ctx: Ctx) {
  if (value.channel !== "family" || value.residence !== undefined) return;
  const p = value.principal as { hasHukouAtDestination?: unknown; hasLegalResidenceAtDestination?: unknown } | undefined;
  if (p && typeof p === "object" && p.hasHukouAtDestination === false && p.hasLegalResidenceAtDestination === true) {
    ctx.addIssue({ code: "custom", path: ["residence"], message: "投靠人以在落户地的合法稳定住所为依据时，请填写共同居住的住所信息（住所性质、是否合法）" });
  }
}

// --- the request --------------------------------------------------------------------------

export const eligibilityRequestSchema = z
  .looseObject(
    {
      applicant: applicantSchema,
      destinationCounty: countyCode("落户地县（市、区）"),
      channel: z.enum(CHANNELS, { error: msg("请选择落户通道", "未知的落户通道") }),
      subtype: subtypeSchema,
      residence: residenceSchema.optional(),
      principal: principalSchema.optional(),
      employment: employmentSchema.optional(),
      hasDirectRelativeToJoin: optBool("是否有直系亲属可投靠"),
      documents: z
        .array(z.enum(DOCUMENT_CODES, { error: (iss) => `未知的材料类型：${describeInput(iss.input)}` }), { error: "材料清单须为数组" })
        .max(DOCUMENT_CODES.length * 4, "材料清单过长")
        .default([]),
      // Ignored facts: accepted and stored, never decisive (RULES.md 二(二), 三(五)).
      ownsHome: optBool("是否有自有住房"),
      homeAreaM2: optNumber("住房面积"),
      taxPaidYuan: optNumber("纳税额"),
      investmentYuan: optNumber("投资额"),
      points: optNumber("积分"),
      socialInsuranceMonths: optNumber("社保缴纳月数"),
      residenceYears: optNumber("居住年限"),
      keepsRuralLandRights: optBool("是否保留农村土地权益"),
    },
    { error: "请求内容须为 JSON 对象" },
  )
  .superRefine(
    (value, ctx) => {
      // Runs even when other fields failed (see `when`), so that every problem is reported at once.
      checkBirthDate(value.applicant, ctx);
      checkSharedHome(value as unknown as Record<string, unknown>, ctx);
      const channel: unknown = value.channel;
      const subtype: unknown = value.subtype;
      if (!(CHANNELS as readonly unknown[]).includes(channel)) return;
      const allowed = SUBTYPES_BY_CHANNEL[channel as Channel];
      if (subtype === undefined) {
        if (allowed.length > 0) ctx.addIssue({ code: "custom", path: ["subtype"], message: "请选择该落户通道的子类别" });
        return;
      }
      if (!(SUBTYPES as readonly unknown[]).includes(subtype)) return; // already reported by the enum
      if (!allowed.includes(subtype as Subtype)) {
        ctx.addIssue({
          code: "custom",
          path: ["subtype"],
          message:
            allowed.length > 0
              ? `子类别不属于所选落户通道，可选：${allowed.map((s) => SUBTYPE_LABELS[s]).join("、")}`
              : "所选落户通道没有子类别，请不要填写子类别",
        });
      }
    },
    // Whenever the body is an object at all, even if other fields failed.
    { when: (payload) => typeof payload.value === "object" && payload.value !== null && !Array.isArray(payload.value) },
  );

export type EligibilityRequest = z.output<typeof eligibilityRequestSchema>;
export type EligibilityRequestInput = z.input<typeof eligibilityRequestSchema>;
