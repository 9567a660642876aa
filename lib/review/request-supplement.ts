import type { Prisma } from "@/lib/generated/prisma/client";
import { defineAction } from "@/lib/auth/run-action";
import { DomainError } from "@/lib/errors";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { addWorkingDays, beijingDate } from "@/lib/calendar/working-days";
import { auditText } from "@/lib/audit/denied-details";
import { supplementSchema } from "./schemas";
import { assertCanAct, claimColumns, lockFiling } from "./filing-lock";
import { ruleSetForFiling } from "./filing-rules";
import { allowedNoticeItemsFor, assertCleanClarification, auditItems, composeNotice, noticeText, type NoticeItem } from "./notice-items";
import { takeStep } from "./clerk-step";
import { rejectedDocumentItems } from "./review-document";

export type { NoticeItem } from "./notice-items";

/** Notices still waiting for the resident's answer. */
export const OPEN_NOTICE_STATUSES = ["sent", "corrected"] as const;

/**
 * 一次性告知: ONE notice listing everything missing — every missing document slot of every
 * person found by the rules check (always included, recomputed here, never taken from the
 * browser) plus the items the clerk picks among those the filing's rules allow (document slots
 * with their alternatives, the rule set's other items), each with an optional clarification —
 * with the supplement time limit of the rule set. A filing may get a later notice only once the
 * resident answered the previous one.
 */
export const requestSupplementDef = defineAction({ roles: ["clerk"], action: "review.request_supplement", schema: supplementSchema }, async (ctx, input) => {
  const f = await lockFiling(ctx.tx, ctx.user, input.applicationId);
  ctx.audit({ applicationId: f.id, entityType: "application", entityId: f.id });
  await assertCanAct(ctx.tx, f, ctx.user, { expectedVersion: input.version, action: "request_supplement" });
  if ((await ctx.tx.supplementNotice.count({ where: { applicationId: f.id, status: { in: [...OPEN_NOTICE_STATUSES] }, answeredAt: null } })) > 0) {
    throw new DomainError("invalid_state", "本申请已有尚未答复的补正告知。申请人补正后，如仍需补正，可再发出告知。");
  }
  assertCleanClarification(input.note ?? null, "note");

  const ruleSet = await ruleSetForFiling(ctx.tx, f.ruleSetId);
  const allowed = await allowedNoticeItemsFor(ctx.tx, f.id, ruleSet);
  const items: NoticeItem[] = composeNotice(allowed, input.items);
  // Documents a clerk rejected (核验不合格) are asked for again in the same notice, with the reason.
  for (const r of await rejectedDocumentItems(ctx.tx, f.id)) {
    const slot = allowed.find((a) => a.kind === "document" && a.memberId === r.memberId && (a.code === r.code || a.alternatives.includes(r.code as never)));
    if (!slot) continue;
    const listed = items.find((i) => i.kind === "document" && i.memberId === slot.memberId && i.code === slot.code);
    if (listed) listed.clarification ??= `已上传的材料不合格：${r.reason}，请重新提交。`;
    else {
      const { missing: _missing, ...item } = slot;
      void _missing;
      items.push({ ...item, clarification: `已上传的材料不合格：${r.reason}，请重新提交。`, source: "clerk" });
    }
  }
  if (items.length === 0) {
    throw new DomainError("validation_failed", "规则核验未发现缺少的材料。如需申请人补正，请从规定的补正事项中选择。", {
      issues: [{ path: "items", message: "请至少选择一项补正事项" }],
    });
  }

  const now = new Date();
  const cal = await loadCalendar(ctx.tx);
  const dueAt = addWorkingDays(now, ruleSet.data.timeLimits.supplementWorkingDays, cal);
  const round = (await ctx.tx.supplementNotice.count({ where: { applicationId: f.id } })) + 1;
  const notice = await ctx.tx.supplementNotice.create({
    data: {
      applicationId: f.id,
      items: items as unknown as Prisma.InputJsonValue,
      note: input.note ?? null,
      requestedById: ctx.user.id,
      requestedAt: now,
      dueAt,
    },
  });
  ctx.audit({
    applicationId: f.id,
    entityType: "supplement_notice",
    entityId: notice.id,
    details: { noticeId: notice.id, round, items: auditItems(items), note: auditText(input.note), dueAt: dueAt.toISOString() },
  });
  await takeStep(ctx, f, "request_supplement", {
    version: input.version,
    note: input.note ?? null,
    data: { noticeId: notice.id, items: items.length },
    dueAt,
    set: { supplementFrom: f.status, ...claimColumns(f, ctx.user, now) },
    message: `您的落户申请 ${f.reference ?? ""} 需要补正材料（一次性告知），请于 ${beijingDate(dueAt)} 前登录补正：${noticeText(items)}${input.note ? `。说明：${input.note}` : ""}`,
    now,
  });
  return { noticeId: notice.id, items, dueAt };
});
