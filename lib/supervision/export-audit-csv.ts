import "server-only";
import { getPrisma } from "@/lib/db/client";
import { runAction } from "@/lib/auth/run-action";
import type { SessionUser } from "@/lib/auth/roles";
import { csvStreamResponse } from "@/lib/csv";
import { beijingDate } from "@/lib/calendar/working-days";
import { AUDIT_CSV_HEADER, auditCsvBatches, exportAuditDef } from "./query-audit";

/**
 * The filtered audit trail as a CSV download. The guard checks the role and records the export in
 * the trail; the rows are then streamed in batches (a year of events need not fit in memory or in
 * one transaction).
 */
export async function exportAuditCsv(user: SessionUser, ip: string, params: Record<string, string>): Promise<Response> {
  const prisma = getPrisma();
  const where = await runAction(prisma, user, ip, exportAuditDef, params);
  return csvStreamResponse(`审计日志-${beijingDate(new Date())}.csv`, AUDIT_CSV_HEADER, auditCsvBatches(prisma, where));
}
