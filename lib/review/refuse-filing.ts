import { defineAction } from "@/lib/auth/run-action";
import { auditText } from "@/lib/audit/denied-details";
import { DomainError } from "@/lib/errors";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { refuseSchema } from "./schemas";
import { assertCanAct, claimColumns, lockFiling } from "./filing-lock";
import { daysSinceSubmission, takeStep } from "./clerk-step";
import { assertLawfulRefusal, ruleSetForFiling } from "./filing-rules";

/**
 * 不予批准: at least one allowed reason of the filing's rule set, each with its clause, and a
 * note. The guard of the rules refuses a note that rests on a forbidden criterion (未购房,
 * 纳税不足, 积分不够, 未退出宅基地 …) and names the clause that forbids it.
 */
export const refuseFilingDef = defineAction({ roles: ["clerk"], action: "review.refuse", schema: refuseSchema }, async (ctx, input) => {
  const f = await lockFiling(ctx.tx, ctx.user, input.applicationId);
  ctx.audit({ applicationId: f.id, entityType: "application", entityId: f.id });
  await assertCanAct(ctx.tx, f, ctx.user, { expectedVersion: input.version, action: "refuse" });
  const ruleSet = await ruleSetForFiling(ctx.tx, f.ruleSetId);
  const reasons = assertLawfulRefusal(input, ruleSet.data);
  ctx.audit({
    applicationId: f.id,
    entityType: "application",
    entityId: f.id,
    details: {
      reasonCodes: reasons.map((r) => r.code),
      reasons: reasons.map((r) => ({ code: r.code, clause: r.clause })),
      clauses: [...new Set(reasons.map((r) => r.clause))],
      note: auditText(input.note),
    },
  });

  const now = new Date();
  if (reasons.some((r) => r.code === "supplement_not_provided")) {
    const notice = await ctx.tx.supplementNotice.findFirst({
      where: { applicationId: f.id, status: { in: ["sent", "corrected"] } },
      orderBy: { requestedAt: "desc" },
    });
    const expired = f.status === "supplement_requested" && notice?.dueAt && notice.dueAt < now;
    if (!expired) {
      throw new DomainError("validation_failed", "补正期限尚未届满（或未要求补正），不能以“未在规定期限内补正材料”为由不予批准。", {
        issues: [{ path: "reasonCodes", message: "补正期限尚未届满，不能选择此理由" }],
      });
    }
  }
  const cal = await loadCalendar(ctx.tx);
  const reasonText = reasons.map((r) => `${r.label}（依据${r.clause}）`).join("；");
  await takeStep(ctx, f, "refuse", {
    version: input.version,
    note: input.note,
    data: { reasons: reasons.map((r) => ({ code: r.code, label: r.label, clause: r.clause })) },
    dueAt: null,
    set: { decidedAt: now, ...claimColumns(f, ctx.user, now) },
    counterWorkingDays: daysSinceSubmission(f, now, cal),
    message: `您的落户申请 ${f.reference ?? ""} 不予批准。理由：${reasonText}。说明：${input.note}`,
    now,
    review: { reasonCodes: reasons.map((r) => r.code) },
  });
  return { status: "refused" as const, reasons };
});
