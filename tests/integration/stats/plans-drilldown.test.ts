import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPrisma } from "@/tests/support/test-db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { seedReferenceData } from "@/lib/seed/reference-data";
import { runAction } from "@/lib/auth/run-action";
import { viewDashboardDef, viewStationPerformanceDef, type Dashboard, type StationPerformance } from "@/lib/stats/dashboard";
import { viewOfficialFilingsDef, type OfficialFilings } from "@/lib/stats/official-filings";
import { viewSummaryEvaluationDef, type SummaryEvaluation } from "@/lib/stats/summary-evaluation";
import { transfersReport } from "@/lib/stats/transfers";
import { urbanizationReport } from "@/lib/stats/urbanization";
import { makePeriod } from "@/lib/stats/period";
import { COUNTY_CODES } from "@/lib/places";
import { addFilings, bj, makeUsers, rural, urban, type StatsUsers } from "./stats-fixtures";

/**
 * The plan 三政办〔2019〕24号 as data (seeded by the migration): period averages over
 * 2016–2020 and end states in 2020 for the city; counties for information; nothing after 2020.
 * The drill-down lists, station performance, alerts and the 2020 summary evaluation.
 */

let prisma: PrismaClient;
let close: () => Promise<void>;
let u: StatsUsers;
const NOW = bj("2026-03-02");
const city = { kind: "city" as const };

beforeAll(async () => {
  ({ prisma, close } = await createTestPrisma());
  await seedReferenceData(prisma);
  u = await makeUsers(prisma);
  // Every unit 100,000 people: registered 30 % → 36 % → 39 %; resident 50 % → 54 % → 56 %.
  for (const code of COUNTY_CODES) {
    for (const [year, hukouUrban, residentUrban] of [
      [2015, 30_000, 50_000],
      [2019, 36_000, 54_000],
      [2020, 39_000, 56_000],
    ] as const) {
      await prisma.populationStat.create({ data: { countyCode: code, year, hukouTotal: 100_000, hukouUrban, residentTotal: 100_000, residentUrban } });
    }
  }
  await addFilings(prisma, [
    // 转户: rural people settled. 2017: a household of three (two rural, one urban) in 湖滨区.
    {
      station: "411202-01",
      status: "registered",
      persons: [rural("self"), rural("spouse"), urban("child")],
      dates: { submitted: "2017-03-01", accepted: "2017-03-02", decided: "2017-03-10", completed: "2017-04-01" },
    },
    // 2019: one in 陕州区, one in the 城乡一体化示范区 (a zone: its own unit, not its host county's); one rural applicant each (the default).
    { station: "411203-01", status: "registered", dates: { submitted: "2019-05-06", accepted: "2019-05-07", decided: "2019-05-20", completed: "2019-06-03" } },
    { station: "SMX-SFQ-01", status: "registered", dates: { submitted: "2019-07-01", accepted: "2019-07-02", decided: "2019-07-10", completed: "2019-08-01" } },
    // Open filings: two overdue at 湖滨区's 前进派出所, one at 陕州区.
    { station: "411202-01", status: "submitted", dates: { submitted: "2026-01-05", due: "2026-01-12" } },
    { station: "411202-01", status: "accepted", dates: { submitted: "2026-01-05", accepted: "2026-01-06", due: "2026-02-03" } },
    { station: "411203-01", status: "submitted", dates: { submitted: "2026-01-05", due: "2026-01-12" } },
    // Refusals in 2026 at 前进派出所.
    { station: "411202-01", status: "refused", dates: { submitted: "2026-01-05", decided: "2026-01-20" }, refusalReasons: ["documents_invalid"] },
  ]);
}, 180_000);
afterAll(async () => close?.());

const run = <O>(user: StatsUsers[keyof StatsUsers], def: Parameters<typeof runAction>[3], input: Record<string, unknown>) =>
  runAction(prisma, user, "127.0.0.1", def, input) as Promise<O>;

describe("targets as the plan says (一)", () => {
  it("2019 is measured on the period's pace, never on the 2020 end state, and a single year is not 'missed'", async () => {
    const t = await transfersReport(prisma, city, makePeriod(2019), NOW);
    expect(t.plan?.documentNumber).toBe("三政办〔2019〕24号");
    expect(t.progress.byYear.map((y) => [y.year, y.transfers])).toEqual([
      [2016, 0],
      [2017, 2],
      [2018, 0],
      [2019, 2],
    ]);
    expect(t.progress.total).toBe(4);
    expect(t.progress.average).toBeCloseTo(1, 10);
    expect(t.progress.status).toBe("behind_pace");
    expect(t.pace.target).toBe(46_000);
    expect(t.pace.status).toBe("below_average");

    const r = await urbanizationReport(prisma, city, 2019, NOW);
    const flags = r.city!.behind.join("；");
    expect(flags).toContain("期中进度");
    expect(flags).not.toContain("37%");
    expect(flags).not.toContain("两率差距");
    // Counties are the city's breakdown: never flagged.
    expect(r.rows.every((x) => x.behind.length === 0)).toBe(true);
    expect(r.city!.avgRise).toBeCloseTo((36 - 30) / 4, 10);
  });

  it("2020 judges the averages and the end states for the city", async () => {
    const r = await urbanizationReport(prisma, city, 2020, NOW);
    const flags = r.city!.behind.join("；");
    expect(flags).toContain("年均提高1.80个百分点，未达到年均2个百分点的目标");
    expect(flags).not.toContain("低于到2020年37%"); // 39 % ≥ 37 %
    expect(flags).not.toContain("两率差距"); // 20 → 17: narrowed 3 ≥ 2
    const t = await transfersReport(prisma, city, makePeriod(2020), NOW);
    expect(t.progress.status).toBe("missed");
  });

  it("after the last plan there are no targets, and the page says so", async () => {
    const t = await transfersReport(prisma, city, makePeriod(2021), NOW);
    expect(t.plan).toBeNull();
    expect(t.pace.target).toBeNull();
    expect(t.noPlanNote).toContain("2020");
    const r = await urbanizationReport(prisma, city, 2021, NOW);
    expect(r.plan.noPlanNote).toContain("没有已录入的落户工作方案");
    expect(r.city!.behind.filter((b) => b.includes("目标"))).toEqual([]);
  });

  it("转户 is one number: target progress and the projection count the same rural people", async () => {
    // 2018 has no statistics: its projection starts from 2015 plus the rural people settled 2016–2018.
    const r = await urbanizationReport(prisma, city, 2018, NOW);
    const t = await transfersReport(prisma, city, makePeriod(2018), NOW);
    expect(r.city!.projection!.ruralSettled).toBe(t.progress.total);
    expect(t.progress.total).toBe(2); // 2017: applicant and spouse; the urban child is not a transfer
  });

  it("the management zones are units of their own: no double counting in their host county", async () => {
    const t = await transfersReport(prisma, city, makePeriod(2019), NOW);
    const zone = t.units.find((x) => x.code === "SMX-SFQ")!;
    expect(zone.events.registered.persons).toBe(1);
    const sum = t.units.reduce((a, x) => a + x.events.registered.persons, 0);
    expect(sum).toBe(t.total.registered.persons);
    expect(t.total.registered.persons).toBe(2);
    const county = await transfersReport(prisma, { kind: "county", countyCode: "411203", countyName: "陕州区" }, makePeriod(2019), NOW);
    expect(county.total.registered.persons).toBe(1);
  });
});

describe("2020 summary evaluation (四(二))", () => {
  it("the city is judged item by item; a county is shown for information with its share", async () => {
    const e = await run<SummaryEvaluation>(u.city, viewSummaryEvaluationDef, {});
    expect(e.plan.endYear).toBe(2020);
    expect(e.years.map((y) => y.year)).toEqual([2016, 2017, 2018, 2019, 2020]);
    expect(e.totalTransfers).toBe(4);
    expect(e.lines.map((l) => l.met)).toEqual([false, false, true, true]);
    expect(e.counties).toHaveLength(8);
    expect(e.counties.find((c) => c.code === "SMX-SFQ")!.totalTransfers).toBe(1);
    const hubin = await run<SummaryEvaluation>(u.hubin, viewSummaryEvaluationDef, {});
    expect(hubin.scope).toMatchObject({ kind: "county", countyCode: "411202" });
    expect(hubin.lines.every((l) => l.met === null)).toBe(true);
    expect(hubin.shareOfCity).toBeCloseTo(0.5, 10);
    await expect(run(u.hubin, viewSummaryEvaluationDef, { county: "411203" })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("every count drills down to its filings, within scope", () => {
  it("the overdue count of the dashboard is the number of filings listed", async () => {
    const d = await run<Dashboard>(u.city, viewDashboardDef, { year: 2026 });
    const hubinRow = d.service.rows.find((r) => r.code === "411202")!;
    const list = await run<OfficialFilings>(u.city, viewOfficialFilingsDef, {
      kind: "overdue",
      county: "411202",
    });
    expect(list.total).toBe(hubinRow.openOverdue);
    expect(list.total).toBeGreaterThan(0);
    expect(list.rows.every((r) => r.countyCode === "411202")).toBe(true);
    const all = await run<OfficialFilings>(u.city, viewOfficialFilingsDef, {
      kind: "overdue",
    });
    expect(all.total).toBe(d.service.total.openOverdue);
    expect(
      await prisma.auditEvent.count({
        where: { action: "stats.filings.view", actorId: u.city.id },
      }),
    ).toBeGreaterThanOrEqual(2);
  });

  it("refusals and open filings list the same filings the counts say; a county official stays in their county", async () => {
    const d = await run<Dashboard>(u.hubin, viewDashboardDef, { year: 2026 });
    const refused = await run<OfficialFilings>(u.hubin, viewOfficialFilingsDef, { kind: "refused", year: 2026 });
    expect(refused.total).toBe(d.service.total.refusals);
    expect(refused.scope).toMatchObject({
      kind: "county",
      countyCode: "411202",
    });
    const open = await run<OfficialFilings>(u.hubin, viewOfficialFilingsDef, {
      kind: "open",
    });
    expect(open.total).toBe(Object.values(d.transfers.openTotal).reduce((a, c) => a + c.filings, 0));
    await expect(
      run(u.hubin, viewOfficialFilingsDef, {
        kind: "overdue",
        county: "411203",
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    const other = await prisma.policeStation.findFirstOrThrow({
      where: { countyCode: "411203" },
    });
    await expect(
      run(u.hubin, viewOfficialFilingsDef, {
        kind: "overdue",
        station: other.id,
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(run(u.clerk, viewOfficialFilingsDef, { kind: "overdue" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("a station's performance per clerk; another county's station is not found", async () => {
    const qianjin = await prisma.policeStation.findFirstOrThrow({
      where: { code: "411202-01" },
    });
    const p = await run<StationPerformance>(u.city, viewStationPerformanceDef, {
      station: qianjin.id,
      year: 2026,
    });
    expect(p.service.station?.id).toBe(qianjin.id);
    expect(p.service.rows).toHaveLength(1);
    expect(p.service.total.refusals).toBe(1);
    expect(p.service.clerks!.length).toBeGreaterThan(0);
    const withRefusal = p.service.clerks!.find((c) => c.refusals > 0)!;
    expect(withRefusal.reasons).toEqual({ documents_invalid: 1 });
    const daying = await prisma.policeStation.findFirstOrThrow({
      where: { code: "411203-01" },
    });
    await expect(
      run(u.hubin, viewStationPerformanceDef, {
        station: daying.id,
        year: 2026,
      }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("alerts", () => {
  it("a station with open filings and no active clerk is named; a clerk posted there clears it", async () => {
    const d = await run<Dashboard>(u.city, viewDashboardDef, { year: 2026 });
    const daying = await prisma.policeStation.findFirstOrThrow({
      where: { code: "411203-01" },
    });
    expect(d.alerts.map((a) => a.stationId)).toContain(daying.id);
    expect(d.alerts.find((a) => a.stationId === daying.id)!.open).toBe(1);
    // 前进派出所 has a clerk (makeUsers): no alert.
    const qianjin = await prisma.policeStation.findFirstOrThrow({
      where: { code: "411202-01" },
    });
    expect(d.alerts.map((a) => a.stationId)).not.toContain(qianjin.id);
    await prisma.user.create({
      data: {
        role: "clerk",
        username: "daying-clerk",
        realName: "新民警",
        passwordHash: "x",
        stationId: daying.id,
      },
    });
    const after = await run<Dashboard>(u.city, viewDashboardDef, {
      year: 2026,
    });
    expect(after.alerts.map((a) => a.stationId)).not.toContain(daying.id);
  });
});
