import { defineAction } from "@/lib/auth/run-action";
import { DomainError, forbidden } from "@/lib/errors";
import { bulkAssignSchema } from "./schemas";
import { lockFiling } from "./filing-lock";
import { checkAction } from "./workflow";

/**
 * 批量改派: a station head gives several filings at once to one clerk of the station. All or
 * nothing: one filing that cannot be assigned (closed, another station's) refuses the lot and
 * names it. Each filing gets its review action; the audit event lists them.
 */
export const assignFilingsDef = defineAction({ roles: ["clerk"], action: "review.assign_many", schema: bulkAssignSchema }, async (ctx, input) => {
  if (!ctx.user.isStationHead) throw forbidden("只有所长可以改派申请。");
  const ids = [...new Set(input.applicationIds)];
  ctx.audit({ entityType: "application", details: { applicationIds: ids, to: input.clerkId } });
  const target = await ctx.tx.user.findFirst({
    where: { id: input.clerkId, role: "clerk", stationId: ctx.user.stationId, disabled: false },
    select: { id: true, realName: true },
  });
  if (!target) throw new DomainError("validation_failed", "请选择本所的在岗民警。", { issues: [{ path: "clerkId", message: "请选择本所的在岗民警" }] });
  const now = new Date();
  let changed = 0;
  for (const id of ids.sort()) {
    const f = await lockFiling(ctx.tx, ctx.user, id);
    const ok = checkAction("assign", f, ctx.user);
    if (!ok.ok) throw new DomainError("invalid_state", `申请 ${f.reference ?? ""} ${ok.reason}未改派任何申请。`);
    if (f.assignedClerkId === target.id) continue;
    await ctx.tx.application.update({ where: { id: f.id }, data: { assignedClerkId: target.id, assignedAt: now } });
    await ctx.tx.reviewAction.create({
      data: { applicationId: f.id, clerkId: ctx.user.id, action: "assign", data: { from: f.assignedClerkId, to: target.id, bulk: true } },
    });
    changed += 1;
  }
  return { assigned: changed, clerkName: target.realName };
});
