import type { SessionUser } from "@/lib/auth/roles";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { testId } from "../helpers/ids";

/** A session for a test user (no username, mobile or station-head flag unless given). */
export function asSession(u: { id: string; role: SessionUser["role"]; realName: string; stationId?: string | null; countyCode?: string | null }): SessionUser {
  return {
    id: u.id,
    role: u.role,
    realName: u.realName,
    username: null,
    mobile: null,
    stationId: u.stationId ?? null,
    isStationHead: false,
    countyCode: u.countyCode ?? null,
  };
}

/** A submitted residence filing at `stationId` (湖滨区) for the guard tests' scope checks. */
export async function submittedFiling(prisma: PrismaClient, residentId: string, stationId: string, applicantName: string): Promise<string> {
  const app = await prisma.application.create({
    data: { residentId, channel: "residence", status: "submitted", destinationCounty: "411202", stationId, applicantName, applicantIdNumber: testId() },
  });
  return app.id;
}
