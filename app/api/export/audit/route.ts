import { currentUser, errorResponse } from "@/lib/auth/guard";
import { DomainError } from "@/lib/errors";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { exportAuditCsv } from "@/lib/supervision/export-audit-csv";

export const dynamic = "force-dynamic";

/**
 * GET /api/export/audit?person=&station=&action=&filing=&from=&to= — the filtered audit trail
 * as CSV. The guard checks the role and records the export in the trail; the rows are then
 * streamed in batches (a year of events does not have to fit in memory or in one transaction).
 */
export async function GET(req: Request) {
  try {
    const user = await currentUser();
    if (!user) throw new DomainError("unauthenticated", "请先登录。");
    return await exportAuditCsv(user, clientIpFromHeaders(req.headers), Object.fromEntries(new URL(req.url).searchParams));
  } catch (e) {
    return errorResponse(e, "audit.export");
  }
}
