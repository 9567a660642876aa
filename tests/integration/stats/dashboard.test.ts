import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPrisma } from "@/tests/support/test-db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { seedReferenceData } from "@/lib/seed/reference-data";
import { runAction } from "@/lib/auth/run-action";
import { DomainError } from "@/lib/errors";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { workingDaysBetween } from "@/lib/calendar/working-days";
import { exportDashboardCsvDef, viewDashboardDef, type Dashboard } from "@/lib/stats/dashboard";
import { makePeriod } from "@/lib/stats/period";
import { histogramPercentile, serviceReport } from "@/lib/stats/service";
import { transfersReport } from "@/lib/stats/transfers";
import { computePace } from "@/lib/stats/targets";
import { urbanizationReport } from "@/lib/stats/urbanization";
import { addFilings, bj, makeUsers, rural, urban, type StatsUsers } from "./stats-fixtures";

let prisma: PrismaClient;
let close: () => Promise<void>;
let u: StatsUsers;
const stationId: Record<string, string> = {};

beforeAll(async () => {
  ({ prisma, close } = await createTestPrisma());
  await seedReferenceData(prisma);
  u = await makeUsers(prisma);
  for (const s of await prisma.policeStation.findMany()) stationId[s.code] = s.id;

  await addFilings(prisma, [
    // 湖滨区, 前进派出所: three accepted filings (4, 7 and 1 working days to acceptance).
    // A: over the 2025 National Day holiday with its make-up Sunday (09-28) and Saturday (10-11).
    {
      station: "411202-01",
      status: "registered",
      channel: "residence",
      persons: [rural("self"), rural("spouse"), { relation: "child" }],
      answers: { applicant: { hukouType: "rural" } },
      dates: { submitted: "2025-09-26", accepted: "2025-10-09", decided: "2025-10-20", movedOut: "2025-10-22", completed: "2025-10-24" },
    },
    // B: late twice (7 working days to acceptance; 35 from acceptance to decision).
    {
      station: "411202-01",
      status: "approved",
      channel: "talent",
      persons: [urban("self")],
      dates: { submitted: "2025-03-03", supplement: "2025-03-04", accepted: "2025-03-12", decided: "2025-04-30" },
    },
    // C: accepted the next day, still open.
    { station: "411202-01", status: "accepted", channel: "residence", dates: { submitted: "2025-05-06", accepted: "2025-05-07", due: "2025-06-05" } },
    // D: refused without acceptance, two reasons.
    {
      station: "411202-01",
      status: "refused",
      channel: "family",
      dates: { submitted: "2025-06-03", decided: "2025-06-05" },
      refusalReasons: ["residence_not_legal", "documents_invalid"],
    },
    // E: 车站派出所 (same county): accepted after 1 working day, registered, applicant rural by the filing's answers only.
    {
      station: "411202-02",
      status: "registered",
      channel: "collective",
      persons: [{ relation: "self" }],
      answers: { hukouType: "rural" },
      dates: { submitted: "2025-07-01", accepted: "2025-07-02", decided: "2025-07-03", completed: "2025-07-10" },
    },
    // F: 陕州区 — must never show up in 湖滨区's numbers.
    {
      station: "411203-01",
      status: "registered",
      channel: "residence",
      persons: [rural("self"), rural("spouse")],
      dates: { submitted: "2025-02-10", accepted: "2025-02-11", decided: "2025-02-12", completed: "2025-02-20" },
    },
    // G: 湖滨区, registered in 2024 (before the period) — counted only in 2024 (one rural applicant, the default).
    { station: "411202-01", status: "registered", dates: { submitted: "2024-11-04", accepted: "2024-11-05", decided: "2024-11-06", completed: "2024-11-20" } },
    // H: an open filing past its due date now (the station's clock).
    { station: "411202-01", status: "submitted", channel: "talent", dates: { submitted: "2025-12-01", due: "2025-12-08" } },
  ]);

  // Population statistics (湖滨区, 陕州区) and targets for 2025.
  const stat = (countyCode: string, year: number, hukouTotal: number, hukouUrban: number, residentTotal: number, residentUrban: number) =>
    prisma.populationStat.create({ data: { countyCode, year, hukouTotal, hukouUrban, residentTotal, residentUrban } });
  await stat("411202", 2015, 100_000, 30_000, 110_000, 55_000); // 30 % / 50 %: gap 20
  await stat("411202", 2023, 100_000, 38_000, 110_000, 60_500); // 38 % / 55 %
  await stat("411202", 2024, 100_000, 39_000, 110_000, 60_500); // 39 % / 55 %: gap 16
  await stat("411203", 2015, 200_000, 40_000, 200_000, 80_000);
  await stat("411203", 2024, 200_000, 50_000, 200_000, 90_000);
  await stat("411203", 2025, 200_000, 56_000, 200_000, 92_000); // 28 % (+3), 46 %: gap 18 (was 20)
  await prisma.transferTarget.createMany({
    data: [
      { countyCode: "411202", year: 2025, target: 12_000 },
      { countyCode: "411203", year: 2025, target: 6_000 },
    ],
  });
}, 180_000);
afterAll(async () => close?.());

const view = (user: StatsUsers[keyof StatsUsers], input: Record<string, unknown>) =>
  runAction(prisma, user, "127.0.0.1", viewDashboardDef, input) as Promise<Dashboard>;

describe("scope", () => {
  it("a city official sees one row per county-level unit; a county official only their county, per station", async () => {
    const city = await view(u.city, { year: 2025 });
    expect(city.scope).toEqual({ kind: "city" });
    expect(city.transfers.units.map((x) => x.code)).toEqual(["411202", "411203", "411221", "411224", "411281", "411282", "SMX-SFQ", "SMX-KFQ"]);
    expect(city.urbanization.rows).toHaveLength(8);
    expect(city.service.rows).toHaveLength(8);

    const county = await view(u.hubin, { year: 2025 });
    expect(county.scope).toMatchObject({ kind: "county", countyCode: "411202" });
    const stations = await prisma.policeStation.findMany({ where: { countyCode: "411202" }, select: { id: true } });
    expect(county.transfers.units.map((x) => x.code).sort()).toEqual(stations.map((s) => s.id).sort());
    expect(county.urbanization.rows.map((r) => r.code)).toEqual(["411202"]);
    // 陕州区's filing F is nowhere in 湖滨区's numbers.
    expect(county.transfers.total.registered.persons).toBe(4);
  });

  it("another county by URL is not found for a county official (and the attempt is audited); a city official may open any", async () => {
    await expect(view(u.hubin, { year: 2025, county: "411203" })).rejects.toMatchObject({ code: "not_found" });
    const denied = await prisma.auditEvent.findFirst({ where: { actorId: u.hubin.id, action: "stats.dashboard.view.denied" } });
    expect(denied).not.toBeNull();
    await expect(view(u.hubin, { year: 2025, county: "411202" })).resolves.toMatchObject({ scope: { kind: "county", countyCode: "411202" } });
    const shanzhou = await view(u.city, { year: 2025, county: "411203" });
    expect(shanzhou.transfers.total.registered.persons).toBe(2);
    await expect(view(u.city, { year: 2025, county: "999999" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("only officials read dashboards: admins, auditors and clerks get not found", async () => {
    for (const who of [u.admin, u.auditor, u.clerk]) await expect(view(who, { year: 2025 })).rejects.toBeInstanceOf(DomainError);
  });

  it("the CSV export follows the same scope: BOM, quoted Chinese header, 404 for another county", async () => {
    const res = (await runAction(prisma, u.hubin, "127.0.0.1", exportDashboardCsvDef, { year: 2025, table: "service" })) as Response;
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toContain("filename*=UTF-8''");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0].split(",")[0]).toBe("派出所");
    expect(lines.some((l) => l.startsWith("三门峡市公安局湖滨分局前进派出所,3,4,6.4,"))).toBe(true);
    expect(lines.at(-1)!.startsWith("合计,4,")).toBe(true);
    await expect(runAction(prisma, u.hubin, "127.0.0.1", exportDashboardCsvDef, { year: 2025, table: "service", county: "411203" })).rejects.toMatchObject({
      code: "not_found",
    });
    const ev = await prisma.auditEvent.findFirst({ where: { actorId: u.hubin.id, action: "stats.export" }, orderBy: { id: "desc" } });
    expect(ev?.entityId).toBe("service");
  });
});

describe("transfers and targets", () => {
  it("counts filings per event and channel from the counters, and settled PEOPLE (a household counts every member)", async () => {
    const d = await view(u.hubin, { year: 2025 });
    const t = d.transfers;
    expect(t.total.submitted.filings).toBe(6); // A B C D E H
    expect(t.total.accepted.filings).toBe(4);
    expect(t.total.supplement_requested.filings).toBe(1);
    expect(t.total.refused.filings).toBe(1);
    expect(t.total.registered).toEqual({ filings: 2, persons: 4 }); // A (3 people) + E (1)
    const qianjin = t.units.find((x) => x.code === stationId["411202-01"])!;
    expect(qianjin.events.registered.persons).toBe(3);
    expect(t.byChannel.find((c) => c.channel === "collective")!.events.registered.persons).toBe(1);
    // Open right now: C (accepted), H (submitted), B (approved).
    expect(t.openTotal.accepted.filings).toBe(1);
    expect(t.openTotal.submitted.filings).toBe(1);
    expect(t.openTotal.approved.filings).toBe(1);
    // A month narrows the events, not the yearly target progress.
    const oct = await view(u.hubin, { year: 2025, month: 10 });
    expect(oct.transfers.total.registered.persons).toBe(3);
    expect(oct.transfers.total.submitted.filings).toBe(0);
    expect(oct.transfers.pace.done).toBe(4);
    // 2024 sees only G.
    const y2024 = await view(u.hubin, { year: 2024 });
    expect(y2024.transfers.total.registered.persons).toBe(1);
  });

  it("after the last recorded plan (2016–2020) shows 转户 (rural people) without targets and says no plan is recorded", async () => {
    const d = await view(u.city, { year: 2025 });
    expect(d.transfers.plan).toBeNull();
    expect(d.transfers.noPlanNote).toContain("没有已录入的落户工作方案");
    expect(d.transfers.noPlanNote).toContain("2020");
    expect(d.transfers.pace.target).toBeNull();
    expect(d.transfers.pace.status).toBe("no_target");
    expect(d.transfers.pace.done).toBe(6); // 湖滨区 4 rural people + 陕州区 2
    const hubin = d.transfers.units.find((x) => x.code === "411202")!;
    // The county's share is recorded, but with no plan in force nothing is measured against it.
    expect(hubin.pace).toMatchObject({ target: null, done: 4, status: "no_target" });
    expect(d.urbanization.plan.plan).toBeNull();
    expect(d.urbanization.city!.behind.filter((b) => b.includes("目标"))).toEqual([]);
  });

  it("computes the pace the rest of the year needs", () => {
    const now = bj("2026-07-02", 12); // day 183 of 365
    const p = computePace(2026, 36_500, 15_000, now);
    expect(p.daysElapsed).toBe(183);
    expect(p.daysRemaining).toBe(182);
    expect(p.expectedByNow).toBeCloseTo(18_300, 0);
    expect(p.status).toBe("behind");
    expect(p.neededPerDay).toBeCloseTo(21_500 / 182, 6);
    expect(p.projectedYearEnd).toBeCloseTo((15_000 * 365) / 183, 6);
    expect(computePace(2026, 36_500, 20_000, now).status).toBe("on_track");
    expect(computePace(2026, 36_500, 40_000, now).status).toBe("achieved");
    expect(computePace(2027, 36_500, 0, now).status).toBe("not_started");
  });
});

describe("urbanization", () => {
  it("computes both rates, their gap, the change against 2015 and the yearly rise, and says where a county is behind", async () => {
    const r = await urbanizationReport(prisma, { kind: "city" }, 2025, bj("2026-03-01"));
    const shanzhou = r.rows.find((x) => x.code === "411203")!;
    expect(shanzhou.registeredRate).toBeCloseTo(28, 10);
    expect(shanzhou.residentRate).toBeCloseTo(46, 10);
    expect(shanzhou.gap).toBeCloseTo(18, 10);
    expect(shanzhou.gap2015).toBeCloseTo(20, 10);
    expect(shanzhou.gapNarrowed).toBeCloseTo(2, 10);
    expect(shanzhou.rise).toBeCloseTo(3, 10);
    expect(shanzhou.behind).toEqual([]);
    expect(shanzhou.projection).toBeNull();

    const y2024 = await urbanizationReport(prisma, { kind: "county", countyCode: "411202", countyName: "湖滨区" }, 2024, bj("2026-03-01"));
    const hubin2024 = y2024.rows[0];
    expect(hubin2024.rise).toBeCloseTo(1, 10);
    expect(hubin2024.gapNarrowed).toBeCloseTo(20 - 16, 10);
    // No plan is in force after 2020: a yearly rise of 1 point is not flagged.
    expect(hubin2024.behind).toEqual([]);
    expect(hubin2024.avgRise).toBeNull();
    expect(y2024.trend.map((t) => t.year)).toEqual([2015, 2023, 2024]);
  });

  it("projects a year without statistics from the last ones plus the rural-to-urban settlements since, per person", async () => {
    const r = await urbanizationReport(prisma, { kind: "city" }, 2025, bj("2026-03-01"));
    const hubin = r.rows.find((x) => x.code === "411202")!;
    expect(hubin.stat).toBeNull();
    // Since 2025-01-01: A's applicant and spouse (rural members), A's child inherits the
    // applicant's rural hukou from the answers, E's applicant is rural by the answers; G (2024)
    // is in the base already; B was urban and is not registered; F is another county.
    expect(hubin.projection).toMatchObject({ baseYear: 2024, ruralSettled: 4 });
    expect(hubin.projection!.projectedRate).toBeCloseTo(((39_000 + 4) / 100_000) * 100, 10);
    expect(hubin.projection!.projectedRise).toBeCloseTo(0.004, 10);
    expect(hubin.behind).toEqual([]);
    // The city row sums the counties' populations.
    expect(r.city!.reported).toEqual({ counties: 1, of: 8 });
  });

  it("an admin's new statistics change the rates at once", async () => {
    await prisma.populationStat.create({
      data: { countyCode: "411202", year: 2025, hukouTotal: 100_000, hukouUrban: 41_500, residentTotal: 110_000, residentUrban: 61_600 },
    });
    const r = await urbanizationReport(prisma, { kind: "county", countyCode: "411202", countyName: "湖滨区" }, 2025, bj("2026-03-01"));
    expect(r.rows[0].registeredRate).toBeCloseTo(41.5, 10);
    expect(r.rows[0].rise).toBeCloseTo(2.5, 10);
    expect(r.rows[0].projection).toBeNull();
    await prisma.populationStat.delete({ where: { countyCode_year: { countyCode: "411202", year: 2025 } } });
  });
});

describe("service", () => {
  it("median and p90 working days to acceptance and decision per station, over holidays and make-up days", async () => {
    const s = await serviceReport(prisma, { kind: "county", countyCode: "411202", countyName: "湖滨区" }, makePeriod(2025), bj("2026-01-05"));
    const q = s.rows.find((x) => x.code === stationId["411202-01"])!;
    // Acceptance: A 4, B 7, C 1 → median 4, p90 4 + 0.8 × (7 − 4).
    expect(q.acceptance).toMatchObject({ count: 3, median: 4, late: 1 });
    expect(q.acceptance.p90).toBeCloseTo(6.4, 9);
    // Decision from submission: A 12, B 42, D 2 → median 12, p90 12 + 0.8 × 30; B late (35 after acceptance).
    expect(q.decision).toMatchObject({ count: 3, median: 12, late: 1 });
    expect(q.decision.p90).toBeCloseTo(36, 9);
    expect(q.overdueShare).toBeCloseTo(2 / 6, 10);
    expect(q.supplementRate).toBeCloseTo(1 / 5, 10);
    expect(q.refusals).toBe(1);
    expect(q.openOverdue).toBe(2); // C (accepted, due 2025-06-05) and H (submitted, due 2025-12-08)
    const zhan = s.rows.find((x) => x.code === stationId["411202-02"])!;
    expect(zhan.acceptance).toMatchObject({ count: 1, median: 1 });
    expect(s.total.acceptance).toMatchObject({ count: 4, median: 2.5 });
    expect(s.refusalsByReason.map((r) => [r.code, r.count, r.clause])).toEqual([
      ["documents_invalid", 1, "二"],
      ["residence_not_legal", 1, "二(二)"],
    ]);
    expect(s.refusalsByReason[0].byUnit[stationId["411202-01"]]).toBe(1);
  });

  it("the SQL working-day count equals lib/calendar's workingDaysBetween", async () => {
    const cal = await loadCalendar(prisma, { fresh: true });
    const pairs: Array<[Date, Date]> = [];
    let x = 7;
    const rnd = () => (x = (x * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 25; i++) {
      const a = new Date(Date.UTC(2025, 0, 1) + rnd() * 300 * 86_400_000);
      pairs.push([a, new Date(a.getTime() + rnd() * 60 * 86_400_000)]);
    }
    // Times just around Beijing midnight.
    pairs.push([new Date("2025-03-03T15:59:00Z"), new Date("2025-03-04T16:01:00Z")]);
    const rows = await prisma.$queryRawUnsafe<Array<{ i: number; wd: number }>>(
      `WITH cal AS (
         SELECT d::date AS day, SUM(CASE WHEN c."kind" = 'workday' THEN 1 WHEN c."kind" = 'holiday' THEN 0 WHEN EXTRACT(ISODOW FROM d) < 6 THEN 1 ELSE 0 END) OVER (ORDER BY d) AS ord
           FROM generate_series('2024-12-01'::date, '2026-01-31'::date, INTERVAL '1 day') d LEFT JOIN "CalendarDay" c ON c."date" = d::date),
       p AS (SELECT * FROM unnest($1::int[], $2::timestamp[], $3::timestamp[]) AS t(i, a, b))
       SELECT p.i, (cb.ord - ca.ord)::int AS wd FROM p
         JOIN cal ca ON ca.day = (p.a + INTERVAL '8 hours')::date
         JOIN cal cb ON cb.day = (p.b + INTERVAL '8 hours')::date ORDER BY p.i`,
      pairs.map((_, i) => i),
      pairs.map((p) => p[0].toISOString().replace("T", " ").replace("Z", "")),
      pairs.map((p) => p[1].toISOString().replace("T", " ").replace("Z", "")),
    );
    expect(rows.map((r) => r.wd)).toEqual(pairs.map(([a, b]) => workingDaysBetween(a, b, cal)));
  });

  it("the city view rolls stations up into their county", async () => {
    const s = await serviceReport(prisma, { kind: "city" }, makePeriod(2025), bj("2026-01-05"));
    expect(s.rows.find((r) => r.code === "411202")!.acceptance.count).toBe(4);
    expect(s.rows.find((r) => r.code === "411203")!.acceptance).toMatchObject({ count: 1, median: 1 });
    const t = await transfersReport(prisma, { kind: "city" }, makePeriod(2025), bj("2026-01-05"));
    expect(t.units.find((r) => r.code === "411203")!.events.registered.persons).toBe(2);
  });
});

describe("rollups follow new work at once", () => {
  it("a percentile from the histogram equals PostgreSQL's percentile_cont", async () => {
    let x = 11;
    const rnd = () => (x = (x * 48271) % 2147483647) / 2147483647;
    for (const size of [1, 2, 5, 37, 400]) {
      const values = Array.from({ length: size }, () => Math.floor(rnd() * rnd() * 40));
      const hist = new Map<number, number>();
      for (const v of values) hist.set(v, (hist.get(v) ?? 0) + 1);
      const [pg] = await prisma.$queryRawUnsafe<Array<{ m: number; p: number }>>(
        `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY v) AS m, percentile_cont(0.9) WITHIN GROUP (ORDER BY v) AS p FROM unnest($1::int[]) v`,
        values,
      );
      expect(histogramPercentile([...hist.entries()], 0.5)).toBeCloseTo(Number(pg.m), 9);
      expect(histogramPercentile([...hist.entries()], 0.9)).toBeCloseTo(Number(pg.p), 9);
    }
    expect(histogramPercentile([], 0.5)).toBeNull();
  });

  it("a new settlement and a new refusal on an already counted day change the projection and the reasons", async () => {
    const scope = { kind: "county" as const, countyCode: "411202", countyName: "湖滨区" };
    const before = (await urbanizationReport(prisma, scope, 2025, bj("2026-03-01"))).rows[0].projection!.ruralSettled;
    const serviceBefore = await serviceReport(prisma, scope, makePeriod(2025), bj("2026-01-05"));
    const refusalsBefore = serviceBefore.refusalsByReason;
    // Same day as A's registration (2025-10-24) and D's refusal (2025-06-05).
    await addFilings(prisma, [
      {
        station: "411202-03",
        status: "registered",
        persons: [rural("self"), urban("child")],
        dates: { submitted: "2025-09-01", accepted: "2025-09-02", decided: "2025-09-10", completed: bj("2025-10-24", 15) },
      },
      { station: "411202-03", status: "refused", dates: { submitted: "2025-06-02", decided: bj("2025-06-05", 16) }, refusalReasons: ["identity_unverified"] },
    ]);
    const after = (await urbanizationReport(prisma, scope, 2025, bj("2026-03-01"))).rows[0].projection!.ruralSettled;
    expect(after).toBe(before + 1);
    const refusalsAfter = (await serviceReport(prisma, scope, makePeriod(2025), bj("2026-01-05"))).refusalsByReason;
    expect(refusalsAfter.find((r) => r.code === "identity_unverified")?.count).toBe(
      (refusalsBefore.find((r) => r.code === "identity_unverified")?.count ?? 0) + 1,
    );
    expect(refusalsAfter.find((r) => r.code === "documents_invalid")?.count).toBe(1);
    const serviceAfter = await serviceReport(prisma, scope, makePeriod(2025), bj("2026-01-05"));
    expect(serviceAfter.total.acceptance.count).toBe(serviceBefore.total.acceptance.count + 1);
    expect(serviceAfter.total.decision.count).toBe(serviceBefore.total.decision.count + 2);
  });
});
