import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPrisma } from "@/tests/support/test-db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { seedReferenceData } from "@/lib/seed/reference-data";
import { seedDemoData } from "@/lib/seed/demo-data";
import { seedDashboardDemo } from "@/lib/stats/demo-stats";
import { transfersReport } from "@/lib/stats/transfers";
import { serviceReport } from "@/lib/stats/service";
import { makePeriod } from "@/lib/stats/period";

let prisma: PrismaClient;
let close: () => Promise<void>;
const now = new Date("2026-06-30T04:00:00Z");

beforeAll(async () => {
  ({ prisma, close } = await createTestPrisma());
  await seedReferenceData(prisma);
  await seedDemoData(prisma);
}, 300_000);
afterAll(async () => close?.());

describe("demo volume for the dashboards", () => {
  it("adds closed filings whose counters agree with the filings, once, away from the demo clerks' stations", async () => {
    const res = await seedDashboardDemo(prisma, { filingsPerYear: 300, now });
    expect(res!.filings).toBeGreaterThan(300);
    expect(await seedDashboardDemo(prisma, { now })).toBeNull();

    const clean = await prisma.policeStation.findMany({ where: { code: { in: ["411202-01", "411203-01"] } }, select: { id: true } });
    expect(await prisma.application.count({ where: { id: { startsWith: "demostats" }, stationId: { in: clean.map((s) => s.id) } } })).toBe(0);
    expect(await prisma.application.count({ where: { id: { startsWith: "demostats" }, status: { notIn: ["registered", "refused", "withdrawn"] } } })).toBe(0);

    // The counters (main demo + demo volume) say exactly what the filings say.
    const sum = async (event: string) => (await prisma.dailyCounter.aggregate({ where: { event }, _sum: { filings: true, persons: true } }))._sum;
    const registered = await prisma.application.aggregate({
      where: { status: "registered", completedAt: { not: null } },
      _count: { _all: true },
      _sum: { personsCount: true },
    });
    expect(await sum("registered")).toEqual({ filings: registered._count._all, persons: registered._sum.personsCount });
    // The month rollups and the histograms were counted too.
    const months = await prisma.monthlyCounter.aggregate({ where: { event: "registered" }, _sum: { filings: true } });
    expect(months._sum.filings).toBe(registered._count._all);
    const decided = await prisma.stepHistogram.aggregate({ where: { grain: "month", step: "decide" }, _sum: { n: true } });
    expect(decided._sum.n).toBe(await prisma.application.count({ where: { decidedAt: { not: null }, submittedAt: { not: null }, stationId: { not: null } } }));
    expect((await sum("submitted")).filings).toBe(await prisma.application.count({ where: { submittedAt: { not: null } } }));
    expect((await sum("refused")).filings).toBe(await prisma.application.count({ where: { status: "refused" } }));
    const persons = await prisma.householdMember.count({ where: { application: { id: { startsWith: "demostats" } } } });
    expect(persons).toBe((await prisma.application.aggregate({ where: { id: { startsWith: "demostats" } }, _sum: { personsCount: true } }))._sum.personsCount);

    const refs = await prisma.application.findMany({ where: { id: { startsWith: "demostats" } }, select: { reference: true } });
    expect(new Set(refs.map((r) => r.reference)).size).toBe(refs.length);
    expect(refs.every((r) => /^SMX-\d{4}-\d{6}$/.test(r.reference ?? ""))).toBe(true);

    // The dashboards now have something to show for last year.
    const t = await transfersReport(prisma, { kind: "city" }, makePeriod(2025), now);
    expect(t.total.registered.persons).toBeGreaterThan(200);
    const s = await serviceReport(prisma, { kind: "city" }, makePeriod(2025), now);
    expect(s.total.acceptance.count).toBeGreaterThan(100);
    expect(s.total.acceptance.median).not.toBeNull();
    expect(s.refusalsByReason.length).toBeGreaterThan(2);
  });
});
