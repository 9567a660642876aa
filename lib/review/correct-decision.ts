import { defineAction } from "@/lib/auth/run-action";
import { auditText } from "@/lib/audit/denied-details";
import { DomainError, forbidden } from "@/lib/errors";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { addWorkingDays, beijingDate } from "@/lib/calendar/working-days";
import { correctionSchema } from "./schemas";
import { lockFiling } from "./filing-lock";
import { WORKFLOW } from "./workflow";
import { takeStep } from "./clerk-step";
import { assertCleanText, assertLawfulRefusal, ruleSetForFiling } from "./filing-rules";
import { STATUS_LABELS } from "@/lib/filings/status";

/**
 * A decided filing is never decided again by the ordinary actions. A station head may correct
 * a decision as a new, audited action with its reasons:
 * - reopen: a refusal is set aside; the filing returns to "accepted" with a fresh decision clock;
 * - revoke: an approval (before the move-out) is replaced by a refusal with allowed reasons,
 *   and the permit is revoked (the public verification then says so).
 */
export const correctDecisionDef = defineAction({ roles: ["clerk"], action: "review.correct", schema: correctionSchema }, async (ctx, input) => {
  if (!ctx.user.isStationHead) throw forbidden("只有所长可以更正已作出的决定。");
  const f = await lockFiling(ctx.tx, ctx.user, input.applicationId);
  ctx.audit({ applicationId: f.id, entityType: "application", entityId: f.id, details: { kind: input.kind, from: f.status } });
  if (f.version !== input.version) {
    throw new DomainError("conflict", `该申请刚刚已被他人处理（当前状态：${STATUS_LABELS[f.status]}），请刷新页面查看最新情况后再操作。`);
  }
  const action = input.kind === "reopen" ? "reopen" : "revoke";
  if (!WORKFLOW[action].from.includes(f.status)) {
    throw new DomainError(
      "invalid_state",
      input.kind === "reopen" ? "只有“不予批准”的申请可以撤销决定、重新审核。" : "只有已准予迁入、尚未迁出的申请可以撤销准予迁入决定。",
    );
  }
  const ruleSet = await ruleSetForFiling(ctx.tx, f.ruleSetId);
  const now = new Date();

  if (input.kind === "reopen") {
    assertCleanText(input.note, "note");
    ctx.audit({ applicationId: f.id, entityType: "application", entityId: f.id, details: { kind: input.kind, from: f.status, note: auditText(input.note) } });
    const cal = await loadCalendar(ctx.tx);
    const dueAt = addWorkingDays(now, ruleSet.data.timeLimits.decisionWorkingDays, cal);
    await takeStep(ctx, f, "reopen", {
      version: input.version,
      note: input.note,
      data: { kind: "reopen", previousStatus: "refused" },
      dueAt,
      set: { decidedAt: null },
      counter: null,
      message: `您的落户申请 ${f.reference ?? ""} 原不予批准决定已由派出所所长撤销，重新审核，将于 ${beijingDate(dueAt)} 前作出决定。更正理由：${input.note}`,
      now,
      review: { action: "correct" },
    });
    return { status: "accepted" as const };
  }

  const reasons = assertLawfulRefusal({ reasonCodes: input.reasonCodes, note: input.note }, ruleSet.data);
  ctx.audit({
    applicationId: f.id,
    entityType: "application",
    entityId: f.id,
    details: {
      kind: input.kind,
      from: f.status,
      reasonCodes: reasons.map((r) => r.code),
      reasons: reasons.map((r) => ({ code: r.code, clause: r.clause })),
      clauses: [...new Set(reasons.map((r) => r.clause))],
      note: auditText(input.note),
    },
  });
  const reasonData = reasons.map((r) => ({ code: r.code, label: r.label, clause: r.clause }));
  await ctx.tx.permit.updateMany({ where: { applicationId: f.id, revokedAt: null }, data: { revokedAt: now, revokeReason: input.note } });
  await takeStep(ctx, f, "revoke", {
    version: input.version,
    note: input.note,
    data: { kind: "revoke", previousStatus: "approved", reasons: reasonData },
    dueAt: null,
    set: { decidedAt: now },
    counter: null,
    message: `您的落户申请 ${f.reference ?? ""} 准予迁入决定已由派出所所长撤销，准迁证作废。理由：${reasons.map((r) => `${r.label}（依据${r.clause}）`).join("；")}。说明：${input.note}`,
    now,
    review: { action: "correct", reasonCodes: reasons.map((r) => r.code) },
  });
  return { status: "refused" as const, reasons };
});
