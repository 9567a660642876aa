import { z } from "zod";
import { defineAction } from "@/lib/auth/run-action";
import { notFound } from "@/lib/errors";
import { answerSummary } from "@/lib/review/answer-summary";
import { readNoticeItems } from "@/lib/review/notice-items";
import { getRuleSet } from "@/lib/rules/rule-set-service";
import { AUDIT_READER_ROLES, queryAuditEvents } from "./query-audit";

/**
 * The auditor's read-only view of one filing (四(四)): the answers, the documents (listed),
 * the timeline, the decisions with their reasons and clauses, the supplement notices with
 * their corrections, and that filing's audit events. Only auditors; every view is audited.
 * ID numbers are shown masked.
 */

export const auditFilingSchema = z.object({
  applicationId: z.string({ error: "缺少申请编号" }).trim().min(1, "缺少申请编号").max(64, "编号过长"),
  before: z.preprocess(
    (v) => (v === "" || v == null ? undefined : v),
    z
      .string()
      .regex(/^\d{1,19}$/)
      .optional(),
  ),
});

/** 411221199001011234 → 411221********1234. */
export function maskIdNumber(id: string): string {
  return id.length > 10 ? `${id.slice(0, 6)}${"*".repeat(id.length - 10)}${id.slice(-4)}` : "****";
}

export const viewFilingForAuditDef = defineAction(
  { roles: AUDIT_READER_ROLES, action: "audit.filing.view", schema: auditFilingSchema, rateLimit: { name: "audit-filing-view", limit: 600, windowMs: 60_000 } },
  async (ctx, input) => {
    const app = await ctx.tx.application.findFirst({
      where: { OR: [{ id: input.applicationId }, { reference: input.applicationId.toUpperCase() }] },
      include: {
        members: { orderBy: { sortOrder: "asc" } },
        documents: { orderBy: { uploadedAt: "asc" } },
        events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { actor: { select: { realName: true, role: true } } } },
        notices: { orderBy: { requestedAt: "asc" } },
        reviewActions: { orderBy: { createdAt: "asc" }, include: { clerk: { select: { realName: true } } } },
        permit: true,
        station: { select: { id: true, name: true, countyCode: true } },
      },
    });
    if (!app) throw notFound("申请");
    ctx.audit({ applicationId: app.id, entityType: "application", entityId: app.id, details: { view: "audit", reference: app.reference } });
    const reasons = app.ruleSetId ? ((await getRuleSet(ctx.tx, app.ruleSetId).catch(() => null))?.data.refusalReasons ?? []) : [];
    const reasonOf = new Map(reasons.map((r) => [r.code, r]));
    const events = await queryAuditEvents(ctx.tx, { filing: app.id, before: input.before, limit: 100 });
    return {
      filing: {
        id: app.id,
        reference: app.reference,
        status: app.status,
        channel: app.channel,
        subtype: app.subtype,
        applicantName: app.applicantName,
        applicantIdNumber: maskIdNumber(app.applicantIdNumber),
        destinationCounty: app.destinationCounty,
        destinationAddress: app.destinationAddress,
        stationName: app.station?.name ?? null,
        submittedAt: app.submittedAt,
        decidedAt: app.decidedAt,
      },
      answers: answerSummary(app.answers),
      members: app.members.map((m) => ({ id: m.id, relation: m.relation, name: m.name, idNumber: maskIdNumber(m.idNumber) })),
      documents: app.documents.map((d) => ({
        id: d.id,
        memberId: d.memberId,
        docType: d.docType,
        fileName: d.fileName,
        size: d.size,
        uploadedAt: d.uploadedAt,
        removedAt: d.removedAt,
        noticeId: d.noticeId,
      })),
      timeline: app.events.map((e) => ({
        id: e.id,
        type: e.type,
        at: e.createdAt,
        note: e.note,
        actorName: e.actor?.realName ?? null,
        actorRole: e.actor?.role ?? null,
      })),
      decisions: app.reviewActions.map((r) => ({
        id: r.id,
        action: r.action,
        at: r.createdAt,
        clerkName: r.clerk.realName,
        note: r.note,
        reasons: r.reasonCodes.map((c) => ({ code: c, label: reasonOf.get(c)?.label ?? c, clause: reasonOf.get(c)?.clause ?? null })),
      })),
      notices: app.notices.map((n) => ({
        id: n.id,
        status: n.status,
        revision: n.revision,
        requestedAt: n.requestedAt,
        dueAt: n.dueAt,
        answeredAt: n.answeredAt,
        correctedAt: n.correctedAt,
        withdrawnAt: n.withdrawnAt,
        withdrawReason: n.withdrawReason,
        note: n.note,
        items: readNoticeItems(n.items),
        history: Array.isArray(n.history)
          ? (n.history as Array<Record<string, unknown>>).map((h) => ({
              revision: Number(h.revision ?? 0),
              reason: typeof h.reason === "string" ? h.reason : null,
              replacedAt: typeof h.replacedAt === "string" ? h.replacedAt : null,
              items: readNoticeItems(h.items),
            }))
          : [],
      })),
      permit: app.permit ? { number: app.permit.number, issuedAt: app.permit.issuedAt, revokedAt: app.permit.revokedAt } : null,
      auditEvents: events,
    };
  },
);

export type AuditFilingView = Awaited<ReturnType<(typeof viewFilingForAuditDef)["handler"]>>;
