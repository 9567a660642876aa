import type { Db } from "@/lib/db/types";
import { LogSender, type MessageSender } from "./sender";

/** Sends pending outbox messages; failures stay in the outbox with the error and a try count. */
export async function drainOutbox(db: Db, sender: MessageSender = new LogSender(), limit = 100): Promise<number> {
  const pending = await db.outboxMessage.findMany({ where: { sentAt: null, attempts: { lt: 5 } }, orderBy: { createdAt: "asc" }, take: limit });
  let sent = 0;
  for (const m of pending) {
    try {
      await sender.send(m);
      await db.outboxMessage.update({ where: { id: m.id }, data: { sentAt: new Date(), attempts: { increment: 1 } } });
      sent += 1;
    } catch (e) {
      await db.outboxMessage.update({ where: { id: m.id }, data: { attempts: { increment: 1 }, lastError: String(e).slice(0, 500) } });
    }
  }
  return sent;
}
