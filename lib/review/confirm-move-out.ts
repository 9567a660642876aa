import { defineAction } from "@/lib/auth/run-action";
import { DomainError } from "@/lib/errors";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { beijingDate, workingDaysBetween } from "@/lib/calendar/working-days";
import type { Db } from "@/lib/db/types";
import { confirmMoveOutSchema, resendMoveOutSchema, returnMoveOutSchema } from "./schemas";
import { assertCanAct, claimColumns, lockFiling } from "./filing-lock";
import { assertCleanText, ruleSetForFiling } from "./filing-rules";
import { takeStep } from "./clerk-step";
import { moveOutReturnReasons } from "./review-reasons";
import { registrationDue } from "./record-move-out";

/**
 * Move-out inside the city (最多跑一次): an approved filing whose origin is a station on this
 * portal waits in that station's 迁出确认 queue. Its clerk confirms the move-out — the
 * destination sees "迁出" at once and nobody types it — or returns the request with a reason
 * from the rule set's list. The working days spent at the origin are kept for the dashboards.
 */
export const confirmMoveOutDef = defineAction({ roles: ["clerk"], action: "review.confirm_move_out", schema: confirmMoveOutSchema }, async (ctx, input) => {
  const f = await lockFiling(ctx.tx, ctx.user, input.applicationId, "origin");
  ctx.audit({
    applicationId: f.id,
    entityType: "application",
    entityId: f.id,
    stationId: ctx.user.stationId,
    details: { side: "origin", destinationStationId: f.stationId },
  });
  await assertCanAct(ctx.tx, f, ctx.user, { expectedVersion: input.version, action: "confirm_move_out" });
  assertCleanText(input.note, "note");
  const now = new Date();
  const cal = await loadCalendar(ctx.tx);
  const origin = await ctx.tx.policeStation.findUniqueOrThrow({ where: { id: ctx.user.stationId! }, select: { name: true } });
  const originWorkingDays = f.moveOutRequestedAt ? workingDaysBetween(f.moveOutRequestedAt, now, cal) : 0;
  const data = { originOffice: origin.name, movedOutOn: beijingDate(now), transferNumber: input.transferNumber ?? null, electronic: true, originWorkingDays };
  await takeStep(ctx, f, "confirm_move_out", {
    version: input.version,
    note: `${origin.name}已在系统内确认迁出${input.transferNumber ? `；迁移证编号：${input.transferNumber}` : ""}${input.note ? `；${input.note}` : ""}`,
    data,
    dueAt: await registrationDue(ctx.tx, f.ruleSetId, now),
    set: { movedOutAt: now, moveOutOffice: origin.name, originWorkingDays },
    counter: "moved_out",
    message: `您的落户申请 ${f.reference ?? ""} 已由原籍${origin.name}在系统内办理迁出，您无需前往原籍。落户地派出所将为您办理落户。`,
    now,
    review: { note: input.note ?? null },
  });
  await tellHolder(ctx.tx, f, `申请 ${f.reference ?? ""} 原籍已确认迁出`, `${origin.name}已确认迁出，可办理落户。`);
  return { status: "moved_out" as const, originWorkingDays };
});

export const returnMoveOutDef = defineAction({ roles: ["clerk"], action: "review.return_move_out", schema: returnMoveOutSchema }, async (ctx, input) => {
  const f = await lockFiling(ctx.tx, ctx.user, input.applicationId, "origin");
  ctx.audit({ applicationId: f.id, entityType: "application", entityId: f.id, details: { side: "origin", reasonCode: input.reasonCode } });
  await assertCanAct(ctx.tx, f, ctx.user, { expectedVersion: input.version, action: "return_move_out" });
  assertCleanText(input.note, "note");
  const ruleSet = await ruleSetForFiling(ctx.tx, f.ruleSetId);
  const reason = moveOutReturnReasons(ruleSet.data).find((r) => r.code === input.reasonCode);
  if (!reason) throw new DomainError("validation_failed", "请选择规定的退回理由。", { issues: [{ path: "reasonCode", message: "请选择规定的退回理由" }] });
  const now = new Date();
  const origin = await ctx.tx.policeStation.findUniqueOrThrow({ where: { id: ctx.user.stationId! }, select: { name: true } });
  const text = `${reason.label}${input.note ? `（${input.note}）` : ""}`;
  await takeStep(ctx, f, "return_move_out", {
    version: input.version,
    note: `${origin.name}退回迁出申请：${text}`,
    data: { reasonCode: reason.code, reasonLabel: reason.label },
    set: { moveOutReturnedAt: now, moveOutReturnReason: text },
    counter: null,
    message: `您的落户申请 ${f.reference ?? ""} 的迁出申请被原籍${origin.name}退回：${text}。落户地派出所将与您联系。`,
    now,
    review: { reasonCodes: [reason.code], note: input.note ?? null, data: null },
  });
  await tellHolder(ctx.tx, f, `申请 ${f.reference ?? ""} 迁出申请被退回`, `${origin.name}退回迁出申请：${text}`);
  return { status: "approved" as const, reason };
});

/** The destination sends a returned move-out request to the origin station again (after clearing the problem). */
export const resendMoveOutDef = defineAction({ roles: ["clerk"], action: "review.resend_move_out", schema: resendMoveOutSchema }, async (ctx, input) => {
  const f = await lockFiling(ctx.tx, ctx.user, input.applicationId);
  ctx.audit({ applicationId: f.id, entityType: "application", entityId: f.id });
  await assertCanAct(ctx.tx, f, ctx.user, { expectedVersion: input.version, action: "resend_move_out" });
  assertCleanText(input.note, "note");
  const now = new Date();
  await takeStep(ctx, f, "resend_move_out", {
    version: input.version,
    note: input.note ?? null,
    set: { moveOutReturnedAt: null, moveOutReturnReason: null, moveOutRequestedAt: now, ...claimColumns(f, ctx.user, now) },
    counter: null,
    message: `您的落户申请 ${f.reference ?? ""} 已重新发送原籍派出所办理迁出。`,
    now,
  });
  return { status: "approved" as const };
});

/** A message in the inbox of the destination clerk who holds the filing. */
async function tellHolder(tx: Db, f: { id: string; assignedClerkId: string | null }, title: string, body: string) {
  if (f.assignedClerkId) await tx.notification.create({ data: { userId: f.assignedClerkId, applicationId: f.id, title, body } });
}
