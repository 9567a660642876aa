import { defineAction } from "@/lib/auth/run-action";
import { applicationScope } from "@/lib/auth/scope";
import { notFound } from "@/lib/errors";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { listStationCollectiveHouseholds } from "@/lib/collective/collective-households";
import { viewFilingSchema } from "./schemas";
import { buildRulesPanel } from "./rules-panel";
import { settlementPath } from "@/lib/filings/settlement-path";
import { findDuplicates } from "./duplicate-check";
import { ruleSetForFiling } from "./filing-rules";
import { dueInfo } from "./queue-tabs";
import { stationClerks } from "./claim-filing";
import type { NoticeItem } from "./request-supplement";

/**
 * The review page's loader: everything the resident submitted (every member with full ID
 * number, every document), the rules panel, the duplicate check, the timeline and what this
 * clerk may do. Viewing it is audited in the same transaction as the read.
 */
export const viewFilingDef = defineAction(
  { roles: ["clerk"], action: "review.filing.view", schema: viewFilingSchema, rateLimit: { name: "review-view", limit: 600, windowMs: 60_000 } },
  async (ctx, input) => {
    const app = await ctx.tx.application.findFirst({
      where: { AND: [{ id: input.applicationId }, applicationScope(ctx.user), { status: { not: "draft" } }] },
      include: {
        members: { orderBy: { sortOrder: "asc" } },
        documents: { where: { removedAt: null }, orderBy: { uploadedAt: "asc" } },
        events: { orderBy: { createdAt: "asc" }, include: { actor: { select: { realName: true, role: true } } } },
        notices: { orderBy: { requestedAt: "asc" } },
        reviewActions: { orderBy: { createdAt: "asc" }, include: { clerk: { select: { realName: true } } } },
        permit: true,
        collectiveHousehold: { select: { id: true, name: true } },
        station: { select: { id: true, name: true } },
        assignedClerk: { select: { id: true, realName: true } },
        resident: { select: { mobile: true } },
      },
    });
    if (!app || !app.stationId) throw notFound("申请");
    ctx.audit({ applicationId: app.id, entityType: "application", entityId: app.id, details: { view: "review" } });

    const ruleSet = await ruleSetForFiling(ctx.tx, app.ruleSetId);
    const panel = buildRulesPanel({ version: ruleSet.version, data: ruleSet.data }, app, app.members, app.documents);
    const duplicates = await findDuplicates(ctx.tx, { ...app, stationId: app.stationId }, app.members);
    const now = new Date();
    const cal = await loadCalendar(ctx.tx);
    const open = ["submitted", "supplement_requested", "accepted"].includes(app.status);
    const clerks = ctx.user.isStationHead ? await stationClerks(ctx.tx, app.stationId) : [];
    const path = settlementPath(app);
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
      },
      members: app.members.map((m) => ({ id: m.id, relation: m.relation, name: m.name, idNumber: m.idNumber, hukouType: m.hukouType })),
      documents: app.documents.map((d) => ({ id: d.id, memberId: d.memberId, docType: d.docType, fileName: d.fileName, mimeType: d.mimeType, size: d.size, uploadedAt: d.uploadedAt, noticeId: d.noticeId })),
      timeline: app.events.map((e) => ({ id: e.id, type: e.type, toStatus: e.toStatus, note: e.note, data: e.data, at: e.createdAt, actorName: e.actor?.realName ?? null, actorRole: e.actor?.role ?? null })),
      notices: app.notices.map((n) => ({
        id: n.id,
        items: n.items as unknown as NoticeItem[],
        note: n.note,
        requestedAt: n.requestedAt,
        dueAt: n.dueAt,
        answeredAt: n.answeredAt,
        responses: noticeResponses(app.answers, n.id),
      })),
      reviewActions: app.reviewActions.map((r) => ({ id: r.id, action: r.action, reasonCodes: r.reasonCodes, note: r.note, at: r.createdAt, clerkName: r.clerk.realName })),
      permit: app.permit ? { number: app.permit.number, destinationAddress: app.permit.destinationAddress, issuedAt: app.permit.issuedAt, revokedAt: app.permit.revokedAt, revokeReason: app.permit.revokeReason } : null,
      panel,
      duplicates,
      refusalReasons: ruleSet.data.refusalReasons,
      /** The channel's clause as the filing's rule set states it (clauses live only in the rule set). */
      channelClause: ruleSet.data.channels[app.channel].clause,
      /** How the filing ends: permit and move-out, a collective household (named on the permit), or direct registration at origin. */
      settlementPath: path,
      timeLimits: ruleSet.data.timeLimits,
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
