import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ApplicationStatus, Channel } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/roles";
import { bumpCounter } from "@/lib/filings/transition";
import { rebuildStatRollups } from "@/lib/stats/rollups";
import { makeIdNumber } from "@/lib/validation/id-number";

/**
 * Filings as the clerk's workbench leaves them — timestamps, members, the DailyCounter rows
 * that transition() bumps for each step (through the same bumpCounter), and the refusal's
 * ReviewAction — so the dashboards are tested on real SQL against known numbers.
 */

let seq = 0;
const nextId = (region = "411221") => {
  seq += 1;
  return makeIdNumber(
    `${region}1990${String(1 + (seq % 12)).padStart(2, "0")}${String(1 + (seq % 28)).padStart(2, "0")}${String(seq % 1000).padStart(3, "0")}`,
  );
};

/** "2025-10-09" + hour → that Beijing local time. */
export const bj = (ymd: string, hour = 10) => new Date(`${ymd}T${String(hour).padStart(2, "0")}:00:00+08:00`);

export type FixtureFiling = {
  station: string; // station code
  channel?: Channel;
  status: ApplicationStatus;
  /** Everyone the filing carries; the first is the applicant. hukouType undefined = not recorded on the member. */
  persons?: Array<{ relation: string; hukouType?: "rural" | "urban" }>;
  answers?: Record<string, unknown>;
  submittedAt: Date;
  acceptedAt?: Date;
  supplementAt?: Date;
  decidedAt?: Date;
  movedOutAt?: Date;
  completedAt?: Date;
  withdrawnAt?: Date;
  dueAt?: Date;
  refusalReasons?: string[];
};

export async function addFiling(prisma: PrismaClient, f: FixtureFiling) {
  const station = await prisma.policeStation.findUniqueOrThrow({ where: { code: f.station } });
  const persons = f.persons ?? [{ relation: "self", hukouType: "rural" }];
  const resident = await prisma.user.create({
    data: { role: "resident", realName: "测试居民", mobile: `139${String(10_000_000 + seq * 7 + 1).slice(-8)}`, passwordHash: "x", idNumber: nextId() },
  });
  const channel = f.channel ?? "residence";
  const ruleSet = await prisma.ruleSet.findFirst({ where: { publishedAt: { not: null } } });
  const app = await prisma.application.create({
    data: {
      residentId: resident.id,
      channel,
      status: f.status,
      destinationCounty: station.countyCode,
      stationId: station.id,
      applicantName: resident.realName,
      applicantIdNumber: resident.idNumber!,
      personsCount: persons.length,
      answers: (f.answers ?? {}) as object,
      ruleSetId: ruleSet?.id ?? null,
      submittedAt: f.submittedAt,
      acceptedAt: f.acceptedAt ?? null,
      decidedAt: f.decidedAt ?? null,
      completedAt: f.completedAt ?? null,
      withdrawnAt: f.withdrawnAt ?? null,
      dueAt: f.dueAt ?? null,
      members: {
        create: persons.map((p, i) => ({ relation: p.relation, name: `成员${i}`, idNumber: nextId(), hukouType: p.hukouType ?? null, sortOrder: i })),
      },
    },
  });
  const counted = { stationId: station.id, destinationCounty: station.countyCode, channel, personsCount: persons.length };
  const events: Array<[string, Date | undefined]> = [
    ["submitted", f.submittedAt],
    ["supplement_requested", f.supplementAt],
    ["accepted", f.acceptedAt],
    [f.status === "refused" ? "refused" : "approved", f.decidedAt],
    ["moved_out", f.movedOutAt],
    ["registered", f.completedAt],
    ["withdrawn", f.withdrawnAt],
  ];
  await prisma.$transaction(async (tx) => {
    for (const [event, at] of events) if (at) await bumpCounter(tx, counted, event, at);
    if (f.status === "refused") {
      const clerk = await tx.user.findFirst({ where: { role: "clerk" } });
      await tx.reviewAction.create({
        data: { applicationId: app.id, clerkId: clerk!.id, action: "refuse", reasonCodes: f.refusalReasons ?? ["documents_invalid"], createdAt: f.decidedAt! },
      });
    }
  });
  // The other rollups (months, histograms, refusal reasons, rural people) as transition() keeps them.
  await rebuildStatRollups(prisma);
  return app;
}

export type StatsUsers = { city: SessionUser; hubin: SessionUser; shanzhou: SessionUser; admin: SessionUser; auditor: SessionUser; clerk: SessionUser };

export async function makeUsers(prisma: PrismaClient): Promise<StatsUsers> {
  const qianjin = await prisma.policeStation.findUniqueOrThrow({ where: { code: "411202-01" } });
  const mk = async (
    role: SessionUser["role"],
    username: string,
    extra: { countyCode?: string | null; stationId?: string | null } = {},
  ): Promise<SessionUser> => {
    const u = await prisma.user.create({ data: { role, username, realName: username, passwordHash: "x", ...extra } });
    return {
      id: u.id,
      role: u.role,
      realName: u.realName,
      username: u.username,
      mobile: null,
      stationId: u.stationId,
      isStationHead: false,
      countyCode: u.countyCode,
    };
  };
  return {
    city: await mk("official", "off-city", { countyCode: null }),
    hubin: await mk("official", "off-hubin", { countyCode: "411202" }),
    shanzhou: await mk("official", "off-shanzhou", { countyCode: "411203" }),
    admin: await mk("admin", "admin-1"),
    auditor: await mk("auditor", "auditor-1"),
    clerk: await mk("clerk", "clerk-1", { stationId: qianjin.id }),
  };
}
