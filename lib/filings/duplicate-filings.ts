import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import { DomainError } from "@/lib/errors";
import { findDuplicates } from "./duplicate-check";
import { maskIdNumber } from "@/lib/schemas/id-number";
import { countyName } from "@/lib/places";
import { STATUS_LABELS } from "./status";

/**
 * Serialises submissions that name the same people: two drafts carrying one person, submitted
 * at the same moment, cannot both pass the duplicate check. Locks are per ID number, taken in
 * a fixed order (no deadlock), released at commit.
 */
export async function lockPeople(tx: Db, idNumbers: string[]): Promise<void> {
  for (const id of [...new Set(idNumbers)].sort()) {
    await tx.$executeRaw(Prisma.sql`SELECT pg_advisory_xact_lock(4112, hashtext(${id}))`);
  }
}

/**
 * A person may have one open settlement filing at a time (one person, one hukou): another
 * open filing for any person on this one — as applicant or as a family member, in this
 * destination or elsewhere in the city — stops the submission with a clear message. The
 * draft stays as it is.
 */
export async function assertNoOpenDuplicate(
  tx: Db,
  filing: { id: string; stationId: string; destinationCounty: string; applicantIdNumber: string; applicantName: string },
  members: Array<{ id: string; name: string; idNumber: string }>,
): Promise<void> {
  const hits = (await findDuplicates(tx, filing, members)).filter((h) => h.kind === "open_elsewhere");
  if (hits.length === 0) return;
  const other = await tx.application.findMany({ where: { id: { in: hits.map((h) => h.applicationId) } }, select: { id: true, destinationCounty: true } });
  const countyOf = new Map(other.map((o) => [o.id, o.destinationCounty]));
  const idOf = new Map(members.map((m) => [m.id, m.idNumber]));
  const lines = hits.map((h) => {
    const idNumber = (h.memberId ? idOf.get(h.memberId) : undefined) ?? filing.applicantIdNumber;
    const where = countyName(countyOf.get(h.applicationId) ?? "");
    const same = countyOf.get(h.applicationId) === filing.destinationCounty ? "同一落户地" : where;
    return `${h.personName}（${maskIdNumber(idNumber)}）已有办理中的落户申请 ${h.reference ?? ""}（${same}，${STATUS_LABELS[h.status]}）`;
  });
  throw new DomainError(
    "duplicate_filing",
    `不能重复申请：${lines.join("；")}。同一人同一时间只能有一件办理中的落户申请。您的草稿已保存，可在原申请办结或撤回后再提交，或将该人员从本申请中移除。`,
    { details: { references: hits.map((h) => h.reference) } },
  );
}
