import type { Db } from "@/lib/db/types";
import type { PanelDocument, PanelFiling, PanelMember } from "@/lib/rules/rules-panel";
import { getCurrentRuleSet, type LoadedRuleSet } from "@/lib/rules/rule-set-service";
import { buildDocumentChecklist, type DocumentChecklist } from "./document-checklist";
import { buildTasks, type Task } from "./filing-tasks";

type DraftForAssessment = PanelFiling & { id: string; members: PanelMember[]; documents: PanelDocument[] };

export type DraftAssessment = { ruleSet: LoadedRuleSet; checklist: DocumentChecklist; tasks: Task[]; ready: boolean };

/** Where a draft stands: the rule set in force, the documents checklist and the task list. */
export async function assessDraft(db: Db, draft: DraftForAssessment): Promise<DraftAssessment> {
  const ruleSet = await getCurrentRuleSet(db);
  const checklist = buildDocumentChecklist({ version: ruleSet.version, data: ruleSet.data }, draft, draft.members, draft.documents);
  const tasks = buildTasks(draft, checklist.complete);
  const ready = tasks.filter((t) => t.key !== "check").every((t) => t.status === "completed");
  return { ruleSet, checklist, tasks, ready };
}
