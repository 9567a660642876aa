import { defineAction } from "@/lib/auth/run-action";
import { DomainError } from "@/lib/errors";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { settlementPathOf } from "@/lib/filings/settlement-path";
import { registerDirectlySchema } from "./schemas";
import { assertCanAct, claimColumns, lockFiling } from "./filing-lock";
import { assertAllEligible, assertCleanText, ruleSetForFiling } from "./filing-rules";
import { findDuplicates } from "@/lib/filings/duplicate-check";
import { daysSinceSubmission, takeStep } from "./clerk-step";

/**
 * 直接办理城镇居民登记 (plan 二(一)): a rural student who kept the hukou at origin registers as
 * an urban resident there on the admission letter. Not a move: no permit to move in, no
 * move-out; from acceptance straight to registered, after the same rules check and duplicate
 * check as an approval.
 */
export const registerDirectlyDef = defineAction(
  { roles: ["clerk"], action: "review.register_directly", schema: registerDirectlySchema },
  async (ctx, input) => {
    const f = await lockFiling(ctx.tx, ctx.user, input.applicationId);
    ctx.audit({ applicationId: f.id, entityType: "application", entityId: f.id });
    const directRegistration = (await settlementPathOf(ctx.tx, f.id)) === "direct_registration";
    await assertCanAct(ctx.tx, f, ctx.user, { expectedVersion: input.version, action: "register_directly", facts: { directRegistration } });
    assertCleanText(input.note, "note");
    const ruleSet = await ruleSetForFiling(ctx.tx, f.ruleSetId);
    await assertAllEligible(ctx.tx, f.id, ruleSet, "不能办理登记");
    const app = await ctx.tx.application.findUniqueOrThrow({
      where: { id: f.id },
      select: { applicantIdNumber: true, applicantName: true, members: { select: { id: true, name: true, idNumber: true, relation: true } } },
    });
    const dups = await findDuplicates(ctx.tx, { ...f, applicantIdNumber: app.applicantIdNumber, applicantName: app.applicantName }, app.members);
    if (dups.length > 0)
      throw new DomainError("invalid_state", `${dups[0].personName}另有落户申请或已登记（${dups[0].reference ?? ""}），不能办理登记。请核实后依规处理。`);

    const now = new Date();
    const cal = await loadCalendar(ctx.tx);
    await takeStep(ctx, f, "register_directly", {
      version: input.version,
      note: input.note ?? null,
      dueAt: null,
      set: { decidedAt: now, completedAt: now, ...claimColumns(f, ctx.user, now) },
      counter: "registered",
      counterWorkingDays: daysSinceSubmission(f, now, cal),
      message: `您的申请 ${f.reference ?? ""} 已在原籍直接办理城镇居民登记，无需准迁证和迁出手续。登录后可查看落户后可享受的政策。`,
      now,
    });
    return { status: "registered" as const };
  },
);
