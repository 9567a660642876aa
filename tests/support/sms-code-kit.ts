import type { PrismaClient } from "@/lib/generated/prisma/client";

/** Mobile numbers for one test file: `prefix` (7 digits) then a running 4-digit number. */
export function mobileSequence(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}${String(1000 + ++n).slice(-4)}`;
}

/** The newest SMS code queued for `mobile` (the outbox keeps it for the gateway's template). */
export async function lastSmsCode(db: PrismaClient, mobile: string): Promise<string | undefined> {
  const msg = await db.outboxMessage.findFirst({ where: { recipient: mobile, template: "code" }, orderBy: { createdAt: "desc" } });
  return (msg?.params as { code?: string } | null)?.code;
}
