import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { defineAction } from "@/lib/auth/run-action";
import { RATE_LIMITS } from "@/lib/http/rate-limit";
import { DomainError, notFound } from "@/lib/errors";
import { displayFileName } from "@/lib/storage/display-file-name";
import { DOCUMENT_CODES, DOCUMENT_LABELS } from "@/lib/schemas/eligibility";
import { optionalId } from "@/lib/schemas/filters";
import { applicationScope } from "@/lib/auth/scope";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { ALLOWED_TYPE_LABEL, EXTENSION, sniffFileType } from "@/lib/storage/sniff-file-type";
import { MAX_UPLOAD_BYTES, formatBytes } from "@/lib/storage/upload-limits";
import { applicationIdSchema } from "./filing-schemas";
import { lockOwnFiling } from "./load-filing";
import { openNotice, noticeItems } from "./supplement-notice";

/** Files for a clerk's own (non-document) supplement item. */
export const SUPPLEMENT_ATTACHMENT = "supplement_attachment";
export const UPLOAD_DOC_TYPES = [...DOCUMENT_CODES, SUPPLEMENT_ATTACHMENT] as const;
export type UploadDocType = (typeof UPLOAD_DOC_TYPES)[number];

export function docTypeLabel(docType: string): string {
  return docType === SUPPLEMENT_ATTACHMENT ? "补正附件" : ((DOCUMENT_LABELS as Record<string, string>)[docType] ?? docType);
}

/** Most files one filing may hold (a safety bound against abuse). */
const MAX_FILES_PER_FILING = 80;

export const uploadDocumentSchema = z.object({
  applicationId: applicationIdSchema,
  memberId: z.string({ error: "请选择材料所属人员" }).trim().min(1, "请选择材料所属人员").max(64),
  docType: z.enum(UPLOAD_DOC_TYPES, { error: "请选择材料类型" }),
  /** Replace this file (the old one is deleted from a draft, kept for the record on a submitted filing). */
  replaceId: optionalId,
  file: z.instanceof(File, { message: "请选择要上传的文件" }).refine((f) => f.size > 0, "文件是空的，请重新选择"),
  /** For a 户口簿: the other persons of the filing listed on it (the resident ticks them); one upload counts for each. */
  coversMemberIds: z
    .preprocess((v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().trim().min(1).max(64)).max(20))
    .default([]),
});

/** Document types one file may carry for several persons: the household booklet lists everyone registered on it. */
export const SHAREABLE_DOC_TYPES: ReadonlySet<string> = new Set(["hukou_booklet"]);

/** Mark who else is listed on an uploaded booklet (the resident ticks them). */
export const setDocumentCoverageSchema = z.object({
  applicationId: applicationIdSchema,
  documentId: z.string().trim().min(1).max(64),
  coversMemberIds: z.preprocess(
    (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.string().trim().min(1).max(64)).max(20),
  ),
});

export const removeDocumentSchema = z.object({ documentId: z.string().trim().min(1).max(64) });

export { displayFileName } from "@/lib/storage/display-file-name";

/**
 * The stored name: the sender's base name, cleaned for display, at most 100 characters, ending
 * in the extension of the type detected from the bytes (a PNG sent as "scan.pdf" is "scan.png").
 */
export function cleanFileName(name: string, ext: string): string {
  const base = displayFileName(name.split(/[\\/]/).pop() ?? "");
  const stem = base
    .replace(/\.[^.]{0,10}$/, "")
    .replace(/[.\s]+$/, "")
    .slice(0, 100 - ext.length - 1);
  return `${stem || "file"}.${ext}`;
}

export function tooLargeMessage(): string {
  return `文件过大：单个文件不能超过 ${formatBytes(MAX_UPLOAD_BYTES)}。请压缩图片或分页扫描后再上传，已上传的材料不受影响。`;
}

export const UNSUPPORTED_TYPE_MESSAGE = `只能上传${ALLOWED_TYPE_LABEL}（系统按文件内容识别类型，修改扩展名无效）。已上传的材料不受影响。`;

type Tx = Parameters<Parameters<typeof defineAction>[1]>[0]["tx"];

/** The other persons a shareable file covers: persons of this filing, never the uploader's own member, only for a booklet. */
async function checkCoverage(tx: Tx, applicationId: string, memberId: string, docType: string, ids: readonly string[]): Promise<string[]> {
  const others = [...new Set(ids)].filter((id) => id !== memberId);
  if (others.length === 0) return [];
  if (!SHAREABLE_DOC_TYPES.has(docType)) {
    throw new DomainError("validation_failed", "只有户口簿可以同时作为多人的材料。", {
      issues: [{ path: "coversMemberIds", message: "只有户口簿可以勾选其上登记的其他人员" }],
    });
  }
  const found = await tx.householdMember.count({ where: { applicationId, id: { in: others } } });
  if (found !== others.length) throw notFound("人员");
  return others;
}

/**
 * Uploads one file: to a draft, or — while a supplement notice is open — for one of the
 * notice's items only. The size is checked first, then the type from the bytes; the bytes go
 * to the file storage, the record to the database.
 */
export const uploadDocumentDef = defineAction(
  { roles: ["resident"], action: "filing.upload_document", schema: uploadDocumentSchema, rateLimit: RATE_LIMITS.upload },
  async (ctx, input) => {
    if (input.file.size > MAX_UPLOAD_BYTES)
      throw new DomainError("payload_too_large", tooLargeMessage(), { issues: [{ path: "file", message: tooLargeMessage() }] });
    const f = await lockOwnFiling(ctx.tx, ctx.user, input.applicationId);
    ctx.audit({ applicationId: f.id, entityType: "document", details: { docType: input.docType } });
    const member = await ctx.tx.householdMember.findFirst({ where: { id: input.memberId, applicationId: f.id }, select: { id: true } });
    if (!member) throw notFound("人员");
    const coversMemberIds = await checkCoverage(ctx.tx, f.id, member.id, input.docType, input.coversMemberIds);

    let noticeId: string | null = null;
    if (f.status === "supplement_requested") {
      const notice = await openNotice(ctx.tx, f.id);
      if (!notice) throw new DomainError("invalid_state", "没有待补正的事项。");
      const members = await ctx.tx.householdMember.findMany({
        where: { applicationId: f.id },
        orderBy: { sortOrder: "asc" },
        select: { id: true, name: true },
      });
      const items = noticeItems(notice.items, members);
      const allowed = items.some(
        (it) => it.memberId === member.id && (input.docType === SUPPLEMENT_ATTACHMENT ? !it.documentCode : it.alternatives.includes(input.docType as never)),
      );
      if (!allowed) {
        throw new DomainError("validation_failed", "补正时只能上传补正告知中列出的材料。", { issues: [{ path: "docType", message: "该材料不在补正告知中" }] });
      }
      noticeId = notice.id;
    } else if (f.status !== "draft") {
      throw new DomainError("invalid_state", "申请提交后不能再更改材料；如派出所要求补正，请在补正页面上传。");
    }
    if (input.docType === SUPPLEMENT_ATTACHMENT && !noticeId)
      throw new DomainError("validation_failed", "请选择材料类型。", { issues: [{ path: "docType", message: "请选择材料类型" }] });

    const bytes = new Uint8Array(await input.file.arrayBuffer());
    if (bytes.length > MAX_UPLOAD_BYTES)
      throw new DomainError("payload_too_large", tooLargeMessage(), { issues: [{ path: "file", message: tooLargeMessage() }] });
    const mimeType = sniffFileType(bytes);
    if (!mimeType) throw new DomainError("unsupported_media_type", UNSUPPORTED_TYPE_MESSAGE, { issues: [{ path: "file", message: UNSUPPORTED_TYPE_MESSAGE }] });
    if ((await ctx.tx.document.count({ where: { applicationId: f.id, removedAt: null } })) >= MAX_FILES_PER_FILING) {
      throw new DomainError("validation_failed", `一件申请最多上传${MAX_FILES_PER_FILING}个文件，请删除不需要的文件后再上传。`);
    }

    let replaced: { id: string; storageKey: string } | null = null;
    if (input.replaceId) {
      replaced = await ctx.tx.document.findFirst({
        where: { id: input.replaceId, applicationId: f.id, removedAt: null, ...(noticeId ? { noticeId } : {}) },
        select: { id: true, storageKey: true },
      });
      if (!replaced) throw notFound("要替换的文件");
    }

    // Write, then commit the row: a crash in between leaves a file without a row, which the
    // upload-sweep job deletes (lib/storage/sweep-orphan-uploads.ts); never a row without its file.
    const storageKey = `${f.id}/${randomBytes(16).toString("hex")}`;
    await getFileStorage().put(storageKey, bytes, mimeType);
    const doc = await ctx.tx.document.create({
      data: {
        applicationId: f.id,
        memberId: member.id,
        docType: input.docType,
        fileName: cleanFileName(input.file.name, EXTENSION[mimeType]),
        mimeType,
        size: bytes.length,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        storageKey,
        uploadedById: ctx.user.id,
        noticeId,
        coversMemberIds,
      },
      select: { id: true, docType: true, fileName: true, mimeType: true, size: true },
    });
    if (replaced) await discardDocument(ctx.tx, f.status === "draft", replaced);
    // Touch the filing: an upload is activity that keeps a draft from being cleaned up.
    await ctx.tx.application.update({ where: { id: f.id }, data: f.status === "draft" ? { draftStep: "documents" } : { updatedAt: new Date() } });
    ctx.audit({
      applicationId: f.id,
      entityType: "document",
      entityId: doc.id,
      details: { docType: doc.docType, mimeType, size: doc.size, replaced: replaced?.id ?? null },
    });
    return doc;
  },
);

/** Draft: gone with its bytes. Submitted filing: kept for the record, marked removed. */
async function discardDocument(tx: Parameters<typeof lockOwnFiling>[0], isDraft: boolean, doc: { id: string; storageKey: string }) {
  if (isDraft) {
    await tx.document.delete({ where: { id: doc.id } });
    await getFileStorage().delete(doc.storageKey);
  } else {
    await tx.document.update({ where: { id: doc.id }, data: { removedAt: new Date() } });
  }
}

/** Removes a file before submission (or a supplement file before resubmission). */
export const removeDocumentDef = defineAction({ roles: ["resident"], action: "filing.remove_document", schema: removeDocumentSchema }, async (ctx, input) => {
  const doc = await ctx.tx.document.findFirst({
    where: { id: input.documentId, removedAt: null, application: { residentId: ctx.user.id } },
    select: { id: true, applicationId: true, storageKey: true, noticeId: true },
  });
  if (!doc) throw notFound("文件");
  const f = await lockOwnFiling(ctx.tx, ctx.user, doc.applicationId);
  ctx.audit({ applicationId: f.id, entityType: "document", entityId: doc.id });
  if (f.status === "supplement_requested") {
    const notice = await openNotice(ctx.tx, f.id);
    if (!notice || doc.noticeId !== notice.id) throw new DomainError("invalid_state", "已提交的材料不能删除；补正时只能删除本次补正上传的文件。");
  } else if (f.status !== "draft") {
    throw new DomainError("invalid_state", "申请提交后不能删除材料。");
  }
  await discardDocument(ctx.tx, f.status === "draft" || f.status === "supplement_requested", doc);
  await ctx.tx.application.update({ where: { id: f.id }, data: { updatedAt: new Date() } });
  return { removed: true };
});

export const viewDocumentSchema = z.object({ documentId: z.string().trim().min(1).max(64), download: z.boolean().default(false) });

/**
 * A file, to whoever may see its filing (scope: the resident their own; staff in their scope,
 * never a draft). Every view is audited. Out of scope or made up: 404.
 */
export const viewDocumentDef = defineAction(
  { roles: ["resident", "clerk", "official", "admin", "auditor"], action: "filing.view_document", schema: viewDocumentSchema },
  async (ctx, input) => {
    const scope = applicationScope(ctx.user);
    const doc = await ctx.tx.document.findFirst({
      where: { id: input.documentId, application: ctx.user.role === "resident" ? scope : { AND: [scope, { status: { not: "draft" } }] } },
      select: { id: true, applicationId: true, fileName: true, mimeType: true, storageKey: true },
    });
    if (!doc) throw notFound("文件");
    ctx.audit({ applicationId: doc.applicationId, entityType: "document", entityId: doc.id });
    const bytes = await getFileStorage().get(doc.storageKey);
    if (!bytes) throw notFound("文件");
    return { ...doc, bytes, download: input.download };
  },
);

/** Changes who else is listed on an uploaded booklet (drafts only). */
export const setDocumentCoverageDef = defineAction(
  { roles: ["resident"], action: "filing.set_document_coverage", schema: setDocumentCoverageSchema },
  async (ctx, input) => {
    const f = await lockOwnFiling(ctx.tx, ctx.user, input.applicationId);
    if (f.status !== "draft") throw new DomainError("invalid_state", "申请提交后不能再更改材料。");
    const doc = await ctx.tx.document.findFirst({
      where: { id: input.documentId, applicationId: f.id, removedAt: null },
      select: { id: true, memberId: true, docType: true },
    });
    if (!doc || !doc.memberId) throw notFound("文件");
    const coversMemberIds = await checkCoverage(ctx.tx, f.id, doc.memberId, doc.docType, input.coversMemberIds);
    await ctx.tx.document.update({ where: { id: doc.id }, data: { coversMemberIds } });
    ctx.audit({ applicationId: f.id, entityType: "document", entityId: doc.id, details: { coversMemberIds } });
    return { documentId: doc.id, coversMemberIds };
  },
);
