import type { Db } from "@/lib/db/types";
import { getCurrentRuleSet, getRuleSet, type LoadedRuleSet } from "@/lib/rule-sets/rule-set-service";
import { checkNote, checkRefusal, type RefusalProblem } from "@/lib/rules/forbidden-criteria";
import type { RefusalReason, RuleSetData } from "@/lib/rules/types";
import { DomainError } from "@/lib/errors";
import { buildRulesPanel, type RulesPanel } from "./rules-panel";

/** The rule set that judged the filing (its recorded version); the one in force for old filings without one. */
export async function ruleSetForFiling(db: Db, ruleSetId: string | null): Promise<LoadedRuleSet> {
  return ruleSetId ? getRuleSet(db, ruleSetId) : getCurrentRuleSet(db);
}

/** The rules panel from the database as it is now (members, documents not removed). */
export async function rulesPanelFor(db: Db, applicationId: string, ruleSet: LoadedRuleSet): Promise<RulesPanel & { members: Array<{ id: string; name: string; relation: string; sortOrder: number }> }> {
  const app = await db.application.findUniqueOrThrow({
    where: { id: applicationId },
    select: {
      channel: true,
      subtype: true,
      destinationCounty: true,
      applicantName: true,
      applicantIdNumber: true,
      answers: true,
      members: { select: { id: true, relation: true, name: true, idNumber: true, hukouType: true, sortOrder: true }, orderBy: { sortOrder: "asc" } },
      documents: { where: { removedAt: null }, select: { id: true, memberId: true, docType: true, fileName: true, mimeType: true, size: true }, orderBy: { uploadedAt: "asc" } },
    },
  });
  const panel = buildRulesPanel({ version: ruleSet.version, data: ruleSet.data }, app, app.members, app.documents);
  return { ...panel, members: app.members.map((m) => ({ id: m.id, name: m.name, relation: m.relation, sortOrder: m.sortOrder })) };
}

/** A clerk's free text may not make a forbidden criterion a condition (二(二), 三(五)). */
export function assertCleanText(text: string | undefined | null, path: string): void {
  if (!text) return;
  const problems = checkNote(text);
  if (problems.length > 0) {
    throw new DomainError("forbidden_criterion", problems[0].message, {
      issues: problems.map((p) => ({ path, message: p.message })),
      details: refusedTextDetails(path, text, problems),
    });
  }
}

/**
 * What the audit trail keeps of a refused text (`<action>.denied`): the field, the text
 * itself, and each criterion with its clause and the words matched. ID numbers in the text
 * are masked by the trail (lib/audit/denied-details.ts).
 */
export function refusedTextDetails(field: string, text: string, problems: Array<{ criterion: string; clause: string; match?: string }>) {
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
  const forbiddenOnes = problems.filter((p) => p.code === "forbidden_criterion");
  if (forbiddenOnes.length > 0) {
    throw new DomainError("forbidden_criterion", forbiddenOnes[0].message, {
      issues: forbiddenOnes.map((p) => ({ path: "note", message: p.message })),
      details: refusedTextDetails("note", input.note, forbiddenOnes),
    });
  }
  if (problems.length > 0) {
    throw new DomainError("validation_failed", problems[0].message, { issues: problems.map((p) => ({ path: "reasonCodes", message: p.message })) });
  }
  const byCode = new Map(data.refusalReasons.map((r) => [r.code, r]));
  return [...new Set(input.reasonCodes)].map((c) => byCode.get(c)!);
}
