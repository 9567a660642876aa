import { getPrisma } from "@/lib/db/client";
import type { Db } from "@/lib/db/types";
import { maskPhone } from "./sender";

/** Demo mode: what `npm start` seeds demo accounts for — the embedded database, or LUOHU_DEMO=1. */
export function isDemoMode(): boolean {
  return !process.env.DATABASE_URL || process.env.LUOHU_DEMO === "1";
}

export type DemoMessage = {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  status: string;
  attempts: number;
  createdAt: Date;
  sentAt: Date | null;
};

/** The newest outbox messages (demo only), number masked, so a newcomer sees the SMS and the codes. */
export async function listDemoMessages(opts: { mobile?: string; take?: number } = {}, db: Db = getPrisma()): Promise<DemoMessage[]> {
  if (!isDemoMode()) return [];
  const rows = await db.outboxMessage.findMany({
    where: opts.mobile ? { recipient: opts.mobile } : {},
    orderBy: { createdAt: "desc" },
    take: Math.min(opts.take ?? 50, 200),
    select: { id: true, recipient: true, subject: true, body: true, status: true, attempts: true, createdAt: true, sentAt: true },
  });
  return rows.map((r) => ({ ...r, recipient: maskPhone(r.recipient) }));
}
