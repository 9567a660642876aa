import type { Client } from "pg";
import { auditHash, type AuditInput } from "../../lib/audit/record-audit";

/** An event's text columns, in the order of the table. */
const FIELDS = ["actorId", "actorRole", "stationId", "countyCode", "action", "entityType", "entityId", "applicationId", "ip"] as const;
const COLUMNS = ["at", ...FIELDS, "details", "prevHash", "hash"];

/**
 * Appends `events` to the audit hash chain after the event whose hash is `prev`, in one INSERT,
 * hashed exactly as lib/audit/record-audit.ts hashes them; returns the new head's hash. Where
 * anything else may write to the chain, call it inside a transaction holding the chain's lock.
 */
export async function appendAuditEvents(db: Client, prev: string, events: Array<AuditInput & { at: Date }>): Promise<string> {
  const values: unknown[] = [];
  const rows: string[] = [];
  for (const e of events) {
    const hash = auditHash(prev, e);
    const b = values.length;
    rows.push(`(${COLUMNS.map((_, c) => `$${b + c + 1}`).join(",")})`);
    // "at" as a timestamp literal in UTC (the column is "timestamp without time zone", as Prisma writes it).
    values.push(e.at.toISOString().replace("Z", ""), ...FIELDS.map((k) => e[k] ?? null), e.details ? JSON.stringify(e.details) : null, prev, hash);
    prev = hash;
  }
  if (rows.length) await db.query(`INSERT INTO "AuditEvent" (${COLUMNS.map((c) => `"${c}"`).join(",")}) VALUES ${rows.join(",")}`, values);
  return prev;
}
