import { defineAction } from "@/lib/auth/run-action";
import type { Db } from "@/lib/db/types";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { DomainError, forbidden } from "@/lib/errors";
import { STATUS_LABELS } from "@/lib/filings/status";
import { assignSchema, filingRefSchema } from "./schemas";
import { heldByOtherMessage, lockFiling } from "./filing-lock";
import { CLAIMABLE_STATUSES, WORKFLOW } from "./workflow";

export { CLAIMABLE_STATUSES };

function assertClaimable(status: ApplicationStatus) {
  if (!WORKFLOW.claim.from.includes(status)) {
    throw new DomainError("invalid_state", `该申请当前状态为“${STATUS_LABELS[status]}”，无需认领。`);
  }
}

/** 认领: assign the filing to me — only if nobody else holds it (atomic under the row lock). */
export const claimFilingDef = defineAction({ roles: ["clerk"], action: "review.claim", schema: filingRefSchema }, async (ctx, input) => {
  const f = await lockFiling(ctx.tx, ctx.user, input.applicationId);
  ctx.audit({ applicationId: f.id, entityType: "application", entityId: f.id });
  assertClaimable(f.status);
  if (f.assignedClerkId === ctx.user.id) return { assignedClerkId: ctx.user.id, changed: false };
  if (f.assignedClerkId) throw new DomainError("conflict", await heldByOtherMessage(ctx.tx, f.assignedClerkId, ctx.user, "认领"));
  await ctx.tx.application.update({ where: { id: f.id }, data: { assignedClerkId: ctx.user.id, assignedAt: new Date() } });
  await ctx.tx.reviewAction.create({ data: { applicationId: f.id, clerkId: ctx.user.id, action: "claim" } });
  return { assignedClerkId: ctx.user.id, changed: true };
});

/** 退回: give my filing back to the station's queue. */
export const releaseFilingDef = defineAction({ roles: ["clerk"], action: "review.release", schema: filingRefSchema }, async (ctx, input) => {
  const f = await lockFiling(ctx.tx, ctx.user, input.applicationId);
  ctx.audit({ applicationId: f.id, entityType: "application", entityId: f.id });
  if (f.assignedClerkId !== ctx.user.id) {
    throw new DomainError("conflict", "该申请不是由您认领的，不能退回。请刷新页面查看最新情况。");
  }
  await ctx.tx.application.update({ where: { id: f.id }, data: { assignedClerkId: null, assignedAt: null } });
  await ctx.tx.reviewAction.create({ data: { applicationId: f.id, clerkId: ctx.user.id, action: "release" } });
  return { assignedClerkId: null };
});

/** 改派: a station head gives the filing to a clerk of the same station. */
export const assignFilingDef = defineAction({ roles: ["clerk"], action: "review.assign", schema: assignSchema }, async (ctx, input) => {
  if (!ctx.user.isStationHead) throw forbidden("只有所长可以改派申请。");
  const f = await lockFiling(ctx.tx, ctx.user, input.applicationId);
  ctx.audit({ applicationId: f.id, entityType: "application", entityId: f.id, details: { from: f.assignedClerkId, to: input.clerkId } });
  assertClaimable(f.status);
  const target = await ctx.tx.user.findFirst({
    where: { id: input.clerkId, role: "clerk", stationId: f.stationId, disabled: false },
    select: { id: true, realName: true },
  });
  if (!target) {
    throw new DomainError("validation_failed", "请选择本所的在岗民警。", { issues: [{ path: "clerkId", message: "请选择本所的在岗民警" }] });
  }
  if (f.assignedClerkId === target.id) return { assignedClerkId: target.id, changed: false };
  await ctx.tx.application.update({ where: { id: f.id }, data: { assignedClerkId: target.id, assignedAt: new Date() } });
  await ctx.tx.reviewAction.create({
    data: { applicationId: f.id, clerkId: ctx.user.id, action: "assign", data: { from: f.assignedClerkId, to: target.id } },
  });
  return { assignedClerkId: target.id, changed: true };
});

/** The clerks a station head may assign to. */
export async function stationClerks(db: Db, stationId: string) {
  return db.user.findMany({
    where: { role: "clerk", stationId, disabled: false },
    select: { id: true, realName: true, isStationHead: true },
    orderBy: { realName: "asc" },
  });
}
