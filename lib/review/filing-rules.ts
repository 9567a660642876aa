import type { Db } from "@/lib/db/types";
import { getCurrentRuleSet, getRuleSet, type LoadedRuleSet } from "@/lib/rules/rule-set-service";
import { FORBIDDEN_CRITERION_INFO, checkNote, checkRefusal, type ForbiddenCriterionProblem, type RefusalProblem } from "@/lib/rules/forbidden-criteria";
import type { RefusalReason, RuleSetData } from "@/lib/rules/types";
import { DomainError, type CriteriaFindingIssue } from "@/lib/errors";
import { buildRulesPanel, type RulesPanel } from "@/lib/rules/rules-panel";

/** The rule set that judged the filing (its recorded version); the one in force for old filings without one. */
export async function ruleSetForFiling(db: Db, ruleSetId: string | null): Promise<LoadedRuleSet> {
  return ruleSetId ? getRuleSet(db, ruleSetId) : getCurrentRuleSet(db);
}

/** The filing as the rules read it now: its answers, its members and the documents not removed. */
export function filingForRules(db: Db, applicationId: string) {
  return db.application.findUniqueOrThrow({
    where: { id: applicationId },
    select: {
      channel: true,
      subtype: true,
      destinationCounty: true,
      applicantName: true,
      applicantIdNumber: true,
      answers: true,
      members: { select: { id: true, relation: true, name: true, idNumber: true, hukouType: true, sortOrder: true }, orderBy: { sortOrder: "asc" } },
      documents: {
        where: { removedAt: null },
        select: { id: true, memberId: true, docType: true, fileName: true, mimeType: true, size: true },
        orderBy: { uploadedAt: "asc" },
      },
    },
  });
}

/** The rules panel from the database as it is now (members, documents not removed). */
export async function rulesPanelFor(
  db: Db,
  applicationId: string,
  ruleSet: LoadedRuleSet,
): Promise<RulesPanel & { members: Array<{ id: string; name: string; relation: string; sortOrder: number }> }> {
  const app = await filingForRules(db, applicationId);
  const panel = buildRulesPanel({ version: ruleSet.version, data: ruleSet.data }, app, app.members, app.documents);
  return { ...panel, members: app.members.map((m) => ({ id: m.id, name: m.name, relation: m.relation, sortOrder: m.sortOrder })) };
}

/** Refuses a decision unless every person on the filing passes the rules (`consequence`: what cannot be done, e.g. 不能准予迁入). */
export async function assertAllEligible(db: Db, applicationId: string, ruleSet: LoadedRuleSet, consequence: string): Promise<void> {
  const panel = await rulesPanelFor(db, applicationId, ruleSet);
  if (panel.allEligible) return;
  const failing = panel.persons.filter((p) => p.outcome !== "eligible").map((p) => p.name);
  throw new DomainError("invalid_state", `规则核验未通过（${failing.join("、")}），${consequence}。请依规要求补正或作出不予批准决定。`);
}

/** The error of a blocked text: every finding with its words, offsets and clause, for the form to highlight. */
export function forbiddenCriterionError(
  problems: ReadonlyArray<ForbiddenCriterionProblem & { path: string }>,
  textAt?: (path: string) => string | undefined,
): DomainError {
  const findings: CriteriaFindingIssue[] = problems.map((p) => ({
    path: p.path,
    criterion: p.criterion,
    clause: p.clause,
    match: p.match,
    start: p.start,
    end: p.end,
    message: FORBIDDEN_CRITERION_INFO[p.criterion].message,
  }));
  return new DomainError("forbidden_criterion", problems[0].message, {
    issues: problems.map((p) => ({ path: p.path, message: p.message })),
    // The refused attempt's audit event keeps the field, its text, each criterion and clause (refusedTextDetails).
    details: { ...refusedTextDetails(problems[0].path, textAt?.(problems[0].path) ?? "", problems), findings },
  });
}

/** A clerk's free text may not make a forbidden criterion (or a condition the plan never sets) a condition (二(二), 三(五)). */
export function assertCleanText(text: string | undefined | null, path: string): void {
  if (!text) return;
  const problems = checkNote(text);
  if (problems.length > 0)
    throw forbiddenCriterionError(
      problems.map((p) => ({ ...p, path })),
      () => text,
    );
}

/** Several texts at once: every finding of every field in one error. */
export function assertCleanTexts(fields: ReadonlyArray<readonly [path: string, text: string | undefined | null]>): void {
  const problems = fields.flatMap(([path, text]) => (text ? checkNote(text).map((p) => ({ ...p, path })) : []));
  if (problems.length > 0) throw forbiddenCriterionError(problems, (path) => fields.find(([p]) => p === path)?.[1] ?? undefined);
}

/**
 * What the audit trail keeps of a refused text (`<action>.denied`): the field, the text
 * itself, and each criterion with its clause and the words matched. ID numbers in the text
 * are masked by the trail (lib/audit/denied-details.ts).
 */
export function refusedTextDetails(field: string, text: string, problems: ReadonlyArray<{ criterion: string; clause: string; match?: string }>) {
  return {
    field,
    text,
    criterion: problems[0]?.criterion,
    clause: problems[0]?.clause,
    criteria: problems.map((p) => ({ criterion: p.criterion, clause: p.clause, match: p.match ?? null })),
  };
}

/**
 * A refusal names at least one allowed reason of the rule set, each with its clause, and its
 * note rests on no forbidden criterion. Returns the reasons to record.
 */
export function assertLawfulRefusal(input: { reasonCodes: string[]; note: string }, data: RuleSetData): RefusalReason[] {
  const problems: RefusalProblem[] = checkRefusal(input, data);
  const forbiddenOnes = problems.filter((p): p is ForbiddenCriterionProblem => p.code === "forbidden_criterion");
  if (forbiddenOnes.length > 0)
    throw forbiddenCriterionError(
      forbiddenOnes.map((p) => ({ ...p, path: "note" })),
      () => input.note,
    );
  if (problems.length > 0) {
    throw new DomainError("validation_failed", problems[0].message, { issues: problems.map((p) => ({ path: "reasonCodes", message: p.message })) });
  }
  const byCode = new Map(data.refusalReasons.map((r) => [r.code, r]));
  return [...new Set(input.reasonCodes)].map((c) => byCode.get(c)!);
}
