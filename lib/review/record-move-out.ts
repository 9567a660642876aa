import { defineAction } from "@/lib/auth/run-action";
import { DomainError } from "@/lib/errors";
import { beijingDate, startOfBeijingDay } from "@/lib/calendar/working-days";
import { moveOutSchema } from "./schemas";
import { assertCanAct, claimColumns, lockFiling } from "./filing-lock";
import { takeStep } from "./clerk-step";
import { assertCleanText, ruleSetForFiling } from "./filing-rules";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { addWorkingDays } from "@/lib/calendar/working-days";
import { completionLimits } from "./review-reasons";
import type { Db } from "@/lib/db/types";

/** The registration's due date after a move-out (working days of the filing's rule set). */
export async function registrationDue(tx: Db, ruleSetId: string | null, now: Date): Promise<Date> {
  const ruleSet = await ruleSetForFiling(tx, ruleSetId);
  return addWorkingDays(now, completionLimits(ruleSet.data.timeLimits).registration, await loadCalendar(tx));
}

/**
 * 迁出: the origin's public-security office has moved the hukou out (confirmed electronically
 * for Henan and cross-province moves in reality; here the clerk records the office and date).
 */
export const recordMoveOutDef = defineAction({ roles: ["clerk"], action: "review.record_move_out", schema: moveOutSchema }, async (ctx, input) => {
  const f = await lockFiling(ctx.tx, ctx.user, input.applicationId);
  ctx.audit({ applicationId: f.id, entityType: "application", entityId: f.id, details: { originOffice: input.originOffice, movedOutOn: input.movedOutOn } });
  await assertCanAct(ctx.tx, f, ctx.user, { expectedVersion: input.version, action: "record_move_out" });
  assertCleanText(input.originOffice, "originOffice");
  const now = new Date();
  const issue = (message: string) => new DomainError("validation_failed", message, { issues: [{ path: "movedOutOn", message }] });
  if (input.movedOutOn > beijingDate(now)) throw issue("迁出日期不能晚于今天");
  if (f.decidedAt && input.movedOutOn < beijingDate(f.decidedAt)) throw issue("迁出日期不能早于准予迁入的日期");

  const movedOutAt = startOfBeijingDay(input.movedOutOn);
  const data = { originOffice: input.originOffice, movedOutOn: input.movedOutOn, transferNumber: input.transferNumber ?? null };
  await takeStep(ctx, f, "record_move_out", {
    version: input.version,
    note: `迁出地：${input.originOffice}；迁出日期：${input.movedOutOn}${input.transferNumber ? `；迁移证编号：${input.transferNumber}` : ""}`,
    data,
    dueAt: await registrationDue(ctx.tx, f.ruleSetId, now),
    set: { movedOutAt, moveOutOffice: input.originOffice, ...claimColumns(f, ctx.user, now) },
    message: `您的落户申请 ${f.reference ?? ""} 已登记原籍迁出（${input.originOffice}，${input.movedOutOn}），派出所将为您办理落户。`,
    now,
    review: { note: null },
  });
  return { status: "moved_out" as const };
});
