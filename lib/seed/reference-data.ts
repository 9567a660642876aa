import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { COUNTIES } from "@/lib/places";
import { STATIONS, COLLECTIVE_HOUSEHOLDS } from "./stations-data";
import { NATIONAL_CALENDAR } from "@/lib/calendar/holidays-data";
import { DEFAULT_RULE_SET_DATA, DEFAULT_RULE_SET_VERSION } from "@/lib/rules/default-rule-set";

/**
 * Reference data every installation needs: the county-level units, their police stations,
 * the community collective households, the national holiday calendar, and the first rule set.
 * Idempotent: existing rows are left as admins may have changed them.
 */
export async function seedReferenceData(prisma: PrismaClient): Promise<void> {
  await prisma.$transaction(async (tx) => {
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
        create: { name: h.name, stationId: st.id, countyCode: st.countyCode, address: h.address, approvingOffice: h.approvingOffice, approvedAt: new Date("2020-03-01T00:00:00Z") },
        update: {},
      });
    }
    await tx.calendarDay.createMany({
      data: NATIONAL_CALENDAR.map((d) => ({ date: new Date(`${d.date}T00:00:00Z`), kind: d.kind, name: d.name })),
      skipDuplicates: true,
    });
    if ((await tx.ruleSet.count()) === 0) {
      await tx.ruleSet.create({
        data: {
          version: DEFAULT_RULE_SET_VERSION,
          effectiveFrom: new Date("2019-11-28T00:00:00+08:00"),
          data: DEFAULT_RULE_SET_DATA as unknown as Prisma.InputJsonValue,
          notes: "依据三政办〔2019〕24号制定的初始规则集",
          publishedAt: new Date("2019-11-28T00:00:00+08:00"),
        },
      });
    }
  }, { timeout: 120_000, maxWait: 60_000 });
}
