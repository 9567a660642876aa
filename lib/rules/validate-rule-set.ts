import { z } from "zod";
import { CHANNELS, DOCUMENT_CODES, IGNORED_FACT_KEYS, type Channel, type IgnoredFactKey } from "@/lib/schemas/eligibility";
import {
  FORBIDDEN_CRITERION_INFO,
  IGNORED_FACT_CRITERION,
  findForbiddenCriteria,
  forbiddenCriterionMessage,
  type ForbiddenCriterion,
} from "./forbidden-criteria";
import { PROCEDURAL_BASIS, PROCEDURAL_REFUSAL_CODES, isPlanClause } from "./plan-clauses";
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
  | "not_a_condition"
  | "unknown_clause"
  | "basis_mismatch";

export type RuleSetProblem = {
  code: RuleSetProblemCode;
  path: string;
  criterion?: ForbiddenCriterion;
  clause?: Clause;
  message: string;
  /** For a text refused by the guard: the words and their UTF-16 offsets in that text. */
  match?: string;
  start?: number;
  end?: number;
};

export type RuleSetValidation = { ok: true; data: RuleSetData } | { ok: false; problems: RuleSetProblem[] };

// --- shape --------------------------------------------------------------------------------

const CLAUSE_RE = /^[一二三四](?:\([一二三四五六七八九十]+\))?$/;

/**
 * "二（二）" is accepted and stored as "二(二)", the way RULES.md writes clauses; a clause the plan
 * does not have (四(九)) is refused. Refusal reasons may instead rest on 程序性理由.
 */
const makeClauseSchema = (allowProcedural: boolean) =>
  z
    .string({ error: "须注明《实施方案》条款" })
    .transform((s) => s.normalize("NFKC").replace(/\s+/g, ""))
    .superRefine((s, ctx) => {
      if (allowProcedural && s === PROCEDURAL_BASIS) return;
      if (s === "") return void ctx.addIssue({ code: "custom", message: "须注明《实施方案》条款" });
      if (!CLAUSE_RE.test(s)) return void ctx.addIssue({ code: "custom", message: "条款须按《实施方案》书写，如 二(二)、三(五)" });
      if (!isPlanClause(s)) {
        ctx.addIssue({
          code: "custom",
          message: `《实施方案》没有“${s}”这一条款（该方案共四部分：二(一)至二(三)、三(一)至三(十)、四(一)至四(四)）${allowProcedural ? `；程序性的理由请注明“${PROCEDURAL_BASIS}”` : ""}`,
          params: { unknownClause: true },
        });
      }
    });
const clauseSchema = makeClauseSchema(false);
const refusalClauseSchema = makeClauseSchema(true);

const codeSchema = z.string({ error: "须填写代码" }).regex(/^[a-z][a-z0-9_]{1,63}$/, "代码只能包含小写字母、数字和下划线");
const textSchema = (what: string) =>
  z
    .string({ error: `须填写${what}` })
    .trim()
    .min(1, `须填写${what}`)
    .max(500, `${what}过长`);

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
    moveOutWorkingDays: positiveInt(120).optional(),
    registrationWorkingDays: positiveInt(120).optional(),
    permitValidityDays: positiveInt(365).optional(),
  }),
  refusalReasons: z.array(z.strictObject({ code: codeSchema, label: textSchema("理由"), clause: refusalClauseSchema })).min(1, "至少要有一项不予落户理由"),
  supplement: z
    .strictObject({
      otherItems: z.array(z.strictObject({ code: codeSchema, label: textSchema("补正事项") })).max(30, "补正事项最多30项"),
      correctionRestartsClock: z.boolean({ error: "须选择更正补正告知后是否重新计算补正期限" }),
    })
    .optional(),
  documentRejectionReasons: z.array(z.strictObject({ code: codeSchema, label: textSchema("理由") })).optional(),
  moveOutReturnReasons: z.array(z.strictObject({ code: codeSchema, label: textSchema("理由") })).optional(),
});

/** As parsed: like RuleSetData, except that a condition's fact is any string until the guard has run. */
type ParsedRuleSetData = z.output<typeof ruleSetDataSchema>;

// --- guard --------------------------------------------------------------------------------

/** Channels A–D (RULES.md): a job is no condition there (先落户后就业 for talent; family members settle 根据本人意愿). */
const NO_JOB_CHANNELS: ReadonlySet<Channel> = new Set(["talent", "rural_student", "residence", "family"]);
const RESIDENCE_DOCUMENTS: ReadonlySet<string> = new Set(["property_certificate", "rental_contract", "employer_housing_certificate"]);

/** Why a job may not be required in each channel, with the clause. */
function noJobRule(channel: Channel): { message: string; clause: Clause } {
  if (channel === "family")
    return { message: "家属随迁不得以就业或劳动合同为条件：共同居住生活的配偶、子女、父母等均可根据本人意愿申请登记常住户口（二(二)）。", clause: "二(二)" };
  if (channel === "residence") return { message: "合法稳定住所落户不以就业或劳动合同为条件（二(二)）。", clause: "二(二)" };
  return { message: "该通道不得以就业为条件：暂未落实工作单位的可先落户后就业（二(一)）。", clause: "二(一)" };
}
const JOB_FACTS: ReadonlySet<string> = new Set([
  "employment.present",
  "employment.employed",
  "employment.employerHasCollectiveHousehold",
  "employment.worksAtDestination",
]);
const RESERVED_CODES: ReadonlySet<string> = new Set(["missing_document"]);

const joinPath = (path: readonly PropertyKey[]) => path.map((p) => String(p)).join(".");

class Collector {
  readonly problems: RuleSetProblem[] = [];

  add(
    code: RuleSetProblemCode,
    path: readonly PropertyKey[],
    message: string,
    extra?: { criterion?: ForbiddenCriterion; clause?: Clause; match?: string; start?: number; end?: number },
  ) {
    this.problems.push({ code, path: joinPath(path), ...extra, message });
  }

  forbidden(path: readonly PropertyKey[], criterion: ForbiddenCriterion, message: string) {
    this.add("forbidden_criterion", path, message, { criterion, clause: FORBIDDEN_CRITERION_INFO[criterion].clause });
  }

  /** Admin-written text (labels, messages) may not make a forbidden criterion a condition either. */
  text(path: readonly PropertyKey[], text: string | undefined) {
    if (!text) return;
    for (const m of findForbiddenCriteria(text)) {
      this.add("forbidden_criterion", path, forbiddenCriterionMessage(m), {
        criterion: m.criterion,
        clause: m.clause,
        match: m.match,
        start: m.start,
        end: m.end,
      });
    }
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
    // A condition on a fact requires it: read the name as "<fact> required".
    const hit = findForbiddenCriteria(`${words} required`)[0];
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
      c.forbidden(
        [...at, "alternatives"],
        "home_purchase",
        "不动产权证书只能作为住所证明之一，必须可以用房屋租赁合同代替：不得将购买房屋作为落户条件（二(二)）。",
      );
    }
    if (channel && NO_JOB_CHANNELS.has(channel) && g.alternatives.every((d) => d === "employment_contract")) {
      const rule = noJobRule(channel);
      c.add("not_a_condition", [...at, "alternatives"], rule.message, { clause: rule.clause });
    }
    if (channel === "talent" && g.alternatives.every((d) => RESIDENCE_DOCUMENTS.has(d))) {
      c.add(
        "not_a_condition",
        [...at, "alternatives"],
        "重点群体落户不以住所为条件：无合法稳定住所的可在社区集体户落户，不得要求住所证明（二(一)、二(三)）。",
        { clause: "二(一)" },
      );
    }
    c.text([...at, "label"], g.label);
  });
}

function checkConditionRefs(c: Collector, path: readonly PropertyKey[], codes: readonly string[], known: ReadonlyMap<string, string>, channel: Channel) {
  codes.forEach((code, i) => {
    const fact = known.get(code);
    if (fact === undefined) c.add("unknown_condition", [...path, i], `未定义的条件“${code}”`);
    else if (NO_JOB_CHANNELS.has(channel) && JOB_FACTS.has(fact)) {
      const rule = noJobRule(channel);
      c.add("not_a_condition", [...path, i], rule.message, { clause: rule.clause });
    } else if (channel === "talent" && fact.startsWith("residence.")) {
      c.add(
        "not_a_condition",
        [...path, i],
        "重点群体落户不以住所为条件：高校毕业生、技术工人等全面放开落户限制，无合法稳定住所的可在社区集体户落户（二(一)、二(三)）。",
        { clause: "二(一)" },
      );
    } else if (channel !== "rural_student" && fact === "applicant.hukouType") {
      const clause = channel === "talent" ? "二(一)" : channel === "collective" ? "二(三)" : "二(二)";
      c.add(
        "not_a_condition",
        [...path, i],
        `户口性质（农业/非农业）不得限制该通道：${clause === "二(二)" ? "在城镇有合法稳定住所（含租赁）的人员及其共同居住生活的家属均可申请（二(二)）" : "该通道对城乡户口一视同仁"}，只有农村升学学生通道以农村户籍为前提（二(一)）。`,
        { clause },
      );
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

  checkDuplicates(
    c,
    ["conditions"],
    data.conditions.map((x) => x.code),
    "条件",
  );
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

  checkDuplicates(
    c,
    ["refusalReasons"],
    data.refusalReasons.map((r) => r.code),
    "不予落户理由",
  );
  data.refusalReasons.forEach((r, i) => {
    c.text(["refusalReasons", i, "label"], r.label);
    // Identity, duplicates and deadlines rest on procedure, not on a clause of the plan.
    if (PROCEDURAL_REFUSAL_CODES.has(r.code) && r.clause !== PROCEDURAL_BASIS) {
      c.add(
        "basis_mismatch",
        ["refusalReasons", i, "clause"],
        `“${r.label}”是程序性理由，《实施方案》${r.clause}并未规定此项：依据应注明“${PROCEDURAL_BASIS}”。`,
      );
    }
  });

  // Supplement-notice items beyond the documents: no document code (those come from the rules), no forbidden demand.
  const otherItems = data.supplement?.otherItems ?? [];
  checkDuplicates(
    c,
    ["supplement", "otherItems"],
    otherItems.map((x) => x.code),
    "补正事项",
  );
  otherItems.forEach((x, i) => {
    if ((DOCUMENT_CODES as readonly string[]).includes(x.code)) {
      c.add("invalid", ["supplement", "otherItems", i, "code"], `“${x.code}”是材料代码：材料补正事项由规则核验的材料要求产生，不能另列`);
    }
    c.text(["supplement", "otherItems", i, "label"], x.label);
  });

  return c.problems;
}

/** Shape, then policy. A rule set with any problem may not be published or applied. */
export function validateRuleSetData(data: unknown): RuleSetValidation {
  const parsed = ruleSetDataSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((iss) => ({
        code:
          iss.code === "custom" && (iss as { params?: { unknownClause?: boolean } }).params?.unknownClause
            ? "unknown_clause"
            : iss.path[iss.path.length - 1] === "clause"
              ? "clause_required"
              : "invalid",
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
