import type { Db } from "@/lib/db/types";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { ACTIVE_STATUSES } from "./status";

/**
 * The duplicate check of the review page, for every person on the filing: another open
 * filing for the same ID number anywhere in the city (as applicant or as a household member),
 * or the person already registered at this destination through an earlier filing. Other
 * stations' filings are named by reference, station and state only.
 */

export type DuplicateHit = {
  kind: "open_elsewhere" | "already_registered";
  /** Which person of this filing (by member id; null = the applicant without a member row). */
  memberId: string | null;
  personName: string;
  applicationId: string;
  reference: string | null;
  status: ApplicationStatus;
  stationName: string | null;
  /** Whether the other filing is in this clerk's station (then it can be opened). */
  sameStation: boolean;
};

export async function findDuplicates(
  db: Db,
  filing: { id: string; stationId: string; destinationCounty: string; applicantIdNumber: string; applicantName: string },
  members: Array<{ id: string; name: string; idNumber: string }>,
): Promise<DuplicateHit[]> {
  const people = new Map<string, { memberId: string | null; name: string }>();
  for (const m of members) people.set(m.idNumber, { memberId: m.id, name: m.name });
  if (!people.has(filing.applicantIdNumber)) people.set(filing.applicantIdNumber, { memberId: null, name: filing.applicantName });
  const ids = [...people.keys()];
  const relevant: ApplicationStatus[] = [...ACTIVE_STATUSES, "registered"];

  // Both indexed: Application(applicantIdNumber) and HouseholdMember(idNumber). One after the
  // other: inside a transaction there is one connection anyway.
  const asApplicant = await db.application.findMany({
    where: { applicantIdNumber: { in: ids }, id: { not: filing.id }, status: { in: relevant } },
    select: { id: true, reference: true, status: true, stationId: true, destinationCounty: true, applicantIdNumber: true, station: { select: { name: true } } },
  });
  const asMember = await db.householdMember.findMany({
    where: { idNumber: { in: ids }, applicationId: { not: filing.id }, application: { status: { in: relevant } } },
    select: {
      idNumber: true,
      application: { select: { id: true, reference: true, status: true, stationId: true, destinationCounty: true, station: { select: { name: true } } } },
    },
  });

  const hits = new Map<string, DuplicateHit>();
  const add = (
    idNumber: string,
    app: {
      id: string;
      reference: string | null;
      status: ApplicationStatus;
      stationId: string | null;
      destinationCounty: string;
      station: { name: string } | null;
    },
  ) => {
    const person = people.get(idNumber);
    if (!person) return;
    const registered = app.status === "registered";
    // A registration elsewhere in the city is no obstacle here; an open filing anywhere is.
    if (registered && app.destinationCounty !== filing.destinationCounty) return;
    const key = `${idNumber}:${app.id}`;
    if (hits.has(key)) return;
    hits.set(key, {
      kind: registered ? "already_registered" : "open_elsewhere",
      memberId: person.memberId,
      personName: person.name,
      applicationId: app.id,
      reference: app.reference,
      status: app.status,
      stationName: app.station?.name ?? null,
      sameStation: app.stationId === filing.stationId,
    });
  };
  for (const a of asApplicant) add(a.applicantIdNumber, a);
  for (const m of asMember) add(m.idNumber, m.application);
  return [...hits.values()];
}
