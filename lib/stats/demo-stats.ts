import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Channel } from "@/lib/generated/prisma/enums";
import { addWorkingDays, beijingDate } from "@/lib/calendar/working-days";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { makeIdNumber } from "@/lib/schemas/id-number";
import { rebuildStatRollups } from "./rollups";

/**
 * Demo volume for the officials' dashboards: closed filings (settled, refused, withdrawn) over
 * last year and this year at the stations the demo clerks do not work at, with their
 * household members, refusals' reasons and the DailyCounter rows transition() would have
 * bumped — so counters, filings and dashboards agree, as in production. Open filings are left
 * to the main demo seed (the clerks' queues stay as they are).
 *
 * Call after seedDemoData (it needs the stations, the calendar and the rule set). Runs once:
 * filings with ids starting "demostats" mean it already ran.
 */

/** The stations the demo clerks work at keep only the main demo's hand-made filings. */
const KEEP_CLEAN = new Set(["411202-01", "411203-01"]);
const CHANNELS: Channel[] = ["residence", "residence", "residence", "residence", "talent", "talent", "talent", "family", "rural_student", "collective"];
const REASONS = [
  "residence_not_legal",
  "residence_not_lived_in",
  "relationship_not_proven",
  "documents_invalid",
  "identity_unverified",
  "collective_conditions_not_met",
  "duplicate_filing",
  "already_registered",
];
const SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
const GIVEN = ["伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "桂英", "建华", "晓燕"];
const RELATIONS = ["spouse", "child", "child", "parent"];

/** A small deterministic generator: the demo looks the same on every machine. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

export async function seedDashboardDemo(
  prisma: PrismaClient,
  opts: { filingsPerYear?: number; now?: Date } = {},
): Promise<{ filings: number; persons: number } | null> {
  if (await prisma.application.findFirst({ where: { id: { startsWith: "demostats" } }, select: { id: true } })) {
    // A data folder from before the rollups: count them once from the filings.
    if (
      !(await prisma.stepHistogram.findFirst({ select: { n: true } })) &&
      (await prisma.application.findFirst({ where: { acceptedAt: { not: null } }, select: { id: true } }))
    ) {
      await rebuildStatRollups(prisma);
    }
    return null;
  }
  const now = opts.now ?? new Date();
  const perYear = opts.filingsPerYear ?? 900;
  const rand = rng(20191128);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const cal = await loadCalendar(prisma, { fresh: true });
  const ruleSet = await prisma.ruleSet.findFirst({ where: { publishedAt: { not: null } }, orderBy: { effectiveFrom: "desc" }, select: { id: true } });
  const stations = (await prisma.policeStation.findMany({ where: { active: true }, orderBy: { code: "asc" } })).filter((s) => !KEEP_CLEAN.has(s.code));
  if (!stations.length) return null;

  // Each station's own demo clerk (signs the refusals; cannot sign in) and a few residents.
  const clerks = new Map<string, string>();
  for (const s of stations) {
    const u = await prisma.user.upsert({
      where: { username: `demo-${s.code.toLowerCase()}` },
      create: {
        username: `demo-${s.code.toLowerCase()}`,
        role: "clerk",
        realName: "示例民警",
        passwordHash: "!demo-no-login",
        stationId: s.id,
        disabled: true,
      },
      update: {},
    });
    clerks.set(s.id, u.id);
  }
  const residents: string[] = [];
  for (let i = 0; i < 20; i++) {
    const u = await prisma.user.upsert({
      where: { username: `demo-resident-${i}` },
      create: { username: `demo-resident-${i}`, role: "resident", realName: "示例申请人", passwordHash: "!demo-no-login", disabled: true },
      update: {},
    });
    residents.push(u.id);
  }

  const thisYear = Number(beijingDate(now).slice(0, 4));
  const lastDay = new Date(now.getTime() - 45 * 86_400_000); // submitted long enough ago to be closed
  const apps: Prisma.ApplicationCreateManyInput[] = [];
  const members: Prisma.HouseholdMemberCreateManyInput[] = [];
  const refusals: Prisma.ReviewActionCreateManyInput[] = [];
  const counters = new Map<string, { day: string; stationId: string; countyCode: string; channel: Channel; event: string; filings: number; persons: number }>();
  const count = (at: Date, s: { id: string; countyCode: string }, channel: Channel, event: string, persons: number) => {
    const day = beijingDate(at);
    const key = `${day}|${s.id}|${channel}|${event}`;
    const c = counters.get(key) ?? { day, stationId: s.id, countyCode: s.countyCode, channel, event, filings: 0, persons: 0 };
    c.filings += 1;
    c.persons += persons;
    counters.set(key, c);
  };
  let n = 0;
  const refs = new Map<number, number>();
  for (const year of [thisYear - 1, thisYear]) {
    const from = Date.UTC(year, 0, 2);
    const to = Math.min(Date.UTC(year, 11, 20), lastDay.getTime());
    if (to <= from) continue;
    const howMany = Math.round(perYear * ((to - from) / (365 * 86_400_000)));
    for (let k = 0; k < howMany; k++) {
      n += 1;
      const s = pick(stations);
      const channel = pick(CHANNELS);
      const submittedAt = new Date(from + rand() * (to - from));
      submittedAt.setUTCHours(1 + Math.floor(rand() * 8), Math.floor(rand() * 60)); // 09:00–17:00 Beijing
      const persons = channel === "residence" || channel === "family" ? 1 + Math.floor(rand() * rand() * 4) : 1;
      const r = rand();
      const status = r < 0.84 ? "registered" : r < 0.93 ? "refused" : "withdrawn";
      const supplementAt = rand() < 0.12 ? addWorkingDays(submittedAt, 1, cal) : null;
      const acceptedAt =
        status === "withdrawn" || (status === "refused" && rand() < 0.4)
          ? null
          : addWorkingDays(supplementAt ?? submittedAt, 1 + Math.floor(rand() * rand() * 7), cal);
      const decidedAt = status === "withdrawn" ? null : addWorkingDays(acceptedAt ?? submittedAt, 2 + Math.floor(rand() * rand() * 24), cal);
      const movedOutAt = status === "registered" ? new Date(decidedAt!.getTime() + (2 + Math.floor(rand() * 6)) * 86_400_000) : null;
      const completedAt = movedOutAt ? new Date(movedOutAt.getTime() + (1 + Math.floor(rand() * 8)) * 86_400_000) : null;
      const withdrawnAt = status === "withdrawn" ? new Date(submittedAt.getTime() + (1 + Math.floor(rand() * 5)) * 86_400_000) : null;
      // Settlements still under way at "now" are not closed yet: leave those out.
      if ((completedAt && completedAt > now) || (decidedAt && decidedAt > now)) continue;
      const refYear = Number(beijingDate(submittedAt).slice(0, 4));
      refs.set(refYear, (refs.get(refYear) ?? 0) + 1);
      const id = `demostats${String(n).padStart(6, "0")}`;
      const applicantName = pick([...SURNAMES]) + pick(GIVEN);
      const idNumber = (i: number) =>
        makeIdNumber(
          `411221${1960 + ((n + i * 7) % 45)}${String(1 + ((n + i) % 12)).padStart(2, "0")}${String(1 + ((n * 3 + i) % 28)).padStart(2, "0")}${String((n * 13 + i) % 1000).padStart(3, "0")}`,
        );
      const hukouType = rand() < 0.78 ? "rural" : "urban";
      apps.push({
        id,
        reference: `#${refYear}`, // numbered below, once the year's count is known
        residentId: pick(residents),
        channel,
        subtype:
          channel === "talent"
            ? pick(["college_graduate", "vocational_graduate", "skilled_worker", "veteran"])
            : channel === "rural_student"
              ? "after_graduation"
              : null,
        status,
        destinationCounty: s.countyCode,
        destinationAddress: `${s.address}${1 + (n % 200)}号`,
        stationId: s.id,
        answers: { channel, applicant: { hukouType } },
        applicantName,
        applicantIdNumber: idNumber(0),
        personsCount: persons,
        ruleSetId: ruleSet?.id ?? null,
        submittedAt,
        acceptedAt,
        decidedAt,
        completedAt,
        withdrawnAt,
        createdAt: submittedAt,
      });
      for (let i = 0; i < persons; i++) {
        members.push({
          applicationId: id,
          relation: i === 0 ? "self" : pick(RELATIONS),
          name: i === 0 ? applicantName : pick([...SURNAMES]) + pick(GIVEN),
          idNumber: idNumber(i),
          hukouType: i === 0 || rand() < 0.9 ? hukouType : "urban",
          sortOrder: i,
        });
      }
      count(submittedAt, s, channel, "submitted", persons);
      if (supplementAt) count(supplementAt, s, channel, "supplement_requested", persons);
      if (acceptedAt) count(acceptedAt, s, channel, "accepted", persons);
      if (decidedAt) count(decidedAt, s, channel, status === "refused" ? "refused" : "approved", persons);
      if (movedOutAt) count(movedOutAt, s, channel, "moved_out", persons);
      if (completedAt) count(completedAt, s, channel, "registered", persons);
      if (withdrawnAt) count(withdrawnAt, s, channel, "withdrawn", persons);
      if (status === "refused") {
        const codes = rand() < 0.25 ? [pick(REASONS), "documents_invalid"] : [pick(REASONS)];
        refusals.push({
          applicationId: id,
          clerkId: clerks.get(s.id)!,
          action: "refuse",
          reasonCodes: [...new Set(codes)],
          note: "经核查，不符合条件。",
          createdAt: decidedAt!,
        });
      }
    }
  }

  await prisma.$transaction(
    async (tx) => {
      // Reference numbers continue each year's sequence (SMX-YYYY-NNNNNN), in submission order.
      const next = new Map<number, number>();
      for (const [year, k] of refs) {
        const rows = await tx.$queryRaw<Array<{ last: number }>>`
          INSERT INTO "NumberSequence" ("name", "last") VALUES (${`reference-${year}`}, ${k})
          ON CONFLICT ("name") DO UPDATE SET "last" = "NumberSequence"."last" + ${k} RETURNING "last"`;
        next.set(year, Number(rows[0].last) - k + 1);
      }
      apps.sort((a, b) => (a.submittedAt as Date).getTime() - (b.submittedAt as Date).getTime());
      for (const a of apps) {
        const year = Number(String(a.reference).slice(1));
        const v = next.get(year)!;
        next.set(year, v + 1);
        a.reference = `SMX-${year}-${String(v).padStart(6, "0")}`;
      }
      for (let i = 0; i < apps.length; i += 500) await tx.application.createMany({ data: apps.slice(i, i + 500) });
      for (let i = 0; i < members.length; i += 1000) await tx.householdMember.createMany({ data: members.slice(i, i + 1000) });
      for (let i = 0; i < refusals.length; i += 500) await tx.reviewAction.createMany({ data: refusals.slice(i, i + 500) });
      // Added to whatever the main demo already counted on the same day and station.
      const rows = [...counters.values()];
      for (let i = 0; i < rows.length; i += 500) {
        const part = rows.slice(i, i + 500);
        await tx.$executeRaw`
          INSERT INTO "DailyCounter" ("day", "stationId", "countyCode", "channel", "event", "filings", "persons", "workingDays")
          SELECT d::date, s, c, ch::"Channel", e, f, p, 0
            FROM unnest(${part.map((r) => r.day)}::text[], ${part.map((r) => r.stationId)}::text[], ${part.map((r) => r.countyCode)}::text[],
                        ${part.map((r) => r.channel)}::text[], ${part.map((r) => r.event)}::text[], ${part.map((r) => r.filings)}::int[], ${part.map((r) => r.persons)}::int[])
                 AS t(d, s, c, ch, e, f, p)
          ON CONFLICT ("day", "stationId", "channel", "event")
          DO UPDATE SET "filings" = "DailyCounter"."filings" + EXCLUDED."filings", "persons" = "DailyCounter"."persons" + EXCLUDED."persons"`;
      }
    },
    { timeout: 180_000, maxWait: 30_000 },
  );
  // The main demo and this volume wrote DailyCounter as transition() does; the other rollups
  // (months, working-day histograms, refusal reasons, rural people) are counted from the filings.
  await rebuildStatRollups(prisma);
  return { filings: apps.length, persons: members.length };
}
