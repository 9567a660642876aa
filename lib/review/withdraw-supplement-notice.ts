import { defineAction } from "@/lib/auth/run-action";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { addWorkingDays, beijingDate } from "@/lib/calendar/working-days";
import { withdrawNoticeSchema } from "./schemas";
import { ruleSetForFiling } from "./filing-rules";
import { takeStep } from "./clerk-step";
import { lockOpenNotice } from "./correct-supplement-notice";
import { auditItems, readNoticeItems } from "./notice-items";

/**
 * 撤回补正告知: a station head withdraws a sent notice before the resident answers (e.g. it
 * asked for something the filing already had). The filing goes back to the step it was in,
 * whose clock restarts from today; the resident is told nothing needs supplementing.
 */
export const withdrawSupplementNoticeDef = defineAction(
  { roles: ["clerk"], action: "review.notice.withdraw", schema: withdrawNoticeSchema },
  async (ctx, input) => {
    const { f, notice, auditChange } = await lockOpenNotice(ctx, input, "撤回");
    const app = await ctx.tx.application.findUniqueOrThrow({ where: { id: f.id }, select: { supplementFrom: true } });
    const back = app.supplementFrom === "accepted" ? "accepted" : "submitted";
    const ruleSet = await ruleSetForFiling(ctx.tx, f.ruleSetId);
    const limits = ruleSet.data.timeLimits;
    const now = new Date();
    const dueAt = addWorkingDays(now, back === "accepted" ? limits.decisionWorkingDays : limits.acceptanceWorkingDays, await loadCalendar(ctx.tx));
    await ctx.tx.supplementNotice.update({
      where: { id: notice.id },
      data: { status: "withdrawn", withdrawnAt: now, withdrawnById: ctx.user.id, withdrawReason: input.reason },
    });
    auditChange(notice.revision, { items: auditItems(readNoticeItems(notice.items)), backTo: back });
    await takeStep(
      ctx,
      f,
      { from: ["supplement_requested"], to: back, event: "supplement_withdrawn", action: "withdraw_notice" },
      {
        version: input.version,
        note: input.reason,
        data: { noticeId: notice.id },
        dueAt,
        set: { supplementFrom: null },
        counter: null,
        message: `您的落户申请 ${f.reference ?? ""} 的补正告知已由派出所所长撤回，无需再补正，派出所将在 ${beijingDate(dueAt)} 前继续办理。撤回理由：${input.reason}`,
        now,
      },
    );
    return { noticeId: notice.id, status: back, dueAt };
  },
);
