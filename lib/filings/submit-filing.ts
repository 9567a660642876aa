import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import type { SessionUser } from "@/lib/auth/roles";
import { defineAction } from "@/lib/auth/run-action";
import { DomainError } from "@/lib/errors";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { addWorkingDays, beijingDate } from "@/lib/calendar/working-days";
import { submitFilingSchema } from "./filing-schemas";
import { lockOwnFiling } from "./load-filing";
import { assessDraft } from "./assess-draft";
import { placeProblems } from "./settlement-path";
import { readAnswers } from "./filing-answers";
import { assertNoOpenDuplicate, lockPeople } from "./duplicate-filings";
import { nextReference } from "./numbers";
import { transition } from "./transition";
import type { DocumentChecklist } from "./document-checklist";

export type SubmitResult = { applicationId: string; reference: string; submittedAt: Date; acceptanceDueAt: Date; alreadySubmitted: boolean };

/** The rules check as recorded on the filing (no ID numbers: names, outcomes, clauses, missing). */
function recordedRuleResult(checklist: DocumentChecklist) {
  return {
    ruleSetVersion: checklist.ruleSetVersion,
    persons: checklist.persons.map((p) => ({
      memberId: p.memberId,
      name: p.name,
      relation: p.relation,
      channel: p.channel,
      outcome: p.outcome,
      reasons: p.reasons,
      documents: p.slots.map((s) => ({ code: s.code, satisfied: s.satisfied, files: s.documents.length })),
    })),
  };
}

async function existingResult(tx: Db, applicationId: string): Promise<SubmitResult> {
  const a = await tx.application.findUniqueOrThrow({
    where: { id: applicationId },
    select: { id: true, reference: true, submittedAt: true, events: { where: { type: "submitted" }, select: { dueAt: true }, take: 1 } },
  });
  return {
    applicationId: a.id,
    reference: a.reference!,
    submittedAt: a.submittedAt!,
    acceptanceDueAt: a.events[0]?.dueAt ?? a.submittedAt!,
    alreadySubmitted: true,
  };
}

/**
 * Submits a draft. Idempotent by `submitKey` (made once per check-answers page): the filing's
 * row is locked first, so a double click, a retry or two tabs make ONE filing — the later
 * calls get the same reference back. On submission: a reference number, the rules result and
 * the rule set version recorded, the acceptance due date (working days of the rule set by the
 * holiday calendar), the timeline event and the resident's message.
 */
export async function submitFiling(tx: Db, user: SessionUser, input: { applicationId: string; submitKey: string }, now = new Date()): Promise<SubmitResult> {
  const f = await lockOwnFiling(tx, user, input.applicationId);
  if (f.status !== "draft") {
    if (f.submitKey === input.submitKey) return existingResult(tx, f.id);
    throw new DomainError("invalid_state", "该申请已经提交，请在“我的申请”中查看办理进度。", { details: { status: f.status } });
  }
  const draft = await tx.application.findUniqueOrThrow({
    where: { id: f.id },
    include: { members: { orderBy: { sortOrder: "asc" } }, documents: { where: { removedAt: null } } },
  });
  const { ruleSet, checklist, tasks, ready } = await assessDraft(tx, draft);
  if (!ready) {
    const open = tasks.filter((t) => t.key !== "check" && t.status !== "completed");
    throw new DomainError("validation_failed", `还有未完成的内容：${open.map((t) => t.title).join("、")}。请完成后再提交。`, {
      issues: open.map((t) => ({ path: t.key, message: `请完成“${t.title}”` })),
    });
  }
  const place = placeProblems(draft);
  if (place.length > 0) throw new DomainError("validation_failed", place[0].message, { issues: place });
  const answers = readAnswers(draft.answers);
  const destination = answers.destination!;
  const station = await tx.policeStation.findFirst({
    where: { id: destination.stationId, countyCode: destination.county, active: true },
    select: { id: true, name: true },
  });
  if (!station)
    throw new DomainError("validation_failed", "所选派出所已停止受理，请重新选择派出所。", { issues: [{ path: "destination", message: "请重新选择派出所" }] });

  await lockPeople(
    tx,
    draft.members.map((m) => m.idNumber),
  );
  await assertNoOpenDuplicate(
    tx,
    {
      id: draft.id,
      stationId: station.id,
      destinationCounty: destination.county,
      applicantIdNumber: draft.applicantIdNumber,
      applicantName: draft.applicantName,
    },
    draft.members,
  );

  const reference = await nextReference(tx, now);
  const cal = await loadCalendar(tx);
  const dueAt = addWorkingDays(now, ruleSet.data.timeLimits.acceptanceWorkingDays, cal);
  await transition(tx, {
    applicationId: draft.id,
    from: ["draft"],
    to: "submitted",
    event: "submitted",
    actorId: user.id,
    expectedVersion: f.version,
    dueAt,
    data: { ruleSetVersion: ruleSet.version, persons: draft.members.length },
    set: {
      reference,
      submitKey: input.submitKey,
      submittedAt: now,
      stationId: station.id,
      destinationCounty: destination.county,
      destinationAddress: destination.address,
      personsCount: draft.members.length,
      ruleSetId: ruleSet.id,
      ruleResult: recordedRuleResult(checklist) as Prisma.InputJsonValue,
      draftStep: null,
    },
    message: `您的落户申请已提交，受理编号 ${reference}。${station.name}将在 ${beijingDate(dueAt)} 前作出是否受理的决定，请留意短信和站内消息。`,
    now,
  });
  return { applicationId: draft.id, reference, submittedAt: now, acceptanceDueAt: dueAt, alreadySubmitted: false };
}

export const submitFilingDef = defineAction({ roles: ["resident"], action: "filing.submit", schema: submitFilingSchema }, async (ctx, input) => {
  const result = await submitFiling(ctx.tx, ctx.user, input);
  ctx.audit({
    applicationId: result.applicationId,
    entityType: "application",
    entityId: result.applicationId,
    details: { reference: result.reference, repeated: result.alreadySubmitted },
  });
  return result;
});
