import { z } from "zod";
import { CHANNELS, DOCUMENT_CODES, IGNORED_FACT_KEYS, type Channel, type IgnoredFactKey } from "@/lib/schemas/eligibility";
import {
  FORBIDDEN_CRITERION_INFO,
  IGNORED_FACT_CRITERION,
  findForbiddenCriteria,
  forbiddenCriterionMessage,
  type ForbiddenCriterion,
} from "./forbidden-criteria";
import { CONDITION_TESTS, FACT_KEYS, type Clause, type DocumentGroup, type RuleSetData, type VariantRule } from "./types";

/**
 * The gate in front of publishing a rule set: the shape (zod), then the policy guard — no
 * rule may make a forbidden criterion (二(二), 三(五)) or any other non-condition a condition.
 */

export type RuleSetProblemCode =
  | "invalid"
  | "clause_required"
  | "duplicate_code"
  | "unknown_fact"
  | "unknown_condition"
  | "forbidden_criterion"
  | "not_a_condition";

export type RuleSetProblem = {
  code: RuleSetProblemCode;
  path: string;
  criterion?: ForbiddenCriterion;
  clause?: Clause;
  message: string;
};

export type RuleSetValidation = { ok: true; data: RuleSetData } | { ok: false; problems: RuleSetProblem[] };

// --- shape --------------------------------------------------------------------------------

const CLAUSE_RE = /^[一二三四](?:\([一二三四五六七八九十]+\))?$/;

/** "二（二）" is accepted and stored as "二(二)", the way RULES.md writes clauses. */
const clauseSchema = z
  .string({ error: "须注明《实施方案》条款" })
  .transform((s) => s.normalize("NFKC").replace(/\s+/g, ""))
  .superRefine((s, ctx) => {
    if (CLAUSE_RE.test(s)) return;
    ctx.addIssue({ code: "custom", message: s === "" ? "须注明《实施方案》条款" : "条款须按《实施方案》书写，如 二(二)、三(五)" });
  });

const codeSchema = z.string({ error: "须填写代码" }).regex(/^[a-z][a-z0-9_]{1,63}$/, "代码只能包含小写字母、数字和下划线");
const textSchema = (what: string) => z.string({ error: `须填写${what}` }).trim().min(1, `须填写${what}`).max(500, `${what}过长`);

const documentGroupSchema = z.strictObject({
  alternatives: z.array(z.enum(DOCUMENT_CODES, { error: "未知的材料类型" })).min(1, "材料组至少要有一种材料"),
  clause: clauseSchema,
  label: textSchema("说明").optional(),
  notRequiredUnderAge: z.number({ error: "须为整数" }).int("须为整数").min(1, "须至少为1").max(18, "不能超过18").optional(),
});

const variantSchema = z.strictObject({
  conditions: z.array(codeSchema),
  documents: z.array(documentGroupSchema),
});

const channelBase = {
  clause: clauseSchema,
  conditions: z.array(codeSchema),
  documents: z.array(documentGroupSchema),
};

const conditionSchema = z
  .strictObject({
    code: codeSchema,
    clause: clauseSchema,
    // Any string here: the guard names a forbidden fact with its criterion instead of "invalid".
    fact: z.string({ error: "须填写条件所依据的事实" }).min(1, "须填写条件所依据的事实"),
    test: z.enum(CONDITION_TESTS, { error: "未知的判断方式" }),
    value: z.string().optional(),
    message: textSchema("说明"),
    suggestChannels: z.array(z.enum(CHANNELS, { error: "未知的落户通道" })).optional(),
  })
  .refine((c) => (c.test === "equals") === (c.value !== undefined), {
    path: ["value"],
    message: "只有 equals 判断需要填写比较值，且必须填写",
  });

const positiveInt = (max: number) => z.number({ error: "须为整数" }).int("须为整数").min(1, "须至少为1").max(max, `不能超过${max}`);

export const ruleSetDataSchema = z.strictObject({
  formatVersion: z.literal(1, { error: "不支持的规则格式版本" }),
  identityDocuments: z.array(documentGroupSchema),
  conditions: z.array(conditionSchema),
  channels: z.strictObject({
    talent: z.strictObject({
      ...channelBase,
      subtypes: z.strictObject({
        college_graduate: variantSchema,
        vocational_graduate: variantSchema,
        skilled_worker: variantSchema,
        veteran: variantSchema,
        returned_overseas: variantSchema,
      }),
    }),
    rural_student: z.strictObject({
      ...channelBase,
      subtypes: z.strictObject({
        enrollment: variantSchema,
        after_graduation: variantSchema,
        urban_registration_at_origin: variantSchema,
      }),
    }),
    residence: z.strictObject({
      ...channelBase,
      tenures: z.strictObject({ owned: variantSchema, rented: variantSchema, employer_housing: variantSchema }),
      noTenure: variantSchema,
    }),
    family: z.strictObject({
      ...channelBase,
      relations: z.strictObject({ spouse: variantSchema, child: variantSchema, parent: variantSchema, other: variantSchema }),
      noRelation: variantSchema,
      principalTie: z
        .strictObject({
          hukou: variantSchema,
          residenceTenures: z.strictObject({ owned: variantSchema, rented: variantSchema, employer_housing: variantSchema }),
          residenceNoTenure: variantSchema,
        })
        .optional(),
    }),
    collective: z.strictObject(channelBase),
  }),
  timeLimits: z.strictObject({
    acceptanceWorkingDays: positiveInt(60),
    decisionWorkingDays: positiveInt(120),
    supplementWorkingDays: positiveInt(120),
    draftRetentionDays: positiveInt(3650),
  }),
  refusalReasons: z
    .array(z.strictObject({ code: codeSchema, label: textSchema("理由"), clause: clauseSchema }))
    .min(1, "至少要有一项不予落户理由"),
});

/** As parsed: like RuleSetData, except that a condition's fact is any string until the guard has run. */
type ParsedRuleSetData = z.output<typeof ruleSetDataSchema>;

// --- guard --------------------------------------------------------------------------------

/** Channels A–C (RULES.md): a job is no condition there (先落户后就业 for talent). */
const NO_JOB_CHANNELS: ReadonlySet<Channel> = new Set(["talent", "rural_student", "residence"]);
const JOB_FACTS: ReadonlySet<string> = new Set(["employment.present", "employment.employed", "employment.employerHasCollectiveHousehold", "employment.worksAtDestination"]);
const RESERVED_CODES: ReadonlySet<string> = new Set(["missing_document"]);

const joinPath = (path: readonly PropertyKey[]) => path.map((p) => String(p)).join(".");

class Collector {
  readonly problems: RuleSetProblem[] = [];

  add(code: RuleSetProblemCode, path: readonly PropertyKey[], message: string, extra?: { criterion?: ForbiddenCriterion; clause?: Clause }) {
    this.problems.push({ code, path: joinPath(path), ...extra, message });
  }

  forbidden(path: readonly PropertyKey[], criterion: ForbiddenCriterion, message: string) {
    this.add("forbidden_criterion", path, message, { criterion, clause: FORBIDDEN_CRITERION_INFO[criterion].clause });
  }

  /** Admin-written text (labels, messages) may not make a forbidden criterion a condition either. */
  text(path: readonly PropertyKey[], text: string | undefined) {
    if (!text) return;
    for (const m of findForbiddenCriteria(text)) this.forbidden(path, m.criterion, forbiddenCriterionMessage(m));
  }
}

function ignoredFactOf(fact: string): IgnoredFactKey | undefined {
  const last = fact.split(".").pop() ?? fact;
  return IGNORED_FACT_KEYS.find((k) => k.toLowerCase() === last.toLowerCase());
}

function checkFact(c: Collector, path: readonly PropertyKey[], fact: string, test: string) {
  const ignored = ignoredFactOf(fact);
  if (ignored) {
    const criterion = IGNORED_FACT_CRITERION[ignored];
    if (criterion) {
      const info = FORBIDDEN_CRITERION_INFO[criterion];
      c.forbidden(path, criterion, `条件不得以“${fact}”（${info.label}）为依据：《实施方案》${info.clause}，${info.explanation}`);
    } else {
      c.add("not_a_condition", path, `条件不得以“${fact}”为依据：《实施方案》未设居住年限或社保缴纳年限等条件，有合法稳定住所（含租赁）即可申请（二(二)）。`, {
        clause: "二(二)",
      });
    }
    return;
  }
  if (!(FACT_KEYS as readonly string[]).includes(fact)) {
    // An unknown name may still spell out a forbidden criterion (e.g. "taxPaid").
    const words = fact.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/[._]/g, " ");
    const hit = findForbiddenCriteria(words)[0];
    if (hit) c.forbidden(path, hit.criterion, forbiddenCriterionMessage(hit));
    else c.add("unknown_fact", path, `未知的事实“${fact}”，条件只能依据：${FACT_KEYS.join("、")}`);
    return;
  }
  if (fact === "residence.tenure" && test !== "present") {
    c.forbidden(path, "home_purchase", "住所的产权性质不得作为条件：租赁住房与自有住房同等对待（二(二)），产权只是住所的证明材料之一。");
  }
}

function checkGroups(c: Collector, path: readonly PropertyKey[], groups: readonly DocumentGroup[], channel?: Channel) {
  groups.forEach((g, i) => {
    const at = [...path, i];
    if (g.alternatives.includes("property_certificate") && !g.alternatives.includes("rental_contract")) {
      c.forbidden([...at, "alternatives"], "home_purchase", "不动产权证书只能作为住所证明之一，必须可以用房屋租赁合同代替：不得将购买房屋作为落户条件（二(二)）。");
    }
    if (channel && NO_JOB_CHANNELS.has(channel) && g.alternatives.every((d) => d === "employment_contract")) {
      c.add("not_a_condition", [...at, "alternatives"], "该通道不得要求就业证明：暂未落实工作单位的可先落户后就业（二(一)），合法稳定住所落户不以就业为条件（二(二)）。", {
        clause: channel === "residence" ? "二(二)" : "二(一)",
      });
    }
    c.text([...at, "label"], g.label);
  });
}

function checkConditionRefs(c: Collector, path: readonly PropertyKey[], codes: readonly string[], known: ReadonlyMap<string, string>, channel: Channel) {
  codes.forEach((code, i) => {
    const fact = known.get(code);
    if (fact === undefined) c.add("unknown_condition", [...path, i], `未定义的条件“${code}”`);
    else if (NO_JOB_CHANNELS.has(channel) && JOB_FACTS.has(fact)) {
      c.add("not_a_condition", [...path, i], "该通道不得以就业为条件：暂未落实工作单位的可先落户后就业（二(一)），合法稳定住所落户不以就业为条件（二(二)）。", {
        clause: channel === "residence" ? "二(二)" : "二(一)",
      });
    }
  });
}

function checkDuplicates(c: Collector, path: readonly PropertyKey[], codes: readonly string[], what: string) {
  const seen = new Set<string>();
  codes.forEach((code, i) => {
    if (seen.has(code)) c.add("duplicate_code", [...path, i, "code"], `${what}代码“${code}”重复`);
    seen.add(code);
  });
}

function variantsOf(data: ParsedRuleSetData): Array<{ channel: Channel; path: PropertyKey[]; rule: VariantRule }> {
  const ch = data.channels;
  const entries = (channel: Channel, key: string, rec: Record<string, VariantRule>) =>
    Object.entries(rec).map(([k, rule]) => ({ channel, path: ["channels", channel, key, k], rule }));
  return [
    ...entries("talent", "subtypes", ch.talent.subtypes),
    ...entries("rural_student", "subtypes", ch.rural_student.subtypes),
    ...entries("residence", "tenures", ch.residence.tenures),
    { channel: "residence", path: ["channels", "residence", "noTenure"], rule: ch.residence.noTenure },
    ...entries("family", "relations", ch.family.relations),
    { channel: "family", path: ["channels", "family", "noRelation"], rule: ch.family.noRelation },
    ...(ch.family.principalTie
      ? [
          { channel: "family" as const, path: ["channels", "family", "principalTie", "hukou"], rule: ch.family.principalTie.hukou },
          ...entries("family", "principalTie.residenceTenures", ch.family.principalTie.residenceTenures),
          { channel: "family" as const, path: ["channels", "family", "principalTie", "residenceNoTenure"], rule: ch.family.principalTie.residenceNoTenure },
        ]
      : []),
  ];
}

function guard(data: ParsedRuleSetData): RuleSetProblem[] {
  const c = new Collector();

  checkDuplicates(c, ["conditions"], data.conditions.map((x) => x.code), "条件");
  data.conditions.forEach((cond, i) => {
    if (RESERVED_CODES.has(cond.code)) c.add("invalid", ["conditions", i, "code"], `“${cond.code}”是保留代码`);
    checkFact(c, ["conditions", i, "fact"], cond.fact, cond.test);
    c.text(["conditions", i, "message"], cond.message);
  });
  const factOfCondition = new Map(data.conditions.map((x) => [x.code, x.fact]));

  checkGroups(c, ["identityDocuments"], data.identityDocuments);
  for (const channel of CHANNELS) {
    const rules = data.channels[channel];
    checkConditionRefs(c, ["channels", channel, "conditions"], rules.conditions, factOfCondition, channel);
    checkGroups(c, ["channels", channel, "documents"], rules.documents, channel);
  }
  for (const v of variantsOf(data)) {
    checkConditionRefs(c, [...v.path, "conditions"], v.rule.conditions, factOfCondition, v.channel);
    checkGroups(c, [...v.path, "documents"], v.rule.documents, v.channel);
  }

  checkDuplicates(c, ["refusalReasons"], data.refusalReasons.map((r) => r.code), "不予落户理由");
  data.refusalReasons.forEach((r, i) => c.text(["refusalReasons", i, "label"], r.label));

  return c.problems;
}

/** Shape, then policy. A rule set with any problem may not be published or applied. */
export function validateRuleSetData(data: unknown): RuleSetValidation {
  const parsed = ruleSetDataSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((iss) => ({
        code: iss.path[iss.path.length - 1] === "clause" ? "clause_required" : "invalid",
        path: joinPath(iss.path),
        message: iss.message,
      })),
    };
  }
  const problems = guard(parsed.data);
  if (problems.length > 0) return { ok: false, problems };
  // The guard has checked every fact against FACT_KEYS, the one difference from RuleSetData.
  return { ok: true, data: parsed.data as RuleSetData };
}
