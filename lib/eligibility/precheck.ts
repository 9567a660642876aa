import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { DomainError, formatZodIssues } from "@/lib/errors";
import { COUNTY_CODES } from "@/lib/places";
import { idNumberSchema } from "@/lib/validation/id-number";
import {
  DOCUMENT_CODES,
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
import { getCurrentRuleSet } from "@/lib/rule-sets/rule-set-service";
import { BACKGROUNDS } from "./precheck-options";

const yesNo = z.preprocess((v) => (v === "yes" ? true : v === "no" ? false : v), z.boolean({ error: "请选择“是”或“否”" }));

/** The plain-language answers of the public pre-check page (one schema for the form and the action). */
export const precheckAnswersSchema = z.object({
  name: z.string({ error: "请填写姓名" }).trim().min(1, "请填写姓名").max(50, "姓名过长"),
  idNumber: idNumberSchema,
  hukouType: z.enum(HUKOU_TYPES, { error: "请选择当前户口性质" }),
  hukouRegion: z.string().regex(/^\d{6}$/, "户口所在地行政区划代码应为6位数字").optional().or(z.literal("").transform(() => undefined)),
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
  workCounty: z.enum(COUNTY_CODES).optional().or(z.literal("").transform(() => undefined)),
  employerHasCollectiveHousehold: yesNo.optional(),
  documents: z.array(z.enum(DOCUMENT_CODES)).default([]),
});

export type PrecheckAnswers = z.output<typeof precheckAnswersSchema>;

export type PrecheckCandidate = { channel: Channel; subtype?: Subtype; request: EligibilityRequestInput; result: EligibilityResult };

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

/** Turns the answers into one eligibility request per channel the person might use. */
export function candidateRequests(a: PrecheckAnswers): EligibilityRequestInput[] {
  const relation = a.relation === "grandrelative" ? "other" : a.relation;
  const hasHukou = a.relativeHasHukou ?? false;
  const sharedHomePath = !hasHukou && a.relativeHasResidence === true;
  const base: EligibilityRequestInput = {
    applicant: { idNumber: a.idNumber, name: a.name, hukouType: a.hukouType, hukouRegion: a.hukouRegion ?? a.idNumber.slice(0, 6) },
    destinationCounty: a.destinationCounty,
    channel: "residence",
    documents: a.documents,
    residence: a.housing === "none" ? undefined : { tenure: a.housing, legal: a.housingLegal },
    principal:
      relation === "none"
        ? undefined
        : { relation, livesTogether: a.livesTogether ?? false, hasHukouAtDestination: hasHukou, hasLegalResidenceAtDestination: a.relativeHasResidence ?? false },
    employment: { employed: a.employed, workCounty: a.employed ? (a.workCounty ?? a.destinationCounty) : undefined, employerHasCollectiveHousehold: a.employerHasCollectiveHousehold ?? false },
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

/** Every channel that might fit, judged by the rule set in force; the best first. */
export async function runPrecheck(db: Db, raw: unknown): Promise<{ ruleSetVersion: string; candidates: PrecheckCandidate[] }> {
  const parsed = precheckAnswersSchema.safeParse(raw);
  if (!parsed.success) throw new DomainError("validation_failed", "请按提示补全或修改您的回答。", { issues: formatZodIssues(parsed.error) });
  const ruleSet = await getCurrentRuleSet(db);
  const candidates = candidateRequests(parsed.data).map((request) => {
    const req = eligibilityRequestSchema.parse(request);
    return { channel: req.channel, subtype: req.subtype, request, result: evaluate({ version: ruleSet.version, data: ruleSet.data }, req) };
  });
  candidates.sort((x, y) => RANK[x.result.outcome] - RANK[y.result.outcome]);
  return { ruleSetVersion: ruleSet.version, candidates };
}

/**
 * What the filing form receives from the pre-check: the answers WITHOUT the name and ID
 * number (those come from the signed-in account; an ID number never goes into a URL).
 */
export function precheckCarryOver(c: PrecheckCandidate): string {
  const { applicant, ...rest } = c.request;
  const carry = { ...rest, applicant: { hukouType: applicant.hukouType, hukouRegion: applicant.hukouRegion } };
  return Buffer.from(JSON.stringify(carry), "utf8").toString("base64url");
}
