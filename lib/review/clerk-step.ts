import type { Prisma } from "@/lib/generated/prisma/client";
import type { GuardContext } from "@/lib/auth/run-action";
import { transition, type TransitionInput } from "@/lib/filings/transition";
import { workingDaysBetween, type WorkCalendar } from "@/lib/calendar/working-days";
import { edgeTransition, type WorkflowAction } from "./workflow";
import type { LockedFiling } from "./filing-lock";

/** A workflow edge by name, or (for a notice's correction or withdrawal) its states, event and review action named here. */
export type StepEdge = WorkflowAction | (Pick<TransitionInput, "from" | "to" | "event"> & { action: string });

export type ClerkStep = Omit<TransitionInput, "applicationId" | "from" | "to" | "event" | "actorId" | "expectedVersion"> & {
  /** The version the clerk saw. */
  version: number;
  /**
   * The review action beside the state change: named after the edge, with the step's note and
   * data, unless given here (`data: null`: none).
   */
  review?: { action?: string; reasonCodes?: string[]; note?: string | null; data?: Record<string, unknown> | null };
};

/**
 * A clerk's step on a locked filing: the state change (transition(): the timeline, the
 * resident's message, the dashboard counter) by this clerk on the version they saw, and the
 * review action recording it.
 */
export async function takeStep(ctx: GuardContext, f: LockedFiling, edge: StepEdge, step: ClerkStep): Promise<void> {
  const { version, review = {}, ...change } = step;
  const { action, ...states } = typeof edge === "string" ? { action: edge, ...edgeTransition(edge, f.status) } : edge;
  await transition(ctx.tx, { applicationId: f.id, ...states, actorId: ctx.user.id, expectedVersion: version, ...change });
  const data = review.data === undefined ? change.data : (review.data ?? undefined);
  await ctx.tx.reviewAction.create({
    data: {
      applicationId: f.id,
      clerkId: ctx.user.id,
      action: review.action ?? action,
      reasonCodes: review.reasonCodes,
      note: review.note === undefined ? (change.note ?? null) : review.note,
      data: data as Prisma.InputJsonValue | undefined,
    },
  });
}

/** Working days from submission to now (the service time the dashboards sum). */
export function daysSinceSubmission(f: LockedFiling, now: Date, cal: WorkCalendar): number {
  return f.submittedAt ? workingDaysBetween(f.submittedAt, now, cal) : 0;
}
