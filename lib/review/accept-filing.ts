import { defineAction } from "@/lib/auth/run-action";
import { auditText } from "@/lib/audit/denied-details";
import { DomainError } from "@/lib/errors";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { addWorkingDays, beijingDate } from "@/lib/calendar/working-days";
import { acceptSchema } from "./schemas";
import { assertCanAct, claimColumns, lockFiling } from "./filing-lock";
import { daysSinceSubmission, takeStep } from "./clerk-step";
import { assertCleanText, ruleSetForFiling, rulesPanelFor } from "./filing-rules";

/**
 * 受理: the materials are complete. Missing documents (by the rules check of the files actually
 * uploaded) must first be asked for in the one-time notice. The decision clock starts now.
 */
export const acceptFilingDef = defineAction({ roles: ["clerk"], action: "review.accept", schema: acceptSchema }, async (ctx, input) => {
  const f = await lockFiling(ctx.tx, ctx.user, input.applicationId);
  ctx.audit({ applicationId: f.id, entityType: "application", entityId: f.id });
  await assertCanAct(ctx.tx, f, ctx.user, { expectedVersion: input.version, action: "accept" });
  assertCleanText(input.note, "note");
  ctx.audit({ applicationId: f.id, entityType: "application", entityId: f.id, details: { note: auditText(input.note) } });
  const ruleSet = await ruleSetForFiling(ctx.tx, f.ruleSetId);
  const panel = await rulesPanelFor(ctx.tx, f.id, ruleSet);
  if (panel.missingItems.length > 0) {
    throw new DomainError("invalid_state", `材料尚不齐全（缺${panel.missingItems.length}项），请先发出一次性补正告知，或依规作出不予批准决定。`, {
      details: { missing: panel.missingItems.length },
    });
  }
  const now = new Date();
  const cal = await loadCalendar(ctx.tx);
  const dueAt = addWorkingDays(now, ruleSet.data.timeLimits.decisionWorkingDays, cal);
  await takeStep(ctx, f, "accept", {
    version: input.version,
    note: input.note ?? null,
    dueAt,
    set: { acceptedAt: now, ...claimColumns(f, ctx.user, now) },
    counterWorkingDays: daysSinceSubmission(f, now, cal),
    message: `您的落户申请 ${f.reference ?? ""} 已受理，派出所将于 ${beijingDate(dueAt)} 前作出决定。`,
    now,
  });
  return { status: "accepted" as const, dueAt };
});
