import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { DomainError, formatZodIssues } from "@/lib/errors";
import { COUNTY_CODES } from "@/lib/places";
import { idNumberSchema } from "@/lib/schemas/id-number";
import {
  DOCUMENT_CODES,
  birthDateOfIdNumber,
  birthDateSchema,
  HUKOU_TYPES,
  RELATIONS,
  TALENT_SUBTYPES,
  TENURES,
  eligibilityRequestSchema,
  type Channel,
  type EligibilityRequestInput,
  type Subtype,
} from "@/lib/schemas/eligibility";
import { evaluate } from "@/lib/rules/evaluate";
import type { EligibilityResult } from "@/lib/rules/types";
import { getCurrentRuleSet } from "@/lib/rules/rule-set-service";
import { BACKGROUNDS } from "./precheck-options";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const yesNo = z.preprocess((v) => (v === "yes" ? true : v === "no" ? false : v), z.boolean({ error: "请选择“是”或“否”" }));

/** The plain-language answers of the public pre-check page (one schema for the form and the action). */
export const precheckAnswersSchema = z
  .object({
    /** 1.1: optional (a pre-check on behalf of someone else). */
    name: z.preprocess(blankToUndefined, z.string({ error: "姓名须为文本" }).trim().max(50, "姓名过长").optional()),
    /** 1.1: optional; one that is given must be valid. */
    idNumber: z.preprocess(blankToUndefined, idNumberSchema.optional()),
    /** 1.1: asked when no ID number is given (the under-16 rule needs the age). */
    birthDate: z.preprocess(blankToUndefined, birthDateSchema.optional()),
    hukouType: z.enum(HUKOU_TYPES, { error: "请选择当前户口性质" }),
    hukouRegion: z
      .string()
      .regex(/^\d{6}$/, "户口所在地行政区划代码应为6位数字")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    destinationCounty: z.enum(COUNTY_CODES, { error: "请选择想落户的县（市、区）" }),
    background: z.enum(BACKGROUNDS, { error: "请选择您的情况" }),
    housing: z.enum([...TENURES, "none"], { error: "请选择住房情况" }),
    housingLegal: yesNo.default(true),
    /** `grandrelative`: a grandparent or grandchild (lineal, asked as relation "other"); `other`: a sibling or other relative. */
    relation: z.enum([...RELATIONS, "grandrelative", "none"], { error: "请选择是否投靠家人" }),
    livesTogether: yesNo.optional(),
    relativeHasHukou: yesNo.optional(),
    /** 1.1: the relative has a legal stable residence (rented counts) at the destination where you live together. */
    relativeHasResidence: yesNo.optional(),
    employed: z.preprocess((v) => (v === "yes" ? true : v === "no" ? false : v), z.boolean({ error: "请选择“已就业”或“暂未就业”" })),
    workCounty: z
      .enum(COUNTY_CODES)
      .optional()
      .or(z.literal("").transform(() => undefined)),
    employerHasCollectiveHousehold: yesNo.optional(),
    documents: z.array(z.enum(DOCUMENT_CODES)).default([]),
  })
  .superRefine((a, ctx) => {
    if (!a.idNumber && !a.birthDate)
      ctx.addIssue({ code: "custom", path: ["birthDate"], message: "未填写身份证号码时，请填写出生日期（用于判断是否未满16周岁）" });
    if (a.idNumber && a.birthDate && birthDateOfIdNumber(a.idNumber) !== a.birthDate)
      ctx.addIssue({ code: "custom", path: ["birthDate"], message: "出生日期与居民身份证号码中的出生日期不一致" });
  });

export type PrecheckAnswers = z.output<typeof precheckAnswersSchema>;

export type PrecheckCandidate = {
  channel: Channel;
  subtype?: Subtype;
  request: EligibilityRequestInput;
  result: EligibilityResult;
  /** Whether the request's hukouRegion is the person's own (else a stand-in, not carried). */
  hukouRegionKnown: boolean;
};

const RANK = { eligible: 0, needs_documents: 1, ineligible: 2 } as const;

/** 二(三) 无直系亲属投靠: only a lineal relative (spouse, parent, child, grandparent, grandchild) counts. */
export const LINEAL_PRECHECK_RELATIONS = ["spouse", "child", "parent", "grandrelative"] as const;

/**
 * 1.1: a lineal relative with hukou or a legal stable residence at the destination closes the
 * collective channel; a sibling, or a relative elsewhere, does not.
 */
export function hasLinealRelativeToJoin(a: Pick<PrecheckAnswers, "relation" | "relativeHasHukou" | "relativeHasResidence">): boolean {
  return (LINEAL_PRECHECK_RELATIONS as readonly string[]).includes(a.relation) && (a.relativeHasHukou === true || a.relativeHasResidence === true);
}

/** The current hukou's division code when the person said it or an ID number shows it. */
export function knownHukouRegion(a: Pick<PrecheckAnswers, "hukouRegion" | "idNumber">): string | undefined {
  return a.hukouRegion ?? a.idNumber?.slice(0, 6);
}

/** Turns the answers into one eligibility request per channel the person might use. */
export function candidateRequests(a: PrecheckAnswers): EligibilityRequestInput[] {
  const relation = a.relation === "grandrelative" ? "other" : a.relation;
  const hasHukou = a.relativeHasHukou ?? false;
  const sharedHomePath = !hasHukou && a.relativeHasResidence === true;
  const base: EligibilityRequestInput = {
    applicant: {
      ...(a.idNumber ? { idNumber: a.idNumber } : { birthDate: a.birthDate }),
      ...(a.name ? { name: a.name } : {}),
      hukouType: a.hukouType,
      // Not decisive for any channel; without an ID number or an answer the rules see the destination.
      hukouRegion: knownHukouRegion(a) ?? a.destinationCounty,
    },
    destinationCounty: a.destinationCounty,
    channel: "residence",
    documents: a.documents,
    residence: a.housing === "none" ? undefined : { tenure: a.housing, legal: a.housingLegal },
    principal:
      relation === "none"
        ? undefined
        : {
            relation,
            livesTogether: a.livesTogether ?? false,
            hasHukouAtDestination: hasHukou,
            hasLegalResidenceAtDestination: a.relativeHasResidence ?? false,
          },
    employment: {
      employed: a.employed,
      workCounty: a.employed ? (a.workCounty ?? a.destinationCounty) : undefined,
      employerHasCollectiveHousehold: a.employerHasCollectiveHousehold ?? false,
    },
    hasDirectRelativeToJoin: hasLinealRelativeToJoin(a),
  };
  const out: EligibilityRequestInput[] = [];
  if ((TALENT_SUBTYPES as readonly string[]).includes(a.background)) out.push({ ...base, channel: "talent", subtype: a.background as Subtype });
  const student = { student_enrollment: "enrollment", student_graduated: "after_graduation", student_at_origin: "urban_registration_at_origin" } as const;
  if (a.background in student) out.push({ ...base, channel: "rural_student", subtype: student[a.background as keyof typeof student] });
  if (a.housing !== "none") out.push({ ...base, channel: "residence" });
  // On the shared-home path the relative's legal residence is the home described (rented counts).
  if (relation !== "none") out.push({ ...base, channel: "family", residence: base.residence ?? (sharedHomePath ? { legal: true } : undefined) });
  if (a.employed || out.length === 0) out.push({ ...base, channel: "collective" });
  return out;
}

const GRADUATE_BACKGROUNDS: readonly string[] = ["college_graduate", "vocational_graduate"];

/**
 * The rules' words are written for a filing, where "no job" may mean "not yet answered". Here
 * the person answered: say the real reason. 二(三): the community collective household registers
 * people where they work, so it needs a job; a graduate may settle first and find work later
 * (二(一) 先落户后就业) through the talent channel.
 */
export function explainForAnswers(result: EligibilityResult, a: Pick<PrecheckAnswers, "employed" | "background">): EligibilityResult {
  if (a.employed !== false || !result.reasons.some((r) => r.code === "collective_employed")) return result;
  const graduate = GRADUATE_BACKGROUNDS.includes(a.background);
  const message = graduate
    ? "社区集体户口在就业所在地派出所登记，须已就业；您暂未就业。高校、职业院校毕业生可按“重点群体”通道先落户后就业，无需先找到工作。"
    : "社区集体户口在就业所在地派出所登记，须已就业；您暂未就业，暂不能在社区集体户落户。就业后可再申请；有合法稳定住所（含租赁）或可投靠的直系亲属的，可按相应通道落户。";
  return {
    ...result,
    reasons: result.reasons.map((r) => (r.code === "collective_employed" ? { ...r, message } : r)),
    suggestedChannels: graduate && !result.suggestedChannels.includes("talent") ? [...result.suggestedChannels, "talent"] : result.suggestedChannels,
  };
}

/** Every channel that might fit, judged by the rule set in force; the best first. */
export async function runPrecheck(db: Db, raw: unknown): Promise<{ ruleSetVersion: string; candidates: PrecheckCandidate[] }> {
  const parsed = precheckAnswersSchema.safeParse(raw);
  if (!parsed.success) throw new DomainError("validation_failed", "请按提示补全或修改您的回答。", { issues: formatZodIssues(parsed.error) });
  const ruleSet = await getCurrentRuleSet(db);
  const hukouRegionKnown = knownHukouRegion(parsed.data) !== undefined;
  const candidates = candidateRequests(parsed.data).map((request) => {
    const req = eligibilityRequestSchema.parse(request);
    const result = explainForAnswers(evaluate({ version: ruleSet.version, data: ruleSet.data }, req), parsed.data);
    return { channel: req.channel, subtype: req.subtype, request, result, hukouRegionKnown };
  });
  candidates.sort((x, y) => RANK[x.result.outcome] - RANK[y.result.outcome]);
  return { ruleSetVersion: ruleSet.version, candidates };
}

/**
 * What the filing form receives from the pre-check: every answer (channel, place, housing,
 * relative, employment) WITHOUT the name, ID number and birth date: the filing's applicant is
 * the signed-in account's person, and an ID number never goes into a URL.
 */
export function precheckCarryOver(c: Pick<PrecheckCandidate, "request" | "hukouRegionKnown">): string {
  const { applicant, ...rest } = c.request;
  const carry = { ...rest, applicant: { hukouType: applicant.hukouType, hukouRegion: c.hukouRegionKnown ? applicant.hukouRegion : undefined } };
  return Buffer.from(JSON.stringify(carry), "utf8").toString("base64url");
}
