import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ApplicationStatus, Channel } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/roles";
import { bumpCounter } from "@/lib/filings/transition";
import { rebuildStatRollups } from "@/lib/stats/rollups";
import { makeIdNumber } from "@/lib/schemas/id-number";

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

/** A member of the household with a rural or an urban hukou (`relation`: self, spouse, child …). */
export const rural = (relation: string) => ({ relation, hukouType: "rural" as const });
export const urban = (relation: string) => ({ relation, hukouType: "urban" as const });

/** A Beijing day ("2025-10-09", at 10:00) or an exact time. */
type When = string | Date;
const at = (w: When | undefined): Date | undefined => (typeof w === "string" ? bj(w) : w);

export type FixtureFiling = {
  station: string; // station code
  channel?: Channel;
  status: ApplicationStatus;
  /** Everyone the filing carries; the first is the applicant. hukouType undefined = not recorded on the member. Default: one rural applicant. */
  persons?: Array<{ relation: string; hukouType?: "rural" | "urban" }>;
  answers?: Record<string, unknown>;
  /** When it reached each step (`supplement`: a notice was sent; `decided`: approved or refused), and its deadline (`due`). */
  dates: { submitted: When; supplement?: When; accepted?: When; decided?: When; movedOut?: When; completed?: When; withdrawn?: When; due?: When };
  refusalReasons?: string[];
};

/** Adds the filings, then counts the rollups once (as transition() would have kept them). */
export async function addFilings(prisma: PrismaClient, filings: FixtureFiling[]) {
  for (const f of filings) await addFiling(prisma, f);
  // The other rollups (months, histograms, refusal reasons, rural people) as transition() keeps them.
  await rebuildStatRollups(prisma);
}

async function addFiling(prisma: PrismaClient, f: FixtureFiling) {
  const station = await prisma.policeStation.findUniqueOrThrow({ where: { code: f.station } });
  const persons = f.persons ?? [{ relation: "self", hukouType: "rural" }];
  const resident = await prisma.user.create({
    data: { role: "resident", realName: "测试居民", mobile: `139${String(10_000_000 + seq * 7 + 1).slice(-8)}`, passwordHash: "x", idNumber: nextId() },
  });
  const channel = f.channel ?? "residence";
  const ruleSet = await prisma.ruleSet.findFirst({ where: { publishedAt: { not: null } } });
  const d = f.dates;
  const submittedAt = at(d.submitted)!;
  const decidedAt = at(d.decided);
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
      submittedAt,
      acceptedAt: at(d.accepted) ?? null,
      decidedAt: decidedAt ?? null,
      completedAt: at(d.completed) ?? null,
      withdrawnAt: at(d.withdrawn) ?? null,
      dueAt: at(d.due) ?? null,
      members: {
        create: persons.map((p, i) => ({ relation: p.relation, name: `成员${i}`, idNumber: nextId(), hukouType: p.hukouType ?? null, sortOrder: i })),
      },
    },
  });
  const counted = { stationId: station.id, destinationCounty: station.countyCode, channel, personsCount: persons.length };
  const events: Array<[string, Date | undefined]> = [
    ["submitted", submittedAt],
    ["supplement_requested", at(d.supplement)],
    ["accepted", at(d.accepted)],
    [f.status === "refused" ? "refused" : "approved", decidedAt],
    ["moved_out", at(d.movedOut)],
    ["registered", at(d.completed)],
    ["withdrawn", at(d.withdrawn)],
  ];
  await prisma.$transaction(async (tx) => {
    for (const [event, when] of events) if (when) await bumpCounter(tx, counted, event, when);
    if (f.status === "refused") {
      const clerk = await tx.user.findFirst({ where: { role: "clerk" } });
      await tx.reviewAction.create({
        data: { applicationId: app.id, clerkId: clerk!.id, action: "refuse", reasonCodes: f.refusalReasons ?? ["documents_invalid"], createdAt: decidedAt! },
      });
    }
  });
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
