import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import { notFound } from "@/lib/errors";
import type { SessionUser } from "./roles";

/**
 * The filings a person may see: a resident their own, a clerk their station's, an official
 * their county's (or the city's), admins and auditors all. Every query of filings goes
 * through this, so a tampered URL finds nothing (404), never someone else's data.
 */
export function applicationScope(user: SessionUser): Prisma.ApplicationWhereInput {
  switch (user.role) {
    case "resident":
      return { residentId: user.id };
    case "clerk":
      return user.stationId ? { stationId: user.stationId } : { id: "__none__" };
    case "official":
      return user.countyCode ? { destinationCounty: user.countyCode } : {};
    case "admin":
    case "auditor":
      return {};
  }
}

/** One submitted (not draft) filing, if this person may see it. */
export function submittedFilingWhere(user: SessionUser, applicationId: string): Prisma.ApplicationWhereInput {
  return { id: applicationId, ...applicationScope(user), status: { not: "draft" } };
}

/** Counties an official (or admin/auditor) may see; null = all. */
export function countyScope(user: SessionUser): string | null {
  return user.role === "official" ? user.countyCode : null;
}

/** A station to drill into, within a county (null: anywhere); another county's station is "not found". */
export async function stationInCounty(db: Db, stationId: string, countyCode: string | null) {
  const station = await db.policeStation.findFirst({
    where: { id: stationId, ...(countyCode ? { countyCode } : {}) },
    select: { id: true, name: true, countyCode: true },
  });
  if (!station) throw notFound("派出所");
  return station;
}
