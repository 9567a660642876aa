import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { COUNTIES } from "@/lib/places";
import { STATIONS, COLLECTIVE_HOUSEHOLDS } from "./stations-data";
import { NATIONAL_CALENDAR } from "@/lib/calendar/holidays-data";
import { DEFAULT_RULE_SET_DATA, DEFAULT_RULE_SET_VERSION, PREVIOUS_DEFAULT_RULE_SET_VERSION } from "@/lib/rules/default-rule-set";

/**
 * Reference data every installation needs: the county-level units, their police stations,
 * the community collective households, the national holiday calendar, and the first rule set.
 * Idempotent: existing rows are left as admins may have changed them.
 */
export async function seedReferenceData(prisma: PrismaClient): Promise<void> {
  await prisma.$transaction(
    async (tx) => {
      for (const [i, c] of COUNTIES.entries()) {
        await tx.county.upsert({ where: { code: c.code }, create: { code: c.code, name: c.name, kind: c.kind, sortOrder: i }, update: {} });
      }
      for (const s of STATIONS) {
        await tx.policeStation.upsert({ where: { code: s.code }, create: s, update: {} });
      }
      const stationIds = new Map((await tx.policeStation.findMany({ select: { id: true, code: true, countyCode: true } })).map((s) => [s.code, s]));
      for (const h of COLLECTIVE_HOUSEHOLDS) {
        const st = stationIds.get(h.stationCode)!;
        await tx.collectiveHousehold.upsert({
          where: { name: h.name },
          create: {
            name: h.name,
            stationId: st.id,
            countyCode: st.countyCode,
            address: h.address,
            approvingOffice: h.approvingOffice,
            approvedAt: new Date("2020-03-01T00:00:00Z"),
          },
          update: {},
        });
      }
      await tx.calendarDay.createMany({
        data: NATIONAL_CALENDAR.map((d) => ({ date: new Date(`${d.date}T00:00:00Z`), kind: d.kind, name: d.name })),
        skipDuplicates: true,
      });
      // The shipped rule set, published, in force from `effectiveFrom`.
      const publishDefault = (effectiveFrom: Date, notes: string, publishedAt: Date) =>
        tx.ruleSet.create({
          data: { version: DEFAULT_RULE_SET_VERSION, effectiveFrom, data: DEFAULT_RULE_SET_DATA as unknown as Prisma.InputJsonValue, notes, publishedAt },
        });
      if ((await tx.ruleSet.count()) === 0) {
        await publishDefault(new Date("2019-11-28T00:00:00+08:00"), "依据三政办〔2019〕24号制定的初始规则集", new Date("2019-11-28T00:00:00+08:00"));
      } else {
        // Eligibility API 1.1: an installation still on the shipped v1 (no admin version after it) gets v1.1 beside it.
        const latest = await tx.ruleSet.findFirst({
          where: { publishedAt: { not: null } },
          orderBy: [{ effectiveFrom: "desc" }, { publishedAt: "desc" }],
          select: { version: true },
        });
        if (
          latest?.version === PREVIOUS_DEFAULT_RULE_SET_VERSION &&
          !(await tx.ruleSet.findUnique({ where: { version: DEFAULT_RULE_SET_VERSION }, select: { id: true } }))
        ) {
          await publishDefault(
            new Date("2026-11-30T00:00:00+08:00"),
            "资格预检接口 1.1：共同居住家属可依投靠人的合法稳定住所落户；未满16周岁者以户口簿页证明身份；直系亲属仅指直系血亲和配偶",
            new Date(),
          );
        }
      }
    },
    { timeout: 120_000, maxWait: 60_000 },
  );
}
