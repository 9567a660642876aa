import type { Prisma } from "@/lib/generated/prisma/client";
import { defineAction } from "@/lib/auth/run-action";
import { DomainError } from "@/lib/errors";
import { transition } from "@/lib/filings/transition";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { addWorkingDays, beijingDate } from "@/lib/calendar/working-days";
import { supplementSchema } from "./schemas";
import { assertCanAct, claimColumns, lockFiling } from "./filing-lock";
import { edgeTransition } from "./workflow";
import { rejectedDocumentItems } from "./review-document";
import { assertCleanText, ruleSetForFiling, rulesPanelFor } from "./filing-rules";

/** One line of the 补正告知 as stored (SupplementNotice.items) and shown to the resident. */
export type NoticeItem = {
  /** The document to upload, when the item is a document of the rules. */
  code: string | null;
  label: string;
  clause: string | null;
  memberId: string | null;
  /** Position of the member on the filing (0 = applicant), for readers without member ids. */
  memberIndex: number;
  memberName: string;
  source: "rules" | "clerk";
};

/**
 * 一次性告知: ONE notice listing everything missing — every missing document of every person
 * found by the rules check (always included, recomputed here, never taken from the browser)
 * plus what the clerk adds — with the supplement time limit of the rule set. A filing gets
 * one notice; what is still wrong after the resubmission is decided on, not asked again.
 */
export const requestSupplementDef = defineAction({ roles: ["clerk"], action: "review.request_supplement", schema: supplementSchema }, async (ctx, input) => {
  const f = await lockFiling(ctx.tx, ctx.user, input.applicationId);
  ctx.audit({ applicationId: f.id, entityType: "application", entityId: f.id });
  await assertCanAct(ctx.tx, f, ctx.user, { expectedVersion: input.version, action: "request_supplement" });
  if ((await ctx.tx.supplementNotice.count({ where: { applicationId: f.id } })) > 0) {
    throw new DomainError("invalid_state", "本申请已发出过一次性补正告知，不能再次要求补正。补正后材料仍不符合要求的，请依规作出决定。");
  }
  input.extraItems.forEach((item, i) => assertCleanText(item.label, `extraItems.${i}.label`));
  assertCleanText(input.note, "note");

  const ruleSet = await ruleSetForFiling(ctx.tx, f.ruleSetId);
  const panel = await rulesPanelFor(ctx.tx, f.id, ruleSet);
  const members = new Map(panel.members.map((m, i) => [m.id, { ...m, index: i }]));
  const self = panel.members.find((m) => m.relation === "self");
  const who = (memberId: string | null | undefined) => {
    const m = (memberId ? members.get(memberId) : undefined) ?? (self ? members.get(self.id) : undefined);
    return { memberId: m?.id ?? null, memberIndex: m?.index ?? 0, memberName: m?.name ?? "申请人" };
  };
  input.extraItems.forEach((item, i) => {
    if (item.memberId && !members.has(item.memberId)) {
      throw new DomainError("validation_failed", "补正事项所对应的人员不在本申请中。", { issues: [{ path: `extraItems.${i}.memberId`, message: "请选择本申请中的人员" }] });
    }
  });
  const items: NoticeItem[] = [
    ...panel.missingItems.map((m) => ({ code: m.code, label: m.label, clause: m.clause, ...who(m.memberId), source: "rules" as const })),
    ...input.extraItems.map((x) => ({ code: null, label: x.label, clause: null, ...who(x.memberId), source: "clerk" as const })),
    // Documents a clerk rejected (核验不合格) are asked for again in the same one notice.
    ...(await rejectedDocumentItems(ctx.tx, f.id)).map((r) => ({ code: r.code, label: r.label, clause: null, ...who(r.memberId), source: "clerk" as const })),
  ];
  if (items.length === 0) {
    throw new DomainError("validation_failed", "规则核验未发现缺少的材料。如需补正其他内容，请添加补正事项。", {
      issues: [{ path: "extraItems", message: "请至少添加一项补正事项" }],
    });
  }

  const now = new Date();
  const cal = await loadCalendar(ctx.tx);
  const dueAt = addWorkingDays(now, ruleSet.data.timeLimits.supplementWorkingDays, cal);
  const notice = await ctx.tx.supplementNotice.create({
    data: { applicationId: f.id, items: items as unknown as Prisma.InputJsonValue, note: input.note ?? null, requestedById: ctx.user.id, requestedAt: now, dueAt },
  });
  const list = items.map((it, i) => `${i + 1}. ${it.memberName}：${it.label}`).join("；");
  await transition(ctx.tx, {
    applicationId: f.id,
    ...edgeTransition("request_supplement", f.status),
    actorId: ctx.user.id,
    expectedVersion: input.version,
    note: input.note ?? null,
    data: { noticeId: notice.id, items: items.length },
    dueAt,
    set: { supplementFrom: f.status, ...claimColumns(f, ctx.user, now) },
    message: `您的落户申请 ${f.reference ?? ""} 需要补正材料（一次性告知），请于 ${beijingDate(dueAt)} 前登录补正：${list}${input.note ? `。说明：${input.note}` : ""}`,
    now,
  });
  await ctx.tx.reviewAction.create({
    data: { applicationId: f.id, clerkId: ctx.user.id, action: "request_supplement", note: input.note ?? null, data: { noticeId: notice.id, items: items.length } },
  });
  return { noticeId: notice.id, items, dueAt };
});
