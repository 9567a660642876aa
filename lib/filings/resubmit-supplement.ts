import type { Prisma } from "@/lib/generated/prisma/client";
import { defineAction } from "@/lib/auth/run-action";
import { DomainError } from "@/lib/errors";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { addWorkingDays, beijingDate } from "@/lib/calendar/working-days";
import { getCurrentRuleSet, getRuleSet } from "@/lib/rules/rule-set-service";
import { resubmitSchema } from "./filing-schemas";
import { lockOwnFiling } from "./load-filing";
import { noticeItems, openNotice } from "./supplement-notice";
import { readAnswers } from "./filing-answers";
import { transition } from "./transition";
import { SUPPLEMENT_ATTACHMENT } from "./upload-document";

/**
 * The resident answers the ONE supplement notice: every document item has a new upload and
 * every clerk's item a written answer; the filing goes back to the step it was in (usually
 * waiting for acceptance) and that step's clock restarts from today.
 */
export const resubmitSupplementDef = defineAction({ roles: ["resident"], action: "filing.resubmit", schema: resubmitSchema }, async (ctx, input) => {
  const f = await lockOwnFiling(ctx.tx, ctx.user, input.applicationId);
  ctx.audit({ applicationId: f.id, entityType: "application", entityId: f.id });
  if (f.status !== "supplement_requested") throw new DomainError("invalid_state", "该申请当前没有待补正的事项。");
  const notice = await openNotice(ctx.tx, f.id);
  if (!notice) throw new DomainError("invalid_state", "该申请当前没有待补正的事项。");
  const app = await ctx.tx.application.findUniqueOrThrow({
    where: { id: f.id },
    select: {
      answers: true,
      supplementFrom: true,
      ruleSetId: true,
      reference: true,
      members: { orderBy: { sortOrder: "asc" }, select: { id: true, name: true } },
      documents: { where: { noticeId: notice.id, removedAt: null }, select: { memberId: true, docType: true } },
    },
  });
  const ruleSet = app.ruleSetId ? await getRuleSet(ctx.tx, app.ruleSetId) : await getCurrentRuleSet(ctx.tx);
  const items = noticeItems(notice.items, app.members, ruleSet.data);
  const answers = new Map(input.responses.filter((r) => r.text).map((r) => [r.index, r.text]));
  const issues: Array<{ path: string; message: string }> = [];
  for (const it of items) {
    if (it.documentCode) {
      const uploaded = app.documents.some((d) => d.memberId === it.memberId && (it.alternatives as string[]).includes(d.docType));
      if (!uploaded) issues.push({ path: `items.${it.index}`, message: `请上传：${it.memberName} — ${it.label}` });
    } else {
      const hasFile = app.documents.some((d) => d.memberId === it.memberId && d.docType === SUPPLEMENT_ATTACHMENT);
      if (!answers.get(it.index) && !hasFile) issues.push({ path: `responses.${it.index}`, message: `请填写补正说明或上传附件：${it.label}` });
    }
  }
  if (issues.length > 0) throw new DomainError("validation_failed", "还有补正事项未完成，请逐项补齐后再提交。", { issues });

  const now = new Date();
  const back = app.supplementFrom === "accepted" ? "accepted" : "submitted";
  const cal = await loadCalendar(ctx.tx);
  const limits = ruleSet.data.timeLimits;
  const dueAt = addWorkingDays(now, back === "accepted" ? limits.decisionWorkingDays : limits.acceptanceWorkingDays, cal);
  const responses = items.filter((it) => answers.has(it.index)).map((it) => ({ index: it.index, text: answers.get(it.index)! }));
  const stored = readAnswers(app.answers);
  await ctx.tx.supplementNotice.update({ where: { id: notice.id }, data: { answeredAt: now, status: "answered" } });
  ctx.audit({
    applicationId: f.id,
    entityType: "supplement_notice",
    entityId: notice.id,
    details: { noticeId: notice.id, revision: notice.revision, answered: items.length },
  });
  await transition(ctx.tx, {
    applicationId: f.id,
    from: ["supplement_requested"],
    to: back,
    event: "resubmitted",
    actorId: ctx.user.id,
    expectedVersion: f.version,
    dueAt,
    data: { noticeId: notice.id, responses },
    set: {
      supplementFrom: null,
      answers: { ...stored, supplementResponses: { ...stored.supplementResponses, [notice.id]: responses } } as Prisma.InputJsonValue,
    },
    // The acceptance counter counts filings once; the supplement round trip is on the timeline.
    counter: null,
    message: `您已提交补正材料（申请 ${app.reference ?? ""}），派出所将在 ${beijingDate(dueAt)} 前继续办理。`,
    now,
  });
  return { applicationId: f.id, status: back, dueAt };
});
