import { defineAction } from "@/lib/auth/run-action";
import { DomainError } from "@/lib/errors";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { deleteDraftSchema, withdrawFilingSchema } from "./filing-schemas";
import { lockOwnDraft, lockOwnFiling } from "./load-filing";
import { OPEN_STATUSES, STATUS_LABELS } from "./status";
import { transition } from "./transition";

/**
 * Settlement is voluntary (根据本人意愿): a filing not yet decided may be withdrawn, after an
 * explicit confirmation. The timeline, the resident's message and the counters follow.
 */
export const withdrawFilingDef = defineAction({ roles: ["resident"], action: "filing.withdraw", schema: withdrawFilingSchema }, async (ctx, input) => {
  const f = await lockOwnFiling(ctx.tx, ctx.user, input.applicationId);
  ctx.audit({ applicationId: f.id, entityType: "application", entityId: f.id });
  if (!OPEN_STATUSES.includes(f.status)) {
    throw new DomainError("invalid_state", `该申请当前状态为“${STATUS_LABELS[f.status]}”，已作出决定或已结束，不能撤回。`, { details: { status: f.status } });
  }
  const now = new Date();
  await transition(ctx.tx, {
    applicationId: f.id,
    from: OPEN_STATUSES,
    to: "withdrawn",
    event: "withdrawn",
    actorId: ctx.user.id,
    expectedVersion: f.version,
    note: input.reason ?? null,
    dueAt: null,
    set: { withdrawnAt: now, supplementFrom: null },
    message: "您已撤回落户申请。落户遵循本人意愿，如需再次申请，可随时重新提交。",
    now,
  });
  return { applicationId: f.id };
});

/** Discards a draft with its files (nothing was submitted, nothing needs keeping). */
export const deleteDraftDef = defineAction({ roles: ["resident"], action: "filing.delete_draft", schema: deleteDraftSchema }, async (ctx, input) => {
  await lockOwnDraft(ctx.tx, ctx.user, input.applicationId);
  const docs = await ctx.tx.document.findMany({ where: { applicationId: input.applicationId }, select: { storageKey: true } });
  await ctx.tx.application.delete({ where: { id: input.applicationId } });
  ctx.audit({ entityType: "application", entityId: input.applicationId, details: { files: docs.length } });
  const storage = getFileStorage();
  await Promise.all(docs.map((d) => storage.delete(d.storageKey)));
  return { deleted: true };
});
