import { defineAction } from "@/lib/auth/run-action";
import type { Db } from "@/lib/db/types";
import { DomainError, notFound } from "@/lib/errors";
import { docTypeLabel } from "@/lib/filings/upload-document";
import { reviewDocumentSchema } from "./schemas";
import { clerkStation } from "./filing-lock";
import { ruleSetForFiling } from "./filing-rules";
import { documentRejectionReasons } from "./review-reasons";
import { CLAIMABLE_STATUSES } from "./workflow";

/**
 * 核验材料: a clerk marks one uploaded document verified, or rejected with a reason from the
 * rule set's list. Rejected documents prefill the next supplement notice (rejectedDocumentItems).
 * Only while the filing is still open at the clerk's own station; another holder's filing is read-only.
 */
export const reviewDocumentDef = defineAction({ roles: ["clerk"], action: "review.document", schema: reviewDocumentSchema }, async (ctx, input) => {
  const stationId = clerkStation(ctx.user);
  const doc = await ctx.tx.document.findFirst({
    where: { id: input.documentId, applicationId: input.applicationId, removedAt: null, application: { stationId } },
    select: { id: true, docType: true, application: { select: { id: true, status: true, assignedClerkId: true, ruleSetId: true } } },
  });
  if (!doc) throw notFound("材料");
  const app = doc.application;
  ctx.audit({ applicationId: app.id, entityType: "document", entityId: doc.id, details: { verdict: input.verdict, reasonCode: input.reasonCode ?? null } });
  if (!CLAIMABLE_STATUSES.includes(app.status)) throw new DomainError("invalid_state", "该申请已办结，不能再核验材料。");
  if (app.assignedClerkId && app.assignedClerkId !== ctx.user.id) throw new DomainError("conflict", "该申请已由其他民警认领办理，您只能查看。");
  let reasonLabel: string | null = null;
  if (input.verdict === "rejected") {
    const ruleSet = await ruleSetForFiling(ctx.tx, app.ruleSetId);
    const reason = documentRejectionReasons(ruleSet.data).find((r) => r.code === input.reasonCode);
    if (!reason)
      throw new DomainError("validation_failed", "请选择规定的不合格理由。", { issues: [{ path: "reasonCode", message: "请选择规定的不合格理由" }] });
    reasonLabel = reason.label;
  }
  await ctx.tx.document.update({
    where: { id: doc.id },
    data: {
      reviewStatus: input.verdict,
      reviewReason: input.verdict === "rejected" ? (input.reasonCode ?? null) : null,
      reviewedById: ctx.user.id,
      reviewedAt: new Date(),
    },
  });
  await ctx.tx.reviewAction.create({
    data: {
      applicationId: app.id,
      clerkId: ctx.user.id,
      action: "verify_document",
      reasonCodes: input.reasonCode ? [input.reasonCode] : [],
      data: { documentId: doc.id, verdict: input.verdict },
    },
  });
  return { documentId: doc.id, verdict: input.verdict, reason: reasonLabel };
});

/** One rejected document as an item of the next supplement notice. */
export type RejectedDocumentItem = {
  documentId: string;
  /** The document type to upload again. */
  code: string;
  label: string;
  memberId: string | null;
  memberName: string;
  reasonCode: string;
  reason: string;
};

/**
 * The documents the clerks rejected (and the resident has not replaced), as prefilled items of
 * the next 补正告知 — for lib/review/request-supplement.ts and its form.
 */
export async function rejectedDocumentItems(db: Db, filingId: string): Promise<RejectedDocumentItem[]> {
  const app = await db.application.findUnique({
    where: { id: filingId },
    select: {
      ruleSetId: true,
      applicantName: true,
      documents: {
        where: { removedAt: null, reviewStatus: "rejected" },
        orderBy: { uploadedAt: "asc" },
        select: { id: true, docType: true, memberId: true, reviewReason: true, member: { select: { name: true } } },
      },
    },
  });
  if (!app) return [];
  const reasons = documentRejectionReasons((await ruleSetForFiling(db, app.ruleSetId)).data);
  return app.documents.map((d) => {
    const reason = reasons.find((r) => r.code === d.reviewReason);
    return {
      documentId: d.id,
      code: d.docType,
      label: `重新提交${docTypeLabel(d.docType)}（${reason?.label ?? "材料不合格"}）`,
      memberId: d.memberId,
      memberName: d.member?.name ?? app.applicantName,
      reasonCode: d.reviewReason ?? "",
      reason: reason?.label ?? "材料不合格",
    };
  });
}
