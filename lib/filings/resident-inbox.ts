import type { Db } from "@/lib/db/types";
import { defineAction } from "@/lib/auth/run-action";
import { markReadSchema } from "./filing-schemas";

/** The resident's inbox on the portal: every status change of their filings (transition → notifyResident). */
export async function listInbox(db: Db, userId: string, take = 100) {
  return db.notification.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, title: true, body: true, readAt: true, createdAt: true, applicationId: true },
  });
}

export async function unreadCount(db: Db, userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

/** Marks one message (or all) as read; only the owner's messages are touched. */
export const markNotificationsReadDef = defineAction(
  { roles: ["resident", "clerk", "official", "admin", "auditor"], action: "notification.mark_read", schema: markReadSchema, auditEvent: false },
  async (ctx, input) => {
    const res = await ctx.tx.notification.updateMany({
      where: { userId: ctx.user.id, readAt: null, ...(input.notificationId ? { id: input.notificationId } : {}) },
      data: { readAt: new Date() },
    });
    return { updated: res.count };
  },
);
