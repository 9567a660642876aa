import { routeFromAction } from "@/lib/auth/guard";
import { tooLargeMessage, uploadDocumentDef } from "@/lib/filings/upload-document";
import { MULTIPART_OVERHEAD_BYTES, readMultipartForm } from "@/lib/http/read-multipart";
import { MAX_UPLOAD_BYTES } from "@/lib/storage/upload-limits";

export const dynamic = "force-dynamic";

/**
 * Upload one file (multipart: applicationId, memberId, docType, replaceId?, file).
 * routeFromAction checks the session, the role and the rate limit BEFORE this reads the body;
 * the body is then streamed with a byte cap (LUOHU_MAX_UPLOAD_BYTES + the form's overhead).
 */
export const POST = routeFromAction(uploadDocumentDef, async (req) => {
  const form = await readMultipartForm(req, MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD_BYTES, tooLargeMessage());
  return {
    applicationId: form.get("applicationId"),
    memberId: form.get("memberId"),
    docType: form.get("docType"),
    replaceId: form.get("replaceId") ?? undefined,
    file: form.get("file"),
    coversMemberIds: form.getAll("coversMemberIds"),
  };
});
