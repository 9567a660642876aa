import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { createTestPrisma } from "@/tests/support/test-db";
import { runAction, type ActionDef } from "@/lib/auth/run-action";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { acceptFilingDef } from "@/lib/review/accept-filing";
import { approveFilingDef } from "@/lib/review/approve-filing";
import { refuseFilingDef } from "@/lib/review/refuse-filing";
import { recordMoveOutDef } from "@/lib/review/record-move-out";
import { recordRegistrationDef } from "@/lib/review/record-registration";
import { correctDecisionDef } from "@/lib/review/correct-decision";
import { beijingDate } from "@/lib/calendar/working-days";
import { rebuildStatRollups } from "@/lib/stats/rollups";
import { serviceReport } from "@/lib/stats/service";
import { transfersReport } from "@/lib/stats/transfers";
import { makePeriod, makeRangePeriod, splitRange } from "@/lib/stats/period";
import { createFiling, reload, setupWorld, type World } from "../review/fixtures";

/**
 * The rollups are kept by transition() itself, through the real clerk actions: the numbers
 * they give equal a full recount from the filings, reversed decisions count once (the final
 * decision), and corrections are counted separately.
 */

let prisma: PrismaClient;
let close: () => Promise<void>;
let w: World;
const IP = "10.0.0.9";

beforeAll(async () => {
  ({ prisma, close } = await createTestPrisma());
  w = await setupWorld(prisma);
}, 180_000);
afterAll(async () => close?.());

const HUBIN = { kind: "county" as const, countyCode: "411202", countyName: "湖滨区" };
const thisYear = () => makePeriod(Number(beijingDate(new Date()).slice(0, 4)));

/** The station head takes action `def` on filing `id`, at its current version. */
async function headActs<S extends z.ZodType, O>(def: ActionDef<S, O>, id: string, fields: Record<string, unknown> = {}): Promise<O> {
  return runAction(prisma, w.staff.head, IP, def, { applicationId: id, version: (await reload(prisma, id)).version, ...fields });
}

/** A complete filing assigned to the station head, who has accepted it. */
async function acceptedByHead() {
  const f = await createFiling(w, { status: "submitted", documents: "complete", assignedClerkId: w.staff.head.id });
  await headActs(acceptFilingDef, f.id);
  return f;
}

async function snapshot() {
  const hist = await prisma.stepHistogram.findMany({
    where: { n: { not: 0 } },
    orderBy: [{ grain: "asc" }, { bucket: "asc" }, { stationId: "asc" }, { clerkId: "asc" }, { step: "asc" }, { wd: "asc" }],
  });
  const refusals = await prisma.refusalCount.findMany({
    where: { n: { not: 0 } },
    orderBy: [{ grain: "asc" }, { bucket: "asc" }, { stationId: "asc" }, { clerkId: "asc" }, { code: "asc" }],
  });
  const months = await prisma.monthlyCounter.findMany({
    where: { filings: { not: 0 } },
    orderBy: [{ month: "asc" }, { stationId: "asc" }, { channel: "asc" }, { event: "asc" }],
  });
  const rural = await prisma.dailyCounter.findMany({
    where: { event: "registered" },
    select: { day: true, stationId: true, ruralPersons: true },
    orderBy: [{ day: "asc" }, { stationId: "asc" }],
  });
  return { hist, refusals, months, rural };
}

describe("rollups kept in the transition's transaction", () => {
  let reopened: string;

  it("a filing refused and reopened five times counts one refusal (the final decision) and four corrections", async () => {
    const f = await acceptedByHead();
    reopened = f.id;
    for (let i = 0; i < 5; i++) {
      await headActs(refuseFilingDef, f.id, { reasonCodes: i % 2 ? ["documents_invalid"] : ["residence_not_legal"], note: "经核查材料与申请信息不符" });
      if (i < 4) await headActs(correctDecisionDef, f.id, { kind: "reopen", note: "原决定有误，重新审核" });
    }
    const year = thisYear();
    const s = await serviceReport(prisma, HUBIN, year);
    expect(s.total.refusals).toBe(1);
    expect(s.total.corrections).toBe(4);
    expect(s.total.decision.count).toBe(1);
    // The last refusal's reason only (i = 4: residence_not_legal).
    expect(s.refusalsByReason.map((r) => [r.code, r.count])).toEqual([["residence_not_legal", 1]]);
    // The station's clerks: the head handled it.
    const st = await serviceReport(prisma, HUBIN, year, new Date(), w.stations.qianjin);
    const me = st.clerks!.find((c) => c.clerkId === w.staff.head.id)!;
    expect(me).toMatchObject({
      refusals: 1,
      reasons: { residence_not_legal: 1 },
    });
    expect(me.decision.count).toBe(1);
    expect(st.rows).toHaveLength(1);
  });

  it("a revoked approval counts as the refusal it became, and the approval goes away", async () => {
    const f = await acceptedByHead();
    const before = await transfersReport(prisma, HUBIN, thisYear());
    await headActs(approveFilingDef, f.id);
    await headActs(correctDecisionDef, f.id, { kind: "revoke", reasonCodes: ["documents_invalid"], note: "经核查结婚证系伪造" });
    const after = await transfersReport(prisma, HUBIN, thisYear());
    expect(after.total.approved.filings).toBe(before.total.approved.filings);
    expect(after.total.refused.filings).toBe(before.total.refused.filings + 1);
  });

  it("a registration counts its rural people (转户) and accept/decide steps land in the histograms", async () => {
    const f = await acceptedByHead();
    await headActs(approveFilingDef, f.id);
    await headActs(recordMoveOutDef, f.id, { originOffice: "卢氏县公安局城关派出所", movedOutOn: beijingDate(new Date()) });
    // The household as registered: the applicant and a child from a rural hukou, a spouse from an urban one.
    await prisma.householdMember.updateMany({
      where: { applicationId: f.id },
      data: { hukouType: "rural" },
    });
    await prisma.householdMember.createMany({
      data: [
        {
          applicationId: f.id,
          relation: "spouse",
          name: "配偶",
          idNumber: "110101199001011237",
          hukouType: "urban",
          sortOrder: 8,
        },
        {
          applicationId: f.id,
          relation: "child",
          name: "子女",
          idNumber: "110101201501011232",
          hukouType: "rural",
          sortOrder: 9,
        },
      ],
    });
    await headActs(recordRegistrationDef, f.id);
    const rows = await prisma.dailyCounter.findMany({
      where: { event: "registered", stationId: w.stations.qianjin },
    });
    const persons = await prisma.householdMember.count({
      where: { applicationId: f.id },
    });
    const urban = await prisma.householdMember.count({
      where: { applicationId: f.id, hukouType: "urban" },
    });
    expect(rows.reduce((a, r) => a + r.ruralPersons, 0)).toBe(persons - urban);
    expect(persons - urban).toBeGreaterThanOrEqual(2);
    const month = await prisma.monthlyCounter.findMany({
      where: { event: "registered", stationId: w.stations.qianjin },
    });
    expect(month.reduce((a, r) => a + r.ruralPersons, 0)).toBe(persons - urban);
  });

  it("the incremental rollups equal a full recount from the filings", async () => {
    const incremental = await snapshot();
    expect(incremental.hist.length).toBeGreaterThan(0);
    await rebuildStatRollups(prisma);
    const rebuilt = await snapshot();
    expect(rebuilt.hist).toEqual(incremental.hist);
    expect(rebuilt.refusals).toEqual(incremental.refusals);
    expect(rebuilt.months).toEqual(incremental.months);
    expect(rebuilt.rural).toEqual(incremental.rural);
    expect(reopened).toBeTruthy();
  });
});

describe("date ranges on rollups", () => {
  it("splits a range into whole months and edge days", () => {
    expect(splitRange("2025-01-01", "2026-01-01")).toEqual({
      months: ["2025-01-01", "2026-01-01"],
      days: [],
    });
    expect(splitRange("2025-03-15", "2025-06-11")).toEqual({
      months: ["2025-04-01", "2025-06-01"],
      days: [
        ["2025-03-15", "2025-04-01"],
        ["2025-06-01", "2025-06-11"],
      ],
    });
    expect(splitRange("2025-03-15", "2025-03-20")).toEqual({
      months: null,
      days: [["2025-03-15", "2025-03-20"]],
    });
  });

  it("a custom range reads the same numbers as the months and days it covers", async () => {
    const today = beijingDate(new Date());
    const day = await transfersReport(prisma, HUBIN, makeRangePeriod(today, today));
    const year = await transfersReport(prisma, HUBIN, makePeriod(Number(today.slice(0, 4))));
    expect(day.total.refused.filings).toBe(year.total.refused.filings);
    expect(day.total.refused.filings).toBeGreaterThan(0);
    const before = await transfersReport(prisma, HUBIN, makeRangePeriod("2020-01-01", "2020-12-31"));
    expect(before.total.refused.filings).toBe(0);
  });
});
