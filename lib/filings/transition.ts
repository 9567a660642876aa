import type { Db, Prisma } from "@/lib/db/types";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { DomainError } from "@/lib/errors";
import { beijingDate } from "@/lib/calendar/working-days";
import { notifyResident } from "@/lib/notify/notify-resident";
import { bumpRollups } from "@/lib/stats/rollups";
import { EVENT_LABELS, STATUS_LABELS } from "./status";

export type TransitionInput = {
  applicationId: string;
  /** States the filing must be in; anything else is refused (e.g. deciding a decided filing). */
  from: readonly ApplicationStatus[];
  to: ApplicationStatus;
  /** Timeline event type (see EVENT_LABELS). */
  event: string;
  actorId: string | null;
  /** The version the actor saw; a different one means someone else acted first. */
  expectedVersion?: number;
  note?: string | null;
  data?: Record<string, unknown>;
  /** Due date of the next step (null clears it). */
  dueAt?: Date | null;
  /** Other columns to set in the same update. */
  set?: Prisma.ApplicationUncheckedUpdateManyInput;
  /** Message to the resident; defaults to the event label. */
  message?: string;
  /** Counter event for the dashboards (defaults to `event`); null skips it. */
  counter?: string | null;
  /** Working days since submission, summed by the counter (acceptance / decision service times). */
  counterWorkingDays?: number;
  now?: Date;
};

/**
 * The only way a filing changes state. The UPDATE checks the current state (and version) in
 * its WHERE clause, so of two clerks acting at once exactly one wins; the other gets a clear
 * conflict. The timeline event, the resident's message and the dashboard counter are
 * written in the same transaction.
 */
export async function transition(tx: Db, input: TransitionInput) {
  const now = input.now ?? new Date();
  const res = await tx.application.updateMany({
    where: {
      id: input.applicationId,
      status: { in: [...input.from] },
      ...(input.expectedVersion !== undefined ? { version: input.expectedVersion } : {}),
    },
    data: {
      ...input.set,
      status: input.to,
      version: { increment: 1 },
      // 补正已提交: marked when the resident answers the notice, cleared by the next state change.
      supplementAnsweredAt: input.event === "resubmitted" ? now : null,
      ...(input.dueAt !== undefined ? { dueAt: input.dueAt } : {}),
    },
  });
  if (res.count !== 1) {
    const cur = await tx.application.findUnique({ where: { id: input.applicationId }, select: { status: true, version: true } });
    if (!cur) throw new DomainError("not_found", "申请不存在。");
    if (!input.from.includes(cur.status)) {
      throw new DomainError("invalid_state", `该申请当前状态为“${STATUS_LABELS[cur.status]}”，不能执行此操作。`, {
        details: { status: cur.status },
      });
    }
    throw new DomainError("conflict", "该申请刚刚已被他人处理，请刷新页面查看最新状态。", { details: { version: cur.version } });
  }
  const app = await tx.application.findUniqueOrThrow({
    where: { id: input.applicationId },
    select: {
      id: true,
      residentId: true,
      assignedClerkId: true,
      reference: true,
      status: true,
      stationId: true,
      destinationCounty: true,
      channel: true,
      personsCount: true,
      version: true,
      dueAt: true,
    },
  });
  const fromStatus = input.from.length === 1 ? input.from[0] : null;
  await tx.statusEvent.create({
    data: {
      applicationId: app.id,
      type: input.event,
      fromStatus,
      toStatus: input.to,
      actorId: input.actorId,
      note: input.note ?? null,
      data: (input.data ?? undefined) as Prisma.InputJsonValue | undefined,
      dueAt: input.dueAt ?? null,
      createdAt: now,
    },
  });
  const label = EVENT_LABELS[input.event] ?? input.event;
  await notifyResident(tx, {
    userId: app.residentId,
    applicationId: app.id,
    title: `申请 ${app.reference ?? ""} ${label}`.trim(),
    body: input.message ?? `您的落户申请 ${app.reference ?? ""} 状态更新：${STATUS_LABELS[input.to]}。请登录三门峡落户通查看。`,
  });
  if (input.event === "resubmitted" && app.assignedClerkId) {
    // Tell the clerk who holds the filing that it is back in the queue.
    await tx.notification.create({
      data: {
        userId: app.assignedClerkId,
        applicationId: app.id,
        title: `申请 ${app.reference ?? ""} 补正已提交`,
        body: "申请人已提交补正材料，该申请已回到您的待办。",
      },
    });
  }
  const counter = input.counter === undefined ? input.event : input.counter;
  if (counter && app.stationId) await bumpCounter(tx, { ...app, stationId: app.stationId }, counter, now, input.counterWorkingDays ?? 0);
  // Monthly counters, working-day histograms, refusal reasons and reversed decisions (lib/stats/rollups.ts).
  if (app.stationId) {
    await bumpRollups(tx, {
      applicationId: app.id,
      stationId: app.stationId,
      countyCode: app.destinationCounty,
      channel: app.channel,
      personsCount: app.personsCount,
      event: input.event,
      counter: counter ?? null,
      actorId: input.actorId,
      data: input.data,
      now,
    });
  }
  return app;
}

/** Dashboard counters: one row per day, station, channel and event (filings and people). */
export async function bumpCounter(
  tx: Db,
  app: { stationId: string; destinationCounty: string; channel: Prisma.DailyCounterCreateInput["channel"]; personsCount: number },
  event: string,
  now: Date,
  workingDays = 0,
) {
  // The stored DATE is the Beijing calendar day.
  const dayDate = new Date(`${beijingDate(now)}T00:00:00Z`);
  await tx.dailyCounter.upsert({
    where: { day_stationId_channel_event: { day: dayDate, stationId: app.stationId, channel: app.channel, event } },
    create: {
      day: dayDate,
      stationId: app.stationId,
      countyCode: app.destinationCounty,
      channel: app.channel,
      event,
      filings: 1,
      persons: app.personsCount,
      workingDays,
    },
    update: { filings: { increment: 1 }, persons: { increment: app.personsCount }, workingDays: { increment: workingDays } },
  });
}
