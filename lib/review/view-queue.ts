import { defineAction } from "@/lib/auth/run-action";
import type { RateLimitRule } from "@/lib/http/rate-limit";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { queueQuerySchema, queueSearchSchema } from "./schemas";
import { clerkStation } from "./filing-lock";
import { countQueueTabs, listQueue, searchQueue } from "./queue";
import { stationWorkload } from "./station-workload";
import { stationClerks } from "./claim-filing";
import { missingNextYearCalendar } from "@/lib/calendar/calendar-warning";

/** Paging through the queue is reading, not acting: a more generous limit than actions. */
export const QUEUE_VIEW_RATE: RateLimitRule = { name: "review-queue", limit: 600, windowMs: 60_000 };

/**
 * The queue page's loader: one tab of the clerk's own station (keyset page) and the count of
 * every tab. The list shows names and masked ID numbers, so the view is audited.
 */
export const viewQueueDef = defineAction(
  { roles: ["clerk"], action: "review.queue.view", schema: queueQuerySchema, rateLimit: QUEUE_VIEW_RATE },
  async (ctx, input) => {
    const stationId = clerkStation(ctx.user);
    const now = new Date();
    const cal = await loadCalendar(ctx.tx);
    const filter = { stationId, channel: input.channel, assignedTo: input.mine ? ctx.user.id : undefined };
    const page = await listQueue(ctx.tx, filter, { tab: input.tab, after: input.after, before: input.before }, now, cal);
    const counts = await countQueueTabs(ctx.tx, filter, now, cal);
    const messages = await ctx.tx.notification.findMany({
      where: { userId: ctx.user.id, readAt: null },
      orderBy: { createdAt: "desc" },
      take: 10,
      select: { id: true, applicationId: true, title: true, body: true, createdAt: true },
    });
    const workload = ctx.user.isStationHead ? await stationWorkload(ctx.tx, stationId, now) : null;
    const views = await ctx.tx.savedQueueView.findMany({
      where: { userId: ctx.user.id },
      orderBy: { name: "asc" },
      select: { id: true, name: true, query: true },
    });
    ctx.audit({ entityType: "queue", details: { tab: input.tab, channel: input.channel ?? null, mine: input.mine, rows: page.rows.length } });
    const clerks = ctx.user.isStationHead ? await stationClerks(ctx.tx, stationId) : [];
    const calendarYear = await missingNextYearCalendar(ctx.tx, now);
    const station = await ctx.tx.policeStation.findUnique({ where: { id: stationId }, select: { name: true } });
    return { ...page, counts, tab: input.tab, now, messages, workload, views, clerks, calendarYear, stationName: station?.name ?? null };
  },
);

/**
 * Search by reference number, name or ID number (exact). The term arrives in a POST body and
 * is never echoed into a URL or the audit trail (only what kind of term it was).
 */
export const searchQueueDef = defineAction(
  { roles: ["clerk"], action: "review.queue.search", schema: queueSearchSchema, rateLimit: QUEUE_VIEW_RATE },
  async (ctx, input) => {
    const stationId = clerkStation(ctx.user);
    const now = new Date();
    const cal = await loadCalendar(ctx.tx);
    const res = await searchQueue(ctx.tx, stationId, input.q, now, cal);
    ctx.audit({ entityType: "queue", details: { search: res.kind, rows: res.rows.length } });
    return res;
  },
);
