import { Prisma } from "@/lib/generated/prisma/client";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/db/types";
import { STATION_CLOCK_STATUSES } from "./queue-tabs";
import { dueCountRows } from "./queue";
import { CLAIMABLE_STATUSES } from "./workflow";

export type ClerkWorkload = {
  clerkId: string | null;
  name: string;
  isStationHead: boolean;
  /** Open filings held, per state. */
  byStatus: Partial<Record<ApplicationStatus, number>>;
  total: number;
  overdue: number;
};

/**
 * A station head's panel: each clerk's open filings per state (from QueueCount, kept by
 * triggers: O(1)) and how many of them are overdue (QueueDueCount's days and today's filings:
 * O(days)); the unassigned ones as a row of their own.
 */
export async function stationWorkload(db: Db, stationId: string, now: Date): Promise<ClerkWorkload[]> {
  const clerks = await db.user.findMany({
    where: { role: "clerk", stationId, disabled: false },
    select: { id: true, realName: true, isStationHead: true },
    orderBy: { realName: "asc" },
  });
  const counts = await db.$queryRaw<Array<{ who: string; status: ApplicationStatus; n: number }>>`
    SELECT c."assignedClerkId" AS "who", c."status"::text AS "status", sum(c."n")::int AS "n" FROM "QueueCount" c
    WHERE c."stationId" = ${stationId} AND c."status" IN (${Prisma.join(CLAIMABLE_STATUSES.map((s) => Prisma.sql`${s}::"ApplicationStatus"`))})
    GROUP BY 1, 2`;
  // Overdue per assignee: whole days from QueueDueCount, today's filings in the index (O(days), not O(overdue filings)).
  const overdue = await db.$queryRaw<Array<{ who: string; n: number }>>`
    SELECT r."who", sum(r."n")::int AS "n" FROM (${dueCountRows({ stationId }, STATION_CLOCK_STATUSES, null, now, true)}) r GROUP BY 1`;
  const row = (clerkId: string | null, name: string, isStationHead: boolean): ClerkWorkload => {
    const key = clerkId ?? "";
    const byStatus: Partial<Record<ApplicationStatus, number>> = {};
    for (const c of counts.filter((x) => x.who === key)) byStatus[c.status] = Number(c.n);
    return {
      clerkId,
      name,
      isStationHead,
      byStatus,
      total: Object.values(byStatus).reduce((a, b) => a + (b ?? 0), 0),
      overdue: Number(overdue.find((o) => o.who === key)?.n ?? 0),
    };
  };
  return [...clerks.map((c) => row(c.id, c.realName, c.isStationHead)), row(null, "未认领", false)];
}
