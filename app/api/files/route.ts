import { routeFromAction } from "@/lib/auth/guard";
import { DomainError } from "@/lib/errors";
import { tooLargeMessage, uploadDocumentDef } from "@/lib/filings/upload-document";
import { MAX_UPLOAD_BYTES } from "@/lib/storage/upload-limits";

export const dynamic = "force-dynamic";

/** Upload one file (multipart: applicationId, memberId, docType, replaceId?, file, coversMemberIds* for a booklet). */
export const POST = routeFromAction(uploadDocumentDef, async (req) => {
  // Refuse an oversized body before reading it (the form fields add a little to the file).
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > MAX_UPLOAD_BYTES + 64 * 1024) throw new DomainError("payload_too_large", tooLargeMessage(), { issues: [{ path: "file", message: tooLargeMessage() }] });
  if (!(req.headers.get("content-type") ?? "").startsWith("multipart/form-data")) throw new DomainError("unsupported_media_type", "请以表单方式上传文件。");
  const form = await req.formData();
  return {
    applicationId: form.get("applicationId"),
    memberId: form.get("memberId"),
    docType: form.get("docType"),
    replaceId: form.get("replaceId") ?? undefined,
    file: form.get("file"),
    coversMemberIds: form.getAll("coversMemberIds"),
  };
});
