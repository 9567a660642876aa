import { Prisma } from "@/lib/generated/prisma/client";
import type { ApplicationStatus, Channel } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/db/types";
import type { SessionUser } from "@/lib/auth/roles";
import { DomainError, forbidden, notFound } from "@/lib/errors";
import { STATUS_LABELS } from "@/lib/filings/status";
import { WORKFLOW, checkAction, type WorkflowAction, type WorkflowFiling } from "./workflow";

/**
 * Two clerks never act on one filing at once. Every clerk action starts by locking the
 * filing's row (SELECT … FOR UPDATE, scoped to the clerk's station): a second request for the
 * same filing waits for the first to commit and then sees its result — a changed version or
 * another assignee — and is refused with a clear message. transition() re-checks state and
 * version in its UPDATE as the last line of defence.
 */

export type LockedFiling = {
  id: string;
  reference: string | null;
  status: ApplicationStatus;
  version: number;
  channel: Channel;
  stationId: string;
  residentId: string;
  assignedClerkId: string | null;
  ruleSetId: string | null;
  destinationCounty: string;
  destinationAddress: string;
  personsCount: number;
  submittedAt: Date | null;
  acceptedAt: Date | null;
  decidedAt: Date | null;
  collectiveHouseholdId: string | null;
  originStationId: string | null;
  moveOutRequestedAt: Date | null;
  moveOutReturnedAt: Date | null;
  needsMoveOut: boolean;
};

/** The clerk's station — their whole scope. A clerk without a station sees nothing. */
export function clerkStation(user: SessionUser): string {
  if (user.role !== "clerk" || !user.stationId) throw notFound("申请");
  return user.stationId;
}

/**
 * Locks the filing for this transaction; out of the clerk's station (or a draft) is "not found".
 * side "origin": the filing must be waiting for this station's move-out confirmation instead.
 */
export async function lockFiling(tx: Db, user: SessionUser, applicationId: string, side: "destination" | "origin" = "destination"): Promise<LockedFiling> {
  const stationId = clerkStation(user);
  const scope = side === "origin" ? Prisma.sql`"originStationId" = ${stationId}` : Prisma.sql`"stationId" = ${stationId}`;
  const rows = await tx.$queryRaw<LockedFiling[]>(Prisma.sql`
    SELECT "id", "reference", "status"::text AS "status", "version", "channel"::text AS "channel", "stationId", "residentId",
           "assignedClerkId", "ruleSetId", "destinationCounty", "destinationAddress", "personsCount",
           "submittedAt", "acceptedAt", "decidedAt", "collectiveHouseholdId",
           "originStationId", "moveOutRequestedAt", "moveOutReturnedAt", "needsMoveOut"
    FROM "Application"
    WHERE "id" = ${applicationId} AND ${scope} AND "status" <> 'draft'::"ApplicationStatus"
    FOR UPDATE`);
  const row = rows[0];
  if (!row) throw notFound("申请");
  return { ...row, version: Number(row.version), personsCount: Number(row.personsCount) };
}

async function clerkName(tx: Db, id: string): Promise<string> {
  return (await tx.user.findUnique({ where: { id }, select: { realName: true } }))?.realName ?? "其他民警";
}

/** The claim clash, worded for who reads it: a station head is not told to ask the station head. */
export async function heldByOtherMessage(tx: Db, holderId: string, user: SessionUser, what: string): Promise<string> {
  const name = await clerkName(tx, holderId);
  return user.isStationHead
    ? `该申请已由${name}认领办理，您不能直接${what}。作为所长，您可以先将其改派给自己。`
    : `该申请已由${name}认领办理，您不能${what}。如需接手，请联系所长改派。`;
}

/**
 * May this clerk take the workflow action now? The version they saw must still be current, then
 * the table decides (lib/review/workflow.ts): the state one the action starts from, the filing
 * unassigned or theirs (acting on an unassigned filing claims it in the same transaction), the
 * station head for head-only actions, and the edge's own condition.
 */
export async function assertCanAct(
  tx: Db,
  filing: LockedFiling,
  user: SessionUser,
  opts: { expectedVersion: number; action: WorkflowAction; facts?: Partial<WorkflowFiling> },
): Promise<void> {
  const edge = WORKFLOW[opts.action];
  if (filing.version !== opts.expectedVersion) {
    throw new DomainError("conflict", `该申请刚刚已被他人处理（当前状态：${STATUS_LABELS[filing.status]}），请刷新页面查看最新情况后再操作。`, {
      details: { status: filing.status, version: filing.version },
    });
  }
  const verdict = checkAction(opts.action, { ...filing, ...opts.facts }, user);
  if (verdict.ok) return;
  if (verdict.code === "conflict" && filing.assignedClerkId && filing.assignedClerkId !== user.id) {
    throw new DomainError("conflict", await heldByOtherMessage(tx, filing.assignedClerkId, user, edge.label), {
      details: { assignedClerkId: filing.assignedClerkId },
    });
  }
  if (verdict.code === "invalid_state" && !edge.from.includes(filing.status)) {
    throw new DomainError("invalid_state", `该申请当前状态为“${STATUS_LABELS[filing.status]}”，不能${edge.label}。`, { details: { status: filing.status } });
  }
  if (verdict.code === "forbidden") throw forbidden(verdict.reason);
  if (verdict.code === "not_found") throw notFound("申请");
  throw new DomainError(verdict.code, verdict.reason, { details: { status: filing.status } });
}

/** Columns that make the acting clerk the assignee (set with the state change). */
export function claimColumns(filing: LockedFiling, user: SessionUser, now: Date) {
  return filing.assignedClerkId === user.id ? {} : { assignedClerkId: user.id, assignedAt: now };
}
