import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPrisma } from "@/tests/support/test-db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { seedReferenceData } from "@/lib/seed/reference-data";
import { runAction, type ActionDef } from "@/lib/auth/run-action";
import { verifyPassword } from "@/lib/auth/password";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { isWorkingDay } from "@/lib/calendar/working-days";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { getCurrentRuleSet } from "@/lib/rules/rule-set-service";
import { DEFAULT_RULE_SET_DATA } from "@/lib/rules/default-rule-set";
import { urbanizationReport } from "@/lib/stats/urbanization";
import { createStaffDef, resetStaffPasswordDef, setStaffDisabledDef, updateStaffDef } from "@/lib/admin/staff-accounts";
import { createStationDef, updateStationDef } from "@/lib/admin/police-stations";
import { importNationalYearDef, removeCalendarDayDef, setCalendarDayDef } from "@/lib/admin/holiday-calendar";
import { removePopulationStatDef, savePopulationStatDef } from "@/lib/admin/population-stats";
import { saveSettlementPlanDef, saveTransferTargetsDef } from "@/lib/admin/transfer-targets";
import { DOCUMENT_SLOTS, compareRuleSetData, publishRuleSetDef, saveRuleSetDraftDef, slotGroups, type RuleSetEditInput } from "@/lib/admin/rule-set-editing";
import { makeUsers, type StatsUsers } from "../stats/stats-fixtures";

let prisma: PrismaClient;
let close: () => Promise<void>;
let u: StatsUsers;
const ip = "10.9.9.9";

beforeAll(async () => {
  ({ prisma, close } = await createTestPrisma());
  await seedReferenceData(prisma);
  u = await makeUsers(prisma);
}, 180_000);
afterAll(async () => close?.());

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a heterogeneous list of definitions
const admin = <O>(def: ActionDef<any, O>, input: unknown) => runAction(prisma, u.admin, ip, def, input);
const lastAudit = (action: string) => prisma.auditEvent.findFirst({ where: { action }, orderBy: { id: "desc" } });

describe("staff accounts", () => {
  it("creates a clerk with a one-time random password, audited without the password", async () => {
    const station = await prisma.policeStation.findUniqueOrThrow({ where: { code: "411221-01" } });
    const res = await admin(createStaffDef, { username: "Clerk-Mianchi", realName: "刘建军", role: "clerk", stationId: station.id, isStationHead: "on" });
    expect(res.username).toBe("clerk-mianchi");
    expect(res.temporaryPassword).toMatch(/^[A-Za-z2-9]{12}$/);
    const user = await prisma.user.findUniqueOrThrow({ where: { id: res.id } });
    expect(user).toMatchObject({ role: "clerk", stationId: station.id, isStationHead: true, countyCode: null, disabled: false });
    expect(await verifyPassword(res.temporaryPassword, user.passwordHash)).toBe(true);
    const ev = await lastAudit("admin.staff.create");
    expect(ev).toMatchObject({ actorId: u.admin.id, entityId: res.id, ip });
    expect(JSON.stringify(ev?.details)).not.toContain(res.temporaryPassword);
    expect(JSON.stringify(ev?.details)).not.toContain("passwordHash");
  });

  it("refuses a clerk without a station, a taken user name, and keeps field errors on the right field", async () => {
    await expect(admin(createStaffDef, { username: "x-clerk", realName: "王五", role: "clerk" })).rejects.toMatchObject({
      code: "validation_failed",
      issues: [{ path: "stationId" }],
    });
    await expect(admin(createStaffDef, { username: "admin-1", realName: "王五", role: "auditor" })).rejects.toMatchObject({
      code: "conflict",
      issues: [{ path: "username" }],
    });
  });

  it("changes role and placement (an official of a county, then of the city), disables and resets", async () => {
    const { id } = await admin(createStaffDef, { username: "leader-x", realName: "陈光明", role: "official", countyCode: "411224" });
    expect(await prisma.user.findUniqueOrThrow({ where: { id } })).toMatchObject({ countyCode: "411224", stationId: null });
    await admin(updateStaffDef, { id, realName: "陈光明", role: "official", countyCode: "" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id } })).countyCode).toBeNull();
    const ev = await lastAudit("admin.staff.update");
    expect(ev?.details).toMatchObject({ before: { countyCode: "411224" }, after: { countyCode: null } });

    await admin(setStaffDisabledDef, { id, disabled: true });
    expect((await prisma.user.findUniqueOrThrow({ where: { id } })).disabled).toBe(true);
    expect(await lastAudit("admin.staff.disable")).toMatchObject({ entityId: id });
    await admin(setStaffDisabledDef, { id, disabled: false });
    expect(await lastAudit("admin.staff.enable")).toMatchObject({ entityId: id });

    const before = (await prisma.user.findUniqueOrThrow({ where: { id } })).passwordHash;
    const reset = await admin(resetStaffPasswordDef, { id });
    const after = (await prisma.user.findUniqueOrThrow({ where: { id } })).passwordHash;
    expect(after).not.toBe(before);
    expect(await verifyPassword(reset.temporaryPassword, after)).toBe(true);
  });

  it("never locks out the last admin, nor lets an admin disable themselves, nor touches residents", async () => {
    await expect(admin(setStaffDisabledDef, { id: u.admin.id, disabled: true })).rejects.toMatchObject({ code: "invalid_state" });
    await expect(admin(updateStaffDef, { id: u.admin.id, realName: "管理员", role: "auditor" })).rejects.toMatchObject({ code: "invalid_state" });
    const resident = await prisma.user.create({ data: { role: "resident", mobile: "13912345678", realName: "居民", passwordHash: "x" } });
    await expect(admin(resetStaffPasswordDef, { id: resident.id })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("police stations", () => {
  it("creates and edits a station; a station with filings keeps its county and cannot close with open filings", async () => {
    const { id } = await admin(createStationDef, {
      code: "411202-09",
      name: "三门峡市公安局湖滨分局新区派出所",
      countyCode: "411202",
      address: "湖滨区新区路",
      phone: "0398-2811109",
    });
    expect(await lastAudit("admin.station.create")).toMatchObject({ entityId: id, stationId: id, countyCode: "411202" });
    await expect(admin(createStationDef, { code: "411202-09", name: "另一个所", countyCode: "411202", address: "某路" })).rejects.toMatchObject({
      code: "conflict",
      issues: [{ path: "code" }],
    });
    await admin(updateStationDef, { id, code: "411202-09", name: "三门峡市公安局湖滨分局新区派出所", countyCode: "411203", address: "陕州区某路" });
    expect((await prisma.policeStation.findUniqueOrThrow({ where: { id } })).countyCode).toBe("411203");

    await prisma.application.create({
      data: {
        residentId: u.clerk.id,
        channel: "residence",
        status: "submitted",
        destinationCounty: "411203",
        stationId: id,
        applicantName: "甲",
        applicantIdNumber: "x",
      },
    });
    await expect(
      admin(updateStationDef, { id, code: "411202-09", name: "三门峡市公安局湖滨分局新区派出所", countyCode: "411202", address: "湖滨区新区路" }),
    ).rejects.toMatchObject({
      code: "invalid_state",
      issues: [{ path: "countyCode" }],
    });
    await expect(
      admin(updateStationDef, { id, code: "411202-09", name: "三门峡市公安局湖滨分局新区派出所", countyCode: "411203", address: "陕州区某路", active: false }),
    ).rejects.toMatchObject({
      code: "invalid_state",
      issues: [{ path: "active" }],
    });
  });
});

describe("holiday calendar", () => {
  it("a new holiday or make-up day takes effect at once (the cached calendar is dropped)", async () => {
    const before = await loadCalendar(prisma); // now cached
    expect(isWorkingDay("2026-03-10", before)).toBe(true);
    await admin(setCalendarDayDef, { date: "2026-03-10", kind: "holiday", name: "测试假日" });
    expect(isWorkingDay("2026-03-10", await loadCalendar(prisma))).toBe(false);
    await admin(setCalendarDayDef, { date: "2026-03-14", kind: "workday", name: "测试调休上班" });
    expect(isWorkingDay("2026-03-14", await loadCalendar(prisma))).toBe(true);
    await admin(removeCalendarDayDef, { date: "2026-03-10" });
    expect(isWorkingDay("2026-03-10", await loadCalendar(prisma))).toBe(true);
    expect(await lastAudit("admin.calendar.remove")).toMatchObject({ entityId: "2026-03-10", details: { before: { kind: "holiday", name: "测试假日" } } });
  });

  it("refuses a make-up working day on a weekday, and imports a built-in national year without touching set days", async () => {
    await expect(admin(setCalendarDayDef, { date: "2026-03-11", kind: "workday", name: "错误" })).rejects.toMatchObject({ issues: [{ path: "date" }] });
    await prisma.calendarDay.deleteMany({ where: { date: { gte: new Date("2025-01-01T00:00:00Z"), lt: new Date("2026-01-01T00:00:00Z") } } });
    await prisma.calendarDay.create({ data: { date: new Date("2025-10-01T00:00:00Z"), kind: "holiday", name: "国庆节（已改名）" } });
    const res = await admin(importNationalYearDef, { year: 2025 });
    expect(res.added).toBeGreaterThan(20);
    expect((await prisma.calendarDay.findUniqueOrThrow({ where: { date: new Date("2025-10-01T00:00:00Z") } })).name).toBe("国庆节（已改名）");
    await expect(admin(importNationalYearDef, { year: 2030 })).rejects.toMatchObject({ code: "validation_failed" });
  });
});

describe("population statistics and targets", () => {
  it("an admin enters statistics and the rates change; impossible numbers are refused field by field", async () => {
    const scope = { kind: "county" as const, countyCode: "411221", countyName: "渑池县" };
    expect((await urbanizationReport(prisma, scope, 2025)).rows[0].registeredRate).toBeNull();
    await admin(savePopulationStatDef, {
      countyCode: "411221",
      year: "2025",
      hukouTotal: "300000",
      hukouUrban: "105000",
      residentTotal: "320000",
      residentUrban: "160000",
    });
    expect((await urbanizationReport(prisma, scope, 2025)).rows[0].registeredRate).toBeCloseTo(35, 10);
    await admin(savePopulationStatDef, {
      countyCode: "411221",
      year: 2025,
      hukouTotal: 300000,
      hukouUrban: 111000,
      residentTotal: 320000,
      residentUrban: 160000,
    });
    const r = (await urbanizationReport(prisma, scope, 2025)).rows[0];
    expect(r.registeredRate).toBeCloseTo(37, 10);
    expect(r.gap).toBeCloseTo(50 - 37, 10);
    expect(await lastAudit("admin.population.save")).toMatchObject({
      entityId: "411221/2025",
      countyCode: "411221",
      details: { before: { hukouUrban: 105000 }, after: { hukouUrban: 111000 } },
    });
    await expect(
      admin(savePopulationStatDef, { countyCode: "411221", year: 2025, hukouTotal: 100, hukouUrban: 101, residentTotal: 0, residentUrban: 0 }),
    ).rejects.toMatchObject({
      code: "validation_failed",
      issues: expect.arrayContaining([expect.objectContaining({ path: "hukouUrban" }), expect.objectContaining({ path: "residentTotal" })]),
    });
    await admin(removePopulationStatDef, { countyCode: "411221", year: 2025 });
    expect(await prisma.populationStat.count({ where: { countyCode: "411221" } })).toBe(0);
  });

  it("saves every county's share of a plan year at once; under the plan's yearly average it is refused unless a reason is given; no plan, no breakdown", async () => {
    const targets = { "411202": 12000, "411203": 6000, "411221": 5000, "411224": 3500, "411281": 3000, "411282": 9500, "SMX-SFQ": 4000, "SMX-KFQ": 3000 };
    expect(await admin(saveTransferTargetsDef, { year: 2019, targets })).toEqual({ year: 2019, sum: 46000, belowPlan: false, planAverage: 46000 });
    const low = { ...targets, "411202": "1000" };
    await expect(admin(saveTransferTargetsDef, { year: 2019, targets: low })).rejects.toMatchObject({
      code: "validation_failed",
      issues: [expect.objectContaining({ path: "reason" })],
    });
    expect((await prisma.transferTarget.findFirstOrThrow({ where: { year: 2019, countyCode: "411202" } })).target).toBe(12000);
    expect(await admin(saveTransferTargetsDef, { year: 2019, targets: low, reason: "湖滨区城区已基本完成转户，余量调整至灵宝市" })).toMatchObject({
      sum: 35000,
      belowPlan: true,
    });
    expect(await prisma.transferTarget.count({ where: { year: 2019 } })).toBe(8);
    expect(await lastAudit("admin.targets.save")).toMatchObject({
      details: { before: { "411202": 12000 }, after: { "411202": 1000 }, sum: 35000, reason: "湖滨区城区已基本完成转户，余量调整至灵宝市" },
    });
    // After the last recorded plan (2020) there is nothing to break down.
    await expect(admin(saveTransferTargetsDef, { year: 2027, targets })).rejects.toMatchObject({
      code: "validation_failed",
      issues: [expect.objectContaining({ path: "year" })],
    });
  });

  it("records a plan as data (document number, years, targets); overlapping years are refused", async () => {
    const plan = {
      documentNumber: "三政办〔2021〕9号",
      title: "“十四五”推动农业转移人口市民化实施方案",
      startYear: 2021,
      endYear: 2025,
      baselineYear: 2020,
      transfersPerYear: "30000",
      rateRisePerYear: "1.5",
      endRate: "",
      gapNarrowing: "",
    };
    await admin(saveSettlementPlanDef, plan);
    expect(await prisma.settlementPlan.findUniqueOrThrow({ where: { documentNumber: "三政办〔2021〕9号" } })).toMatchObject({
      startYear: 2021,
      transfersPerYear: 30000,
      rateRisePerYear: 1.5,
      endRate: null,
    });
    await expect(admin(saveSettlementPlanDef, { ...plan, documentNumber: "三政办〔2022〕1号", startYear: 2024, endYear: 2026 })).rejects.toMatchObject({
      code: "validation_failed",
    });
    await expect(admin(saveSettlementPlanDef, { ...plan, endYear: 2019 })).rejects.toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ path: "endYear" })]),
    });
    // 2023 is now under that plan: its breakdown is measured against 30,000.
    expect(
      await admin(saveTransferTargetsDef, {
        year: 2023,
        targets: { "411202": 10000, "411203": 5000, "411221": 5000, "411224": 2000, "411281": 2000, "411282": 6000, "SMX-SFQ": 0, "SMX-KFQ": 0 },
      }),
    ).toMatchObject({ sum: 30000, belowPlan: false, planAverage: 30000 });
    expect(await lastAudit("admin.plan.save")).toMatchObject({ details: { after: { documentNumber: "三政办〔2021〕9号" } } });
    await prisma.transferTarget.deleteMany({ where: { year: 2023 } });
    await prisma.settlementPlan.delete({ where: { documentNumber: "三政办〔2021〕9号" } });
  });
});

describe("rule sets", () => {
  const editInput = async (patch: (i: RuleSetEditInput) => void): Promise<RuleSetEditInput> => {
    const base = await getCurrentRuleSet(prisma, new Date(), { fresh: true });
    const documents = Object.fromEntries(DOCUMENT_SLOTS.map((s) => [s.key, slotGroups(base.data, s)]));
    const input: RuleSetEditInput = {
      baseId: base.id,
      version: `test/v${Math.random().toString(36).slice(2, 8)}`,
      effectiveFrom: "2026-01-01",
      documents,
      timeLimits: { ...base.data.timeLimits },
      refusalReasons: base.data.refusalReasons.map((r) => ({ ...r })),
      publish: false,
    };
    patch(input);
    return input;
  };

  it("saves an edited copy as a new draft, shows both side by side, and publishes it", async () => {
    const input = await editInput((i) => {
      i.timeLimits.acceptanceWorkingDays = 3;
      i.refusalReasons.push({ code: "address_unverifiable", label: "住所地址无法核实", clause: "二(二)" });
    });
    const saved = await admin(saveRuleSetDraftDef, input);
    expect(saved.published).toBe(false);
    const draft = await prisma.ruleSet.findUniqueOrThrow({ where: { id: saved.id } });
    expect(draft.publishedAt).toBeNull();
    const rows = compareRuleSetData(DEFAULT_RULE_SET_DATA, draft.data as unknown as typeof DEFAULT_RULE_SET_DATA);
    expect(rows.filter((r) => r.changed).map((r) => r.label)).toEqual(["受理时限（工作日）", "address_unverifiable"]);
    // Conditions are carried over unchanged.
    expect((draft.data as unknown as typeof DEFAULT_RULE_SET_DATA).conditions).toEqual(DEFAULT_RULE_SET_DATA.conditions);

    await admin(publishRuleSetDef, { id: saved.id });
    const current = await getCurrentRuleSet(prisma, new Date(), { fresh: true });
    expect(current.version).toBe(input.version);
    expect(current.data.timeLimits.acceptanceWorkingDays).toBe(3);
    expect(await lastAudit("admin.rules.publish")).toMatchObject({ entityId: saved.id, details: { version: input.version } });
    await expect(admin(publishRuleSetDef, { id: saved.id })).rejects.toMatchObject({ code: "invalid_state" });
  });

  it("refuses to publish a rule set requiring a property certificate of renters, naming 二(二), and audits the attempt", async () => {
    const before = await prisma.ruleSet.count();
    const input = await editInput((i) => {
      i.documents["residence.rented"] = [{ alternatives: ["property_certificate"], clause: "二(二)" }];
      i.publish = true;
    });
    const err = await admin(saveRuleSetDraftDef, input).catch((e) => e);
    expect(err).toMatchObject({ code: "forbidden_criterion" });
    expect(err.message).toContain("二(二)");
    expect(
      err.issues.some(
        (x: { path: string; message: string }) => x.path.startsWith("channels.residence.tenures.rented.documents") && x.message.includes("二(二)"),
      ),
    ).toBe(true);
    expect(await prisma.ruleSet.count()).toBe(before);
    expect(await lastAudit("admin.rules.save.denied")).toMatchObject({ actorId: u.admin.id, details: { code: "forbidden_criterion" } });
  });

  it("validates the edited parts with the rules guard (clauses, time limits) and keeps the version unique", async () => {
    const bad = await editInput((i) => {
      i.timeLimits.decisionWorkingDays = 0;
      i.documents["talent.veteran"] = [{ alternatives: ["discharge_certificate"], clause: "" }];
    });
    await expect(admin(saveRuleSetDraftDef, bad)).rejects.toMatchObject({
      code: "validation_failed",
      issues: expect.arrayContaining([
        expect.objectContaining({ path: "timeLimits.decisionWorkingDays" }),
        expect.objectContaining({ path: "channels.talent.subtypes.veteran.documents.0.clause" }),
      ]),
    });
    const dup = await editInput((i) => (i.version = "sanmenxia-2019-24/v1.1"));
    await expect(admin(saveRuleSetDraftDef, dup)).rejects.toMatchObject({ code: "conflict", issues: [{ path: "version" }] });
  });
});

describe("who may change settings", () => {
  const WRITE_DEFS = {
    createStaffDef,
    updateStaffDef,
    setStaffDisabledDef,
    resetStaffPasswordDef,
    createStationDef,
    updateStationDef,
    setCalendarDayDef,
    removeCalendarDayDef,
    importNationalYearDef,
    savePopulationStatDef,
    removePopulationStatDef,
    saveTransferTargetsDef,
    saveSettlementPlanDef,
    saveRuleSetDraftDef,
    publishRuleSetDef,
  };

  it("only admins: an auditor (read-only), an official or a clerk reaches no write path", async () => {
    for (const [name, def] of Object.entries(WRITE_DEFS)) {
      expect(def.opts.roles, name).toEqual(["admin"]);
      for (const who of [u.auditor, u.city, u.clerk]) {
        await expect(runAction(prisma, who, ip, def as ActionDef<never, unknown>, {}), `${name} as ${who.role}`).rejects.toMatchObject({ code: "not_found" });
      }
    }
  });

  it("every change above left an intact audit chain", async () => {
    const report = await verifyAuditChain(prisma);
    expect(report.ok).toBe(true);
    expect(report.checked).toBeGreaterThan(20);
  });
});
