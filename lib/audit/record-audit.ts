import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/types";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditInput = {
  actorId?: string | null;
  actorRole?: string | null;
  stationId?: string | null;
  countyCode?: string | null;
  action: string;
  entityType?: string | null;
  entityId?: string | null;
  applicationId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown> | null;
};

export const GENESIS_HASH = "0".repeat(64);

// Any constant works; it names the lock that serialises the hash chain.
const AUDIT_CHAIN_LOCK = 7_410_202_024;

/** The hashed content of an event: every field but the id and the hash itself. */
export function auditHash(prevHash: string, e: AuditInput & { at: Date }): string {
  const canonical = JSON.stringify([
    prevHash,
    e.at.toISOString(),
    e.actorId ?? null,
    e.actorRole ?? null,
    e.stationId ?? null,
    e.countyCode ?? null,
    e.action,
    e.entityType ?? null,
    e.entityId ?? null,
    e.applicationId ?? null,
    e.ip ?? null,
    e.details ? stableStringify(e.details) : null,
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

export function stableStringify(v: unknown): string {
  if (v === null || typeof v !== "object") return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(",")}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableStringify(o[k])}`)
    .join(",")}}`;
}

/**
 * Appends one event to the hash chain. Call it inside the transaction of the action it
 * records, so the action and its audit event commit or fail together. The advisory lock
 * (released at commit) keeps the chain linear when many actions run at once.
 */
export async function recordAudit(tx: Db, rawInput: AuditInput): Promise<void> {
  // Hash exactly what jsonb will store (a Date becomes its ISO string, undefined disappears).
  const input: AuditInput = rawInput.details ? { ...rawInput, details: JSON.parse(JSON.stringify(rawInput.details)) } : rawInput;
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const last = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  // Millisecond precision: what PostgreSQL stores is what we hash.
  const at = new Date(Math.floor(Date.now()));
  const hash = auditHash(prevHash, { ...input, at });
  await tx.auditEvent.create({
    data: {
      at,
      actorId: input.actorId ?? null,
      actorRole: input.actorRole ?? null,
      stationId: input.stationId ?? null,
      countyCode: input.countyCode ?? null,
      action: input.action,
      entityType: input.entityType ?? null,
      entityId: input.entityId ?? null,
      applicationId: input.applicationId ?? null,
      ip: input.ip ?? null,
      details: (input.details ?? undefined) as Prisma.InputJsonValue | undefined,
      prevHash,
      hash,
    },
  });
}
