import type { PrismaClient } from "@/lib/generated/prisma/client";
import { auditHash } from "@/lib/audit/record-audit";

/**
 * What an attacker with superuser (owner) rights on the database does: the append-only trigger
 * refuses UPDATE and DELETE, so they switch triggers off for their session (replica role),
 * change the row, and switch back — all inside one transaction.
 */
export async function asSuperuser(prisma: PrismaClient, sql: string, ...params: unknown[]): Promise<void> {
  await prisma.$transaction([prisma.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`), prisma.$executeRawUnsafe(sql, ...params)]);
}

/**
 * The attacker changes event `victimId` (its address) and recomputes every later hash and link,
 * starting from `prevHash` (the hash of the event before it): the chain is consistent again.
 */
export async function rewriteChainFrom(prisma: PrismaClient, victimId: bigint, prevHash: string): Promise<void> {
  await asSuperuser(prisma, `UPDATE "AuditEvent" SET "ip" = '6.6.6.6' WHERE "id" = $1`, victimId);
  let prev = prevHash;
  for (const r of await prisma.auditEvent.findMany({ where: { id: { gte: victimId } }, orderBy: { id: "asc" } })) {
    const hash = auditHash(prev, { ...r, details: r.details as Record<string, unknown> });
    await asSuperuser(prisma, `UPDATE "AuditEvent" SET "prevHash" = $1, "hash" = $2 WHERE "id" = $3`, prev, hash, r.id);
    prev = hash;
  }
}
