import type { Db } from "@/lib/db/types";

/** One message to the resident: the portal inbox, plus an SMS in the outbox for a sender to drain. */
export async function notifyResident(db: Db, opts: { userId: string; applicationId: string; title: string; body: string }): Promise<void> {
  const note = await db.notification.create({ data: opts });
  const user = await db.user.findUnique({ where: { id: opts.userId }, select: { mobile: true } });
  if (user?.mobile) {
    await db.outboxMessage.create({
      data: {
        channel: "sms",
        recipient: user.mobile,
        subject: opts.title,
        body: `【三门峡落户通】${opts.body}`,
        template: "notice",
        idempotencyKey: `notification:${note.id}`,
      },
    });
  }
}
