import { currentUser, errorResponse } from "@/lib/auth/guard";
import { runAction } from "@/lib/auth/run-action";
import { getPrisma } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { csvStreamResponse } from "@/lib/csv";
import { AUDIT_CSV_HEADER, auditCsvBatches, exportAuditDef } from "@/lib/supervision/query-audit";
import { beijingDate } from "@/lib/calendar/working-days";

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
    const prisma = getPrisma();
    const where = await runAction(prisma, user, clientIpFromHeaders(req.headers), exportAuditDef, Object.fromEntries(new URL(req.url).searchParams));
    return csvStreamResponse(`审计日志-${beijingDate(new Date())}.csv`, AUDIT_CSV_HEADER, auditCsvBatches(prisma, where));
  } catch (e) {
    return errorResponse(e, "audit.export");
  }
}
