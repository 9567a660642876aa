import { defineAction } from "@/lib/auth/run-action";
import { applicationScope } from "@/lib/auth/scope";
import { notFound } from "@/lib/errors";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { listStationCollectiveHouseholds } from "@/lib/collective/collective-households";
import { viewFilingSchema } from "./schemas";
import { buildRulesPanel } from "@/lib/rules/rules-panel";
import { settlementPath } from "@/lib/filings/settlement-path";
import { findDuplicates } from "@/lib/filings/duplicate-check";
import { ruleSetForFiling } from "./filing-rules";
import { dueInfo } from "./queue-tabs";
import { stationClerks } from "./claim-filing";
import { allowedNoticeItems, readNoticeItems } from "./notice-items";
import { supplementSettingsOf } from "@/lib/rules/default-rule-set";
import { CLAIMABLE_STATUSES, availableActions, type WorkflowFiling } from "./workflow";
import { findOriginStation, moveOutOffices } from "./origin-station";
import { remedies } from "./print-letter";
import { documentRejectionReasons, moveOutReturnReasons } from "./review-reasons";
import { rejectedDocumentItems } from "./review-document";

/**
 * The review page's loader: everything the resident submitted (every member with full ID
 * number, every document), the rules panel, the duplicate check, the timeline and what this
 * clerk may do. Viewing it is audited in the same transaction as the read.
 */
export const viewFilingDef = defineAction(
  { roles: ["clerk"], action: "review.filing.view", schema: viewFilingSchema, rateLimit: { name: "review-view", limit: 600, windowMs: 60_000 } },
  async (ctx, input) => {
    const app = await ctx.tx.application.findFirst({
      // The destination's clerks, and the origin station's clerks while the move-out is theirs to confirm.
      where: {
        AND: [
          { id: input.applicationId },
          { OR: [applicationScope(ctx.user), ...(ctx.user.stationId ? [{ originStationId: ctx.user.stationId }] : [])] },
          { status: { not: "draft" } },
        ],
      },
      include: {
        members: { orderBy: { sortOrder: "asc" } },
        documents: { where: { removedAt: null }, orderBy: [{ uploadedAt: "asc" }, { id: "asc" }] },
        events: { orderBy: { createdAt: "asc" }, include: { actor: { select: { realName: true, role: true } } } },
        notices: { orderBy: { requestedAt: "asc" } },
        reviewActions: { orderBy: { createdAt: "asc" }, include: { clerk: { select: { realName: true } } } },
        permit: true,
        collectiveHousehold: { select: { id: true, name: true } },
        station: { select: { id: true, name: true } },
        originStation: { select: { id: true, name: true } },
        assignedClerk: { select: { id: true, realName: true } },
        resident: { select: { mobile: true } },
      },
    });
    if (!app || !app.stationId) throw notFound("申请");
    ctx.audit({ applicationId: app.id, entityType: "application", entityId: app.id, details: { view: "review" } });
    // Opening the filing reads the clerk's messages about it (补正已提交, 迁出已确认 …).
    await ctx.tx.notification.updateMany({ where: { userId: ctx.user.id, applicationId: app.id, readAt: null }, data: { readAt: new Date() } });

    const ruleSet = await ruleSetForFiling(ctx.tx, app.ruleSetId);
    const panel = buildRulesPanel({ version: ruleSet.version, data: ruleSet.data }, app, app.members, app.documents);
    const duplicates = await findDuplicates(ctx.tx, { ...app, stationId: app.stationId }, app.members);
    const now = new Date();
    const cal = await loadCalendar(ctx.tx);
    const open = ["submitted", "supplement_requested", "accepted", "approved", "moved_out"].includes(app.status);
    const atDestination = app.stationId === ctx.user.stationId;
    const clerks = ctx.user.isStationHead && atDestination ? await stationClerks(ctx.tx, app.stationId) : [];
    const lastNotice = app.notices[app.notices.length - 1];
    const supplementExpired = app.status === "supplement_requested" && !!lastNotice?.dueAt && lastNotice.dueAt < now;
    const path = settlementPath(app);
    const facts: WorkflowFiling = {
      status: app.status,
      stationId: app.stationId,
      assignedClerkId: app.assignedClerkId,
      originStationId: app.originStationId,
      moveOutReturnedAt: app.moveOutReturnedAt,
      needsMoveOut: app.needsMoveOut,
      hasOpenNotice: app.notices.some((n) => (n.status === "sent" || n.status === "corrected") && !n.answeredAt),
      missingDocuments: panel.missingItems.length,
      allEligible: panel.allEligible,
      duplicates: duplicates.length,
      supplementExpired,
      directRegistration: path === "direct_registration",
    };
    const actions = availableActions(facts, ctx.user);
    const originPreview =
      actions.some((a) => a.action === "approve") && app.needsMoveOut
        ? ((await findOriginStation(ctx.tx, app.answers, app.applicantIdNumber))?.name ?? null)
        : null;
    const offices = actions.some((a) => a.action === "record_move_out")
      ? await moveOutOffices(ctx.tx, app.answers, app.applicantIdNumber)
      : { region: null, offices: [] };
    const households = path === "collective_household" ? await listStationCollectiveHouseholds(ctx.tx, app.stationId, { activeOnly: true }) : [];

    return {
      filing: {
        id: app.id,
        reference: app.reference,
        status: app.status,
        version: app.version,
        channel: app.channel,
        subtype: app.subtype,
        applicantName: app.applicantName,
        applicantIdNumber: app.applicantIdNumber,
        residentMobile: app.resident.mobile,
        destinationCounty: app.destinationCounty,
        destinationAddress: app.destinationAddress,
        personsCount: app.personsCount,
        answers: app.answers,
        submittedAt: app.submittedAt,
        acceptedAt: app.acceptedAt,
        decidedAt: app.decidedAt,
        completedAt: app.completedAt,
        movedOutAt: app.movedOutAt,
        moveOutOffice: app.moveOutOffice,
        dueAt: app.dueAt,
        due: app.dueAt && open ? dueInfo(app.dueAt, now, cal) : null,
        stationName: app.station?.name ?? "",
        assignedClerk: app.assignedClerk,
        collectiveHousehold: app.collectiveHousehold,
        supplementFrom: app.supplementFrom,
        originStation: app.originStation,
        moveOutRequestedAt: app.moveOutRequestedAt,
        moveOutReturnedAt: app.moveOutReturnedAt,
        moveOutReturnReason: app.moveOutReturnReason,
        originWorkingDays: app.originWorkingDays,
        needsMoveOut: app.needsMoveOut,
        supplementAnsweredAt: app.supplementAnsweredAt,
      },
      /** What this clerk may do now (lib/review/workflow.ts), each with why it is disabled. */
      actions,
      atDestination,
      supplementExpired,
      moveOut: offices,
      /** The letters this clerk may print from the filing page. */
      printable: {
        permit: atDestination && !!app.permit && !app.permit.revokedAt,
        supplement: atDestination && app.notices.length > 0,
        refusal: atDestination && app.status === "refused",
      },
      /** Nothing left to do here: why (shown instead of actions). */
      closedNote: CLAIMABLE_STATUSES.includes(app.status)
        ? null
        : app.status === "refused"
          ? ctx.user.isStationHead
            ? null
            : "该申请已作出不予批准决定。如需更正，请报所长。"
          : "该申请已办结，无需操作。",
      /** Who will confirm the move-out if approved now (origin inside the city), else null. */
      originPreview,
      remedies: remedies(app.destinationCounty),
      documentRejectionReasons: documentRejectionReasons(ruleSet.data),
      /** Documents a clerk rejected: they join the next supplement notice (shown prefilled in its form). */
      rejectedItems: await rejectedDocumentItems(ctx.tx, app.id),
      moveOutReturnReasons: moveOutReturnReasons(ruleSet.data),
      members: app.members.map((m) => ({ id: m.id, relation: m.relation, name: m.name, idNumber: m.idNumber, hukouType: m.hukouType })),
      documents: app.documents.map((d) => ({
        id: d.id,
        memberId: d.memberId,
        docType: d.docType,
        fileName: d.fileName,
        mimeType: d.mimeType,
        size: d.size,
        uploadedAt: d.uploadedAt,
        noticeId: d.noticeId,
        reviewStatus: d.reviewStatus,
        reviewReason: d.reviewReason,
      })),
      timeline: app.events.map((e) => ({
        id: e.id,
        type: e.type,
        toStatus: e.toStatus,
        note: e.note,
        data: e.data,
        at: e.createdAt,
        actorName: e.actor?.realName ?? null,
        actorRole: e.actor?.role ?? null,
      })),
      notices: app.notices.map((n) => ({
        id: n.id,
        items: readNoticeItems(n.items),
        note: n.note,
        status: n.status,
        revision: n.revision,
        correctedAt: n.correctedAt,
        withdrawnAt: n.withdrawnAt,
        withdrawReason: n.withdrawReason,
        requestedAt: n.requestedAt,
        dueAt: n.dueAt,
        answeredAt: n.answeredAt,
        responses: noticeResponses(app.answers, n.id),
      })),
      reviewActions: app.reviewActions.map((r) => ({
        id: r.id,
        action: r.action,
        reasonCodes: r.reasonCodes,
        note: r.note,
        at: r.createdAt,
        clerkName: r.clerk.realName,
      })),
      permit: app.permit
        ? {
            number: app.permit.number,
            destinationAddress: app.permit.destinationAddress,
            issuedAt: app.permit.issuedAt,
            revokedAt: app.permit.revokedAt,
            revokeReason: app.permit.revokeReason,
          }
        : null,
      panel,
      /** What a supplement notice may list for this filing (lib/review/notice-items.ts). */
      noticeOptions: allowedNoticeItems({ version: ruleSet.version, data: ruleSet.data }, app, app.members, app.documents),
      duplicates,
      refusalReasons: ruleSet.data.refusalReasons,
      /** The channel's clause as the filing's rule set states it (clauses live only in the rule set). */
      channelClause: ruleSet.data.channels[app.channel].clause,
      /** How the filing ends: permit and move-out, a collective household (named on the permit), or direct registration at origin. */
      settlementPath: path,
      timeLimits: ruleSet.data.timeLimits,
      supplementSettings: supplementSettingsOf(ruleSet.data),
      clerks,
      households: households.map((h) => ({ id: h.id, name: h.name, address: h.address })),
      me: { id: ctx.user.id, isStationHead: ctx.user.isStationHead },
      now,
    };
  },
);

/** The resident's written answers to the clerk's own items of a notice (kept in answers.supplementResponses by the resident journey). */
function noticeResponses(answers: unknown, noticeId: string): Record<number, string> {
  const all = (answers as { supplementResponses?: Record<string, Array<{ index: number; text: string }>> } | null)?.supplementResponses;
  const list = Array.isArray(all?.[noticeId]) ? all[noticeId] : [];
  return Object.fromEntries(list.filter((r) => typeof r?.index === "number" && typeof r.text === "string").map((r) => [r.index, r.text]));
}

export type FilingView = Awaited<ReturnType<(typeof viewFilingDef)["handler"]>>;
