import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPrisma } from "@/tests/support/test-db";
import { runAction } from "@/lib/auth/run-action";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/errors";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { addWorkingDays, startOfBeijingDay } from "@/lib/calendar/working-days";
import { listQueue, countQueueTabs, searchQueue, type QueueRow } from "@/lib/review/queue";
import { viewQueueDef, searchQueueDef } from "@/lib/review/view-queue";
import { stationWorkload } from "@/lib/review/station-workload";
import { maskIdNumber } from "@/lib/schemas/id-number";
import { createFiling, setupWorld, type World } from "./fixtures";

let prisma: PrismaClient;
let close: () => Promise<void>;
let w: World;
const now = new Date();
const ids = { open: [] as string[], decided: [] as string[] };
let memberIdNumber: string;
let otherStationFiling: string;

beforeAll(async () => {
  ({ prisma, close } = await createTestPrisma());
  w = await setupWorld(prisma);
  const cal = await loadCalendar(prisma, { fresh: true });
  // 40 submitted filings at 前进派出所 with due dates in clusters (ties on dueAt), some overdue,
  // some due within one working day, some far away, and three without a due date.
  for (let i = 0; i < 40; i++) {
    const dueAt = i < 3 ? null : new Date(now.getTime() + (Math.floor(i / 4) - 3) * 86_400_000);
    const f = await createFiling(w, { dueAt, documents: "none", channel: i % 5 === 0 ? "talent" : "residence", name: i === 7 ? "欧阳娜娜" : `申请人${i}` });
    ids.open.push(f.id);
  }
  // Decided filings, decision dates spread (with ties).
  for (let i = 0; i < 17; i++) {
    const f = await createFiling(w, {
      status: i % 3 === 0 ? "refused" : "registered",
      dueAt: null,
      decidedAt: new Date(now.getTime() - Math.floor(i / 2) * 86_400_000),
      documents: "none",
    });
    ids.decided.push(f.id);
  }
  const withSpouse = await createFiling(w, {
    status: "accepted",
    members: [{ relation: "spouse", name: "司马光" }],
    documents: "none",
    dueAt: addWorkingDays(now, 1, cal),
  });
  memberIdNumber = withSpouse.members[1].idNumber;
  ids.open.push(withSpouse.id);
  otherStationFiling = (await createFiling(w, { station: "daying", idNumber: memberIdNumber, name: "司马光" })).id;
});
afterAll(async () => close?.());

async function walk(tab: "new" | "decided", limit: number): Promise<QueueRow[]> {
  const cal = await loadCalendar(prisma);
  const out: QueueRow[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const page = await listQueue(prisma, { stationId: w.stations.qianjin }, { tab, after, limit }, now, cal);
    out.push(...page.rows);
    if (!page.next) break;
    expect(page.rows).toHaveLength(limit);
    after = page.next;
  }
  return out;
}

describe("keyset pagination", () => {
  it("walks every new filing exactly once in due-date order (ties by id, no due date last)", async () => {
    const rows = await walk("new", 7);
    const expected = await prisma.application.findMany({
      where: { stationId: w.stations.qianjin, status: "submitted" },
      orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      select: { id: true },
    });
    expect(rows.map((r) => r.id)).toEqual(expected.map((e) => e.id));
    expect(new Set(rows.map((r) => r.id)).size).toBe(40);
    expect(rows.slice(-3).every((r) => r.dueAt === null)).toBe(true);
  });

  it("walks backwards to the same pages", async () => {
    const cal = await loadCalendar(prisma);
    const filter = { stationId: w.stations.qianjin };
    const pages: QueueRow[][] = [];
    let after: string | null = null;
    let last;
    do {
      last = await listQueue(prisma, filter, { tab: "new", after, limit: 6 }, now, cal);
      pages.push(last.rows);
      after = last.next;
    } while (after);
    // From the last page, "previous" goes back page by page to the first.
    let before = last.prev;
    for (let p = pages.length - 2; p >= 0 && before; p--) {
      const page = await listQueue(prisma, filter, { tab: "new", before, limit: 6 }, now, cal);
      expect(page.rows.map((r) => r.id)).toEqual(pages[p].map((r) => r.id));
      before = page.prev;
      if (p === 0) expect(page.prev).toBeNull();
    }
  });

  it("the decided tab walks latest decision first", async () => {
    const rows = await walk("decided", 5);
    expect(rows.map((r) => r.id).sort()).toEqual([...ids.decided].sort());
    for (let i = 1; i < rows.length; i++) {
      const a = rows[i - 1].decidedAt!.getTime();
      const b = rows[i].decidedAt!.getTime();
      expect(a > b || (a === b && rows[i - 1].id > rows[i].id)).toBe(true);
    }
  });

  it("a tampered cursor starts at the top instead of failing", async () => {
    const cal = await loadCalendar(prisma);
    const page = await listQueue(prisma, { stationId: w.stations.qianjin }, { tab: "new", after: "not-a-cursor'; drop table", limit: 5 }, now, cal);
    expect(page.rows).toHaveLength(5);
    expect(page.prev).toBeNull();
  });
});

describe("tabs, counts and due dates", () => {
  it("counts every tab; due soon and overdue follow the working-day calendar", async () => {
    const cal = await loadCalendar(prisma);
    const counts = await countQueueTabs(prisma, { stationId: w.stations.qianjin }, now, cal);
    expect(counts.new).toBe(40);
    expect(counts.accepted).toBe(1);
    expect(counts.decided).toBe(17);
    const soonLimit = addWorkingDays(now, 1, cal);
    const clock = await prisma.application.findMany({
      where: { stationId: w.stations.qianjin, status: { in: ["submitted", "accepted"] }, dueAt: { not: null } },
      select: { dueAt: true },
    });
    expect(counts.overdue).toBe(clock.filter((c) => c.dueAt! < now).length);
    expect(counts.due_soon).toBe(clock.filter((c) => c.dueAt! >= now && c.dueAt! <= soonLimit).length);
    expect(counts.overdue).toBeGreaterThan(0);
    expect(counts.due_soon).toBeGreaterThan(0);
    for (const tab of ["overdue", "due_soon"] as const) {
      const page = await listQueue(prisma, { stationId: w.stations.qianjin }, { tab, limit: 100 }, now, cal);
      expect(page.rows).toHaveLength(counts[tab]);
      expect(page.rows.every((r) => r.due?.urgent)).toBe(true);
      if (tab === "overdue") expect(page.rows.every((r) => r.due?.overdue && r.due.label.startsWith("已超期"))).toBe(true);
    }
  });

  it("due soon and overdue stay exact at any clock: at Beijing midnight, just after it, mid-day and before the last minute", async () => {
    const cal = await loadCalendar(prisma);
    // Two filings held by a clerk (one overdue, one not), given back afterwards.
    const held = [ids.open[3], ids.open[30]];
    await prisma.application.updateMany({ where: { id: { in: held } }, data: { assignedClerkId: w.staff.clerk2.id } });
    const clock = await prisma.application.findMany({
      where: { stationId: w.stations.qianjin, status: { in: ["submitted", "accepted"] }, dueAt: { not: null } },
      select: { dueAt: true, assignedClerkId: true },
    });
    const midnight = startOfBeijingDay(new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10));
    const clocks = [0, 1, 3_600_000 * 13, 86_400_000 - 1, 86_400_000 * 2 + 1].map((ms) => new Date(midnight.getTime() + ms));
    // And the instants of a filing's due date and the one just after (boundaries are inclusive / exclusive as in the lists).
    const sample = clock.find((c) => c.dueAt! > now)!.dueAt!;
    clocks.push(sample, new Date(sample.getTime() + 1));
    for (const at of clocks) {
      const counts = await countQueueTabs(prisma, { stationId: w.stations.qianjin }, at, cal);
      const soonLimit = addWorkingDays(at, 1, cal);
      expect(counts.overdue, at.toISOString()).toBe(clock.filter((c) => c.dueAt! < at).length);
      expect(counts.due_soon, at.toISOString()).toBe(clock.filter((c) => c.dueAt! >= at && c.dueAt! <= soonLimit).length);
      // The station head's panel counts each clerk's overdue filings the same way.
      for (const row of await stationWorkload(prisma, w.stations.qianjin, at))
        expect(row.overdue, `${row.name} ${at.toISOString()}`).toBe(clock.filter((c) => c.dueAt! < at && c.assignedClerkId === row.clerkId).length);
    }
    expect((await stationWorkload(prisma, w.stations.qianjin, now)).find((r) => r.clerkId === w.staff.clerk2.id)?.overdue).toBe(1);
    await prisma.application.updateMany({ where: { id: { in: held } }, data: { assignedClerkId: null } });
  });

  it("the counters kept by database triggers equal a real count after inserts, updates, claims and deletes", async () => {
    const extra = await createFiling(w, { documents: "none", channel: "family" });
    await prisma.application.update({ where: { id: extra.id }, data: { assignedClerkId: w.staff.head.id } });
    await prisma.application.updateMany({ where: { id: extra.id }, data: { status: "accepted" } });
    await prisma.application.update({ where: { id: extra.id }, data: { answers: { edited: true } } }); // no key change
    await prisma.application.update({ where: { id: extra.id }, data: { dueAt: new Date(now.getTime() + 5 * 86_400_000) } }); // another day
    const gone = await createFiling(w, { documents: "none" });
    await prisma.application.delete({ where: { id: gone.id } });
    const real = await prisma.$queryRaw<{ k: string; n: number }[]>`
      SELECT "stationId" || '/' || "status" || '/' || "channel" || '/' || COALESCE("assignedClerkId", '') AS k, count(*)::int AS n
      FROM "Application" WHERE "stationId" IS NOT NULL GROUP BY 1`;
    const kept = await prisma.$queryRaw<{ k: string; n: number }[]>`
      SELECT "stationId" || '/' || "status" || '/' || "channel" || '/' || "assignedClerkId" AS k, "n" FROM "QueueCount" WHERE "n" <> 0`;
    const asMap = (rows: { k: string; n: number }[]) => Object.fromEntries(rows.map((r) => [r.k, Number(r.n)]));
    expect(asMap(kept)).toEqual(asMap(real));
    // Per Beijing day of the due date too; a day's row goes when its count reaches 0.
    const realDue = await prisma.$queryRaw<{ k: string; n: number }[]>`
      SELECT "stationId" || '/' || "status" || '/' || "channel" || '/' || COALESCE("assignedClerkId", '') || '/' || (("dueAt" + interval '8 hours')::date)::text AS k,
             count(*)::int AS n
      FROM "Application" WHERE "stationId" IS NOT NULL AND "dueAt" IS NOT NULL GROUP BY 1`;
    const keptDue = await prisma.$queryRaw<{ k: string; n: number }[]>`
      SELECT "stationId" || '/' || "status" || '/' || "channel" || '/' || "assignedClerkId" || '/' || "day"::text AS k, "n" FROM "QueueDueCount"`;
    expect(asMap(keptDue)).toEqual(asMap(realDue));
    const cal = await loadCalendar(prisma);
    const mine = await countQueueTabs(prisma, { stationId: w.stations.qianjin, assignedTo: w.staff.head.id }, now, cal);
    expect(mine.accepted).toBe(1);
    await prisma.application.delete({ where: { id: extra.id } });
  });

  it("rows show working days left and turn urgent at ≤ 1 working day", async () => {
    const cal = await loadCalendar(prisma);
    const page = await listQueue(prisma, { stationId: w.stations.qianjin }, { tab: "new", limit: 100 }, now, cal);
    for (const r of page.rows.filter((x) => x.due)) {
      expect(r.due!.urgent).toBe(r.due!.overdue || r.due!.daysLeft <= 1);
    }
    expect(page.rows.some((r) => r.due && !r.due.urgent && /^剩 \d+ 个工作日$/.test(r.due.label))).toBe(true);
  });

  it("filters by channel and by 'mine'", async () => {
    const cal = await loadCalendar(prisma);
    const talent = await listQueue(prisma, { stationId: w.stations.qianjin, channel: "talent" }, { tab: "new", limit: 100 }, now, cal);
    expect(talent.rows.length).toBe(8);
    expect(talent.rows.every((r) => r.channel === "talent")).toBe(true);
    const counts = await countQueueTabs(prisma, { stationId: w.stations.qianjin, channel: "talent" }, now, cal);
    expect(counts.new).toBe(8);
    await prisma.application.update({ where: { id: ids.open[10] }, data: { assignedClerkId: w.staff.clerk2.id } });
    const mine = await listQueue(prisma, { stationId: w.stations.qianjin, assignedTo: w.staff.clerk2.id }, { tab: "new" }, now, cal);
    expect(mine.rows.map((r) => r.id)).toEqual([ids.open[10]]);
    expect(mine.rows[0].assignedClerkName).toBe("赵晓梅");
  });

  it("make-up working days (调休) count: due soon on the Friday before a make-up Saturday", async () => {
    const cal = await loadCalendar(prisma, { fresh: true });
    const sat = [...cal.workdays].sort().find((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 6);
    expect(sat).toBeDefined();
    const satStart = startOfBeijingDay(sat!);
    const friday = new Date(satStart.getTime() - 14 * 3_600_000); // Friday 10:00 Beijing
    const endSat = new Date(satStart.getTime() + 86_400_000 - 1);
    const endMon = new Date(satStart.getTime() + 3 * 86_400_000 - 1);
    // Two accepted filings at 大营: due at the end of the make-up Saturday, and of the Monday after.
    const a = await createFiling(w, { station: "daying", status: "accepted", dueAt: endSat, documents: "none" });
    const b = await createFiling(w, { station: "daying", status: "accepted", dueAt: endMon, documents: "none" });
    const soon = await listQueue(prisma, { stationId: w.stations.daying }, { tab: "due_soon" }, friday, cal);
    // Saturday is a working day: 1 working day left (urgent); Monday is the second working day.
    expect(soon.rows.map((r) => r.id)).toEqual([a.id]);
    const all = await listQueue(prisma, { stationId: w.stations.daying }, { tab: "accepted" }, friday, cal);
    const byId = new Map(all.rows.map((r) => [r.id, r.due!]));
    expect(byId.get(a.id)).toMatchObject({ daysLeft: 1, urgent: true, label: "剩 1 个工作日" });
    expect(byId.get(b.id)).toMatchObject({ daysLeft: 2, urgent: false });
    await prisma.application.deleteMany({ where: { id: { in: [a.id, b.id] } } });
  });
});

describe("scope and search", () => {
  it("lists only the clerk's own station; another station's filings never appear", async () => {
    const cal = await loadCalendar(prisma);
    const theirs = await listQueue(prisma, { stationId: w.stations.daying }, { tab: "new", limit: 100 }, now, cal);
    expect(theirs.rows.map((r) => r.id)).toEqual([otherStationFiling]);
    const res = await runAction(prisma, w.staff.other, "1.2.3.4", viewQueueDef, { tab: "new" });
    expect(res.rows.map((r) => r.id)).toEqual([otherStationFiling]);
    expect(res.counts.new).toBe(1);
  });

  it("lists mask every ID number", async () => {
    const res = await runAction(prisma, w.staff.head, "1.2.3.4", viewQueueDef, { tab: "new" });
    const json = JSON.stringify(res);
    const full = await prisma.application.findMany({ where: { id: { in: res.rows.map((r) => r.id) } }, select: { applicantIdNumber: true } });
    for (const f of full) {
      expect(json).not.toContain(f.applicantIdNumber);
      expect(json).toContain(maskIdNumber(f.applicantIdNumber));
    }
  });

  it("finds by reference number, by a member's exact ID number and by name — only in the station", async () => {
    const cal = await loadCalendar(prisma);
    const one = await prisma.application.findUniqueOrThrow({ where: { id: ids.open[5] } });
    const byRef = await searchQueue(prisma, w.stations.qianjin, one.reference!.toLowerCase(), now, cal);
    expect(byRef.kind).toBe("reference");
    expect(byRef.rows.map((r) => r.id)).toEqual([one.id]);
    const byMemberId = await searchQueue(prisma, w.stations.qianjin, memberIdNumber, now, cal);
    expect(byMemberId.kind).toBe("id_number");
    // The spouse's number also files at 大营 as applicant: the clerk of 前进 sees only their own.
    expect(byMemberId.rows.map((r) => r.id)).toEqual([ids.open[40]]);
    // Part of an ID number now finds it too, and says so (issue 15).
    const partialId = await searchQueue(prisma, w.stations.qianjin, memberIdNumber.slice(0, 17), now, cal);
    expect(partialId.kind).toBe("digits");
    expect(partialId.rows.map((r) => r.id)).toEqual([ids.open[40]]);
    expect(partialId.rows[0].matched[0]).toContain("身份证号码包含");
    const byName = await searchQueue(prisma, w.stations.qianjin, "欧阳娜娜", now, cal);
    expect(byName.rows.map((r) => r.id)).toEqual([ids.open[7]]);
    const byMemberName = await searchQueue(prisma, w.stations.qianjin, "司马光", now, cal);
    expect(byMemberName.rows.map((r) => r.id)).toEqual([ids.open[40]]);
  });

  it("a search is audited without the search term", async () => {
    await runAction(prisma, w.staff.head, "1.2.3.4", searchQueueDef, { q: memberIdNumber });
    const ev = await prisma.auditEvent.findFirstOrThrow({ where: { action: "review.queue.search" }, orderBy: { id: "desc" } });
    expect(JSON.stringify({ ...ev, id: String(ev.id) })).not.toContain(memberIdNumber);
    expect(ev.details).toMatchObject({ search: "id_number", rows: 1 });
  });

  it("only clerks have a queue", async () => {
    await expect(runAction(prisma, w.staff.resident, "1.2.3.4", viewQueueDef, { tab: "new" })).rejects.toSatisfy(
      (e: unknown) => e instanceof DomainError && e.code === "not_found",
    );
  });
});
