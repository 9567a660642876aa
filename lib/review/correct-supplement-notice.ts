import type { Prisma } from "@/lib/generated/prisma/client";
import { defineAction, type GuardContext } from "@/lib/auth/run-action";
import { DomainError, forbidden, notFound } from "@/lib/errors";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { addWorkingDays, beijingDate } from "@/lib/calendar/working-days";
import { supplementSettingsOf } from "@/lib/rules/default-rule-set";
import { auditText } from "@/lib/audit/denied-details";
import { STATUS_LABELS } from "@/lib/filings/status";
import { correctNoticeSchema } from "./schemas";
import { lockFiling, type LockedFiling } from "./filing-lock";
import { ruleSetForFiling } from "./filing-rules";
import { takeStep } from "./clerk-step";
import { allowedNoticeItemsFor, assertCleanClarification, auditItems, composeNotice, noticeText, readNoticeItems } from "./notice-items";
import { OPEN_NOTICE_STATUSES } from "./request-supplement";

/**
 * The station head's hold on a sent notice, to correct or withdraw it (`what`) with a reason:
 * only a station head of the filing's station, only while the filing waits for the supplement
 * and the resident has not answered this notice. Audited as about the notice from the start.
 */
export async function lockOpenNotice(ctx: GuardContext, input: { applicationId: string; version: number; noticeId: string; reason: string }, what: string) {
  const { tx, user } = ctx;
  ctx.audit({ applicationId: input.applicationId, entityType: "supplement_notice", entityId: input.noticeId });
  if (!user.isStationHead) throw forbidden(`只有所长可以${what}已发出的补正告知。`);
  const f: LockedFiling = await lockFiling(tx, user, input.applicationId);
  const notice = await tx.supplementNotice.findFirst({ where: { id: input.noticeId, applicationId: f.id } });
  if (!notice) throw notFound("补正告知");
  if (f.version !== input.version) {
    throw new DomainError("conflict", `该申请刚刚已被他人处理（当前状态：${STATUS_LABELS[f.status]}），请刷新页面查看最新情况后再操作。`);
  }
  if (notice.answeredAt || !(OPEN_NOTICE_STATUSES as readonly string[]).includes(notice.status) || f.status !== "supplement_requested") {
    throw new DomainError("invalid_state", `申请人已答复或该补正告知已撤回，不能再${what}。`);
  }
  assertCleanClarification(input.reason, "reason");
  /** The audit event of the change: the notice, its revision, the reason, and what else changed. */
  const auditChange = (revision: number, details: Record<string, unknown>) =>
    ctx.audit({
      applicationId: f.id,
      entityType: "supplement_notice",
      entityId: notice.id,
      details: { noticeId: notice.id, revision, reason: auditText(input.reason), ...details },
    });
  return { f, notice, auditChange };
}

/**
 * 更正补正告知: a station head replaces the items of a sent notice (chosen again from what the
 * filing's rules allow, missing slots always listed) before the resident answers. The earlier
 * version is kept in the notice's history and the audit event; the resident is told and sees
 * the corrected notice. Whether the time limit restarts is a setting of the rule set.
 */
export const correctSupplementNoticeDef = defineAction(
  { roles: ["clerk"], action: "review.notice.correct", schema: correctNoticeSchema },
  async (ctx, input) => {
    const { f, notice, auditChange } = await lockOpenNotice(ctx, input, "更正");
    assertCleanClarification(input.note ?? null, "note");
    const ruleSet = await ruleSetForFiling(ctx.tx, f.ruleSetId);
    const items = composeNotice(await allowedNoticeItemsFor(ctx.tx, f.id, ruleSet), input.items);
    if (items.length === 0) {
      throw new DomainError("validation_failed", "更正后的告知至少要有一项补正事项；如不再需要补正，请撤回告知。", {
        issues: [{ path: "items", message: "请至少选择一项补正事项" }],
      });
    }
    const now = new Date();
    const restart = supplementSettingsOf(ruleSet.data).correctionRestartsClock;
    const dueAt = restart ? addWorkingDays(now, ruleSet.data.timeLimits.supplementWorkingDays, await loadCalendar(ctx.tx)) : notice.dueAt;
    const previous = readNoticeItems(notice.items);
    const history = [
      ...(Array.isArray(notice.history) ? (notice.history as unknown[]) : []),
      {
        revision: notice.revision,
        items: notice.items,
        note: notice.note,
        dueAt: notice.dueAt?.toISOString() ?? null,
        replacedAt: now.toISOString(),
        replacedById: ctx.user.id,
        reason: input.reason,
      },
    ];
    await ctx.tx.supplementNotice.update({
      where: { id: notice.id },
      data: {
        items: items as unknown as Prisma.InputJsonValue,
        note: input.note ?? null,
        status: "corrected",
        revision: notice.revision + 1,
        history: history as Prisma.InputJsonValue,
        correctedAt: now,
        correctedById: ctx.user.id,
        dueAt,
      },
    });
    auditChange(notice.revision + 1, {
      note: auditText(input.note),
      items: auditItems(items),
      previousItems: auditItems(previous),
      clockRestarted: restart,
      dueAt: dueAt?.toISOString() ?? null,
    });
    await takeStep(
      ctx,
      f,
      { from: ["supplement_requested"], to: "supplement_requested", event: "supplement_corrected", action: "correct_notice" },
      {
        version: input.version,
        note: input.reason,
        data: { noticeId: notice.id, revision: notice.revision + 1, items: items.length, clockRestarted: restart },
        dueAt,
        counter: null,
        message: `您的落户申请 ${f.reference ?? ""} 的补正告知已由派出所所长更正，请以更正后的告知为准${dueAt ? `，于 ${beijingDate(dueAt)} 前补正` : ""}：${noticeText(items)}。更正理由：${input.reason}`,
        now,
        review: { data: { noticeId: notice.id, revision: notice.revision + 1 } },
      },
    );
    return { noticeId: notice.id, items, dueAt, revision: notice.revision + 1 };
  },
);
