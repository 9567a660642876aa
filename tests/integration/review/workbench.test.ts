import { todayInChinaIso } from "@/lib/schemas/eligibility";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPrisma } from "@/tests/support/test-db";
import { expectDomainError } from "@/tests/support/domain-error";
import { runAction } from "@/lib/auth/run-action";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/roles";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { transition } from "@/lib/filings/transition";
import { searchQueue } from "@/lib/review/queue";
import { viewQueueDef } from "@/lib/review/view-queue";
import { viewFilingDef } from "@/lib/review/view-filing";
import { approveFilingDef } from "@/lib/review/approve-filing";
import { claimFilingDef } from "@/lib/review/claim-filing";
import { recordMoveOutDef } from "@/lib/review/record-move-out";
import { recordRegistrationDef } from "@/lib/review/record-registration";
import { confirmMoveOutDef, resendMoveOutDef, returnMoveOutDef } from "@/lib/review/confirm-move-out";
import { assignFilingsDef } from "@/lib/review/assign-filings";
import { reviewDocumentDef, rejectedDocumentItems } from "@/lib/review/review-document";
import { requestSupplementDef } from "@/lib/review/request-supplement";
import { printLetterDef } from "@/lib/review/print-letter";
import { saveQueueViewDef } from "@/lib/review/saved-views";
import { pdfText } from "../../support/pdf-text";
import { REFUSAL_LETTER_SAYS } from "../../support/refusal-letter";
import { createFiling, refuseAsHead, freshId, reload, setupWorld, type World } from "./fixtures";

let prisma: PrismaClient;
let close: () => Promise<void>;
let w: World;
let lushi: SessionUser; // clerk of 卢氏县公安局城关派出所 (an origin station on the portal)
let lushiStation: string;
const IP = "10.9.9.9";

beforeAll(async () => {
  ({ prisma, close } = await createTestPrisma());
  w = await setupWorld(prisma);
  const st = await prisma.policeStation.findUniqueOrThrow({ where: { code: "411224-01" } });
  lushiStation = st.id;
  const u = await prisma.user.create({ data: { role: "clerk", username: "lushi-test", realName: "陈立", stationId: st.id, passwordHash: "x" } });
  lushi = { id: u.id, role: "clerk", realName: u.realName, username: u.username, mobile: null, stationId: st.id, isStationHead: false, countyCode: null };
});
afterAll(async () => close?.());

/** An accepted filing whose applicant's hukou is in `region`, approved by the station head. */
async function approvedFrom(region: string, name = "王芳") {
  const f = await createFiling(w, {
    status: "accepted",
    name,
    idNumber: freshId(region),
    answers: { hukouType: "rural", applicant: { hukouType: "rural", hukouRegion: region }, residence: { tenure: "rented", legal: true } },
  });
  await runAction(prisma, w.staff.head, IP, approveFilingDef, { applicationId: f.id, version: f.version });
  return reload(prisma, f.id);
}

describe("search", () => {
  it("finds by part of a name, the end of a reference, ID digits and phone — saying why each matched", async () => {
    const cal = await loadCalendar(prisma);
    const now = new Date();
    const yang = await createFiling(w, { name: "杨柳青" });
    const household = await createFiling(w, { name: "钱多多", members: [{ relation: "spouse", name: "赵娜" }] });
    const byPart = await searchQueue(prisma, w.stations.qianjin, "杨", now, cal);
    expect(byPart.kind).toBe("name");
    expect(byPart.rows.map((r) => r.id)).toContain(yang.id);
    expect(byPart.rows.find((r) => r.id === yang.id)?.matched).toEqual(["申请人姓名包含「杨」"]);
    const member = await searchQueue(prisma, w.stations.qianjin, "赵娜", now, cal);
    expect(member.rows.find((r) => r.id === household.id)?.matched).toEqual(["家庭成员赵娜（配偶）"]);
    const tail = yang.reference!.slice(-6);
    const byTail = await searchQueue(prisma, w.stations.qianjin, tail, now, cal);
    expect(byTail.kind).toBe("digits");
    expect(byTail.rows.find((r) => r.id === yang.id)?.matched).toContain(`受理编号末尾为 ${tail}`);
    const byRegion = await searchQueue(prisma, w.stations.qianjin, yang.applicantIdNumber.slice(0, 6), now, cal);
    expect(byRegion.rows.find((r) => r.id === yang.id)?.matched[0]).toContain("身份证号码包含");
    const phone = (await prisma.user.findUniqueOrThrow({ where: { id: w.staff.resident.id } })).mobile!;
    const byPhone = await searchQueue(prisma, w.stations.qianjin, phone, now, cal);
    expect(byPhone.kind).toBe("phone");
    expect(byPhone.rows.map((r) => r.id)).toContain(yang.id);
    // Another station's clerk finds none of them.
    expect((await searchQueue(prisma, w.stations.daying, "杨柳青", now, cal)).rows).toEqual([]);
    // LIKE wildcards are literal.
    expect((await searchQueue(prisma, w.stations.qianjin, "%", now, cal)).rows).toEqual([]);
  });
});

describe("queue tabs after a decision", () => {
  it("待迁出 and 待落户 have their own tabs with due dates; 已作出决定 keeps closed filings only", async () => {
    const approved = await approvedFrom("410323");
    expect(approved.originStationId).toBeNull(); // outside the city
    const q = await runAction(prisma, w.staff.head, IP, viewQueueDef, { tab: "move_out" });
    const row = q.rows.find((r) => r.id === approved.id)!;
    expect(row.due?.daysLeft).toBeGreaterThanOrEqual(9);
    expect(q.counts.move_out).toBeGreaterThanOrEqual(1);
    const decided = await runAction(prisma, w.staff.head, IP, viewQueueDef, { tab: "decided" });
    expect(decided.rows.map((r) => r.id)).not.toContain(approved.id);
    await runAction(prisma, w.staff.head, IP, recordMoveOutDef, {
      applicationId: approved.id,
      version: approved.version,
      originOffice: "河南省洛阳市新安县公安局",
      movedOutOn: todayInChinaIso(), // the clerk types the Beijing date (the UTC date lags it from 16:00 UTC)
    });
    const reg = await runAction(prisma, w.staff.head, IP, viewQueueDef, { tab: "registration" });
    expect(reg.rows.find((r) => r.id === approved.id)?.due).not.toBeNull();
  });
});

describe("move-out inside the city (最多跑一次)", () => {
  it("an approved filing from 卢氏县 waits in the origin station's 迁出确认 tab; its clerk confirms; the destination sees it at once", async () => {
    const f = await approvedFrom("411224", "刘卢氏");
    expect(f.originStationId).toBe(lushiStation);
    expect(f.moveOutRequestedAt).not.toBeNull();
    // The destination may not type this move-out.
    const typed = await expectDomainError(
      runAction(prisma, w.staff.head, IP, recordMoveOutDef, {
        applicationId: f.id,
        version: f.version,
        originOffice: "卢氏县公安局",
        movedOutOn: todayInChinaIso(), // the clerk types the Beijing date (the UTC date lags it from 16:00 UTC)
      }),
    );
    expect(typed.code).toBe("invalid_state");
    const q = await runAction(prisma, lushi, IP, viewQueueDef, { tab: "origin" });
    expect(q.rows.map((r) => r.id)).toContain(f.id);
    expect(q.counts.origin).toBeGreaterThanOrEqual(1);
    expect(q.rows.find((r) => r.id === f.id)?.stationName).toContain("前进");
    // Another station's clerk cannot confirm it.
    expect((await expectDomainError(runAction(prisma, w.staff.other, IP, confirmMoveOutDef, { applicationId: f.id, version: f.version }))).code).toBe(
      "not_found",
    );
    const outboxBefore = await prisma.outboxMessage.count();
    const res = await runAction(prisma, lushi, IP, confirmMoveOutDef, { applicationId: f.id, version: f.version });
    expect(res.status).toBe("moved_out");
    const after = await reload(prisma, f.id);
    expect(after).toMatchObject({ status: "moved_out", moveOutOffice: "卢氏县公安局城关派出所" });
    expect(after.originWorkingDays).toBe(0);
    expect(after.dueAt).not.toBeNull();
    expect(await prisma.outboxMessage.count()).toBe(outboxBefore + 1);
    const ev = await prisma.statusEvent.findFirstOrThrow({ where: { applicationId: f.id, type: "move_out_confirmed" } });
    expect(ev.actorId).toBe(lushi.id);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { applicationId: f.id, action: "review.confirm_move_out" } });
    expect(audit.stationId).toBe(lushiStation);
    // The holder (the destination's head) has a message; the destination's 待落户 tab shows it.
    expect(await prisma.notification.count({ where: { userId: w.staff.head.id, applicationId: f.id } })).toBe(1);
    const reg = await runAction(prisma, w.staff.head, IP, viewQueueDef, { tab: "registration" });
    expect(reg.rows.map((r) => r.id)).toContain(f.id);
    await runAction(prisma, w.staff.head, IP, recordRegistrationDef, { applicationId: f.id, version: after.version });
    expect((await reload(prisma, f.id)).status).toBe("registered");
  });

  it("the origin returns the request with a reason from the list; the destination resends it", async () => {
    const f = await approvedFrom("411224", "孙退回");
    const bad = await expectDomainError(runAction(prisma, lushi, IP, returnMoveOutDef, { applicationId: f.id, version: f.version, reasonCode: "made_up" }));
    expect(bad.code).toBe("validation_failed");
    await runAction(prisma, lushi, IP, returnMoveOutDef, { applicationId: f.id, version: f.version, reasonCode: "identity_mismatch" });
    const back = await reload(prisma, f.id);
    expect(back.status).toBe("approved");
    expect(back.moveOutReturnReason).toContain("信息与户籍档案不符");
    const q = await runAction(prisma, lushi, IP, viewQueueDef, { tab: "origin" });
    expect(q.rows.map((r) => r.id)).not.toContain(f.id);
    const mine = await runAction(prisma, w.staff.head, IP, viewQueueDef, { tab: "move_out" });
    expect(mine.rows.find((r) => r.id === f.id)?.moveOutReturned).toBe(true);
    await runAction(prisma, w.staff.head, IP, resendMoveOutDef, { applicationId: f.id, version: back.version });
    const again = await runAction(prisma, lushi, IP, viewQueueDef, { tab: "origin" });
    expect(again.rows.map((r) => r.id)).toContain(f.id);
  });
});

describe("the station head", () => {
  it("sees each clerk's workload and reassigns several filings at once", async () => {
    const a = await createFiling(w, { assignedClerkId: w.staff.head.id });
    const b = await createFiling(w);
    await runAction(prisma, w.staff.head, IP, assignFilingsDef, { applicationIds: [a.id, b.id], clerkId: w.staff.clerk2.id });
    expect((await reload(prisma, a.id)).assignedClerkId).toBe(w.staff.clerk2.id);
    expect((await reload(prisma, b.id)).assignedClerkId).toBe(w.staff.clerk2.id);
    const q = await runAction(prisma, w.staff.head, IP, viewQueueDef, { tab: "new" });
    const clerk2 = q.workload!.find((x) => x.clerkId === w.staff.clerk2.id)!;
    expect(clerk2.byStatus.submitted).toBeGreaterThanOrEqual(2);
    expect(q.workload!.some((x) => x.clerkId === null)).toBe(true);
    // Not for an ordinary clerk; and one closed filing refuses the lot.
    expect(
      (await expectDomainError(runAction(prisma, w.staff.clerk2, IP, assignFilingsDef, { applicationIds: [a.id], clerkId: w.staff.clerk2.id }))).code,
    ).toBe("forbidden");
    const closed = await createFiling(w, { status: "registered", dueAt: null });
    const c = await createFiling(w);
    expect(
      (await expectDomainError(runAction(prisma, w.staff.head, IP, assignFilingsDef, { applicationIds: [c.id, closed.id], clerkId: w.staff.head.id }))).code,
    ).toBe("invalid_state");
    expect((await reload(prisma, c.id)).assignedClerkId).toBeNull();
    expect((await runAction(prisma, w.staff.clerk2, IP, viewQueueDef, { tab: "new" })).workload).toBeNull();
  });

  it("saves a view; the claim clash does not tell the head to ask the head", async () => {
    await runAction(prisma, w.staff.head, IP, saveQueueViewDef, { name: "我的待落户", query: { tab: "registration", mine: true } });
    const q = await runAction(prisma, w.staff.head, IP, viewQueueDef, { tab: "new" });
    expect(q.views.map((v) => v.name)).toContain("我的待落户");
    const f = await createFiling(w, { assignedClerkId: w.staff.clerk2.id });
    const head = await expectDomainError(runAction(prisma, w.staff.head, IP, claimFilingDef, { applicationId: f.id }));
    expect(head.message).not.toContain("联系所长");
    expect(head.message).toContain("改派");
    const g = await createFiling(w, { assignedClerkId: w.staff.head.id });
    const clerk = await expectDomainError(runAction(prisma, w.staff.clerk2, IP, claimFilingDef, { applicationId: g.id }));
    expect(clerk.message).toContain("联系所长");
  });
});

describe("supplement answered", () => {
  it("marks the filing 补正已提交 and tells the clerk who holds it", async () => {
    const f = await createFiling(w, { status: "supplement_requested", assignedClerkId: w.staff.clerk2.id });
    await prisma.$transaction((tx) =>
      transition(tx, {
        applicationId: f.id,
        from: ["supplement_requested"],
        to: "submitted",
        event: "resubmitted",
        actorId: w.staff.resident.id,
        counter: null,
      }),
    );
    const q = await runAction(prisma, w.staff.clerk2, IP, viewQueueDef, { tab: "new", mine: true });
    expect(q.rows.find((r) => r.id === f.id)?.supplementAnswered).toBe(true);
    expect(q.messages.map((m) => m.applicationId)).toContain(f.id);
    // Opening the filing reads the message — and writes exactly one audit event.
    const before = await prisma.auditEvent.count({ where: { applicationId: f.id } });
    await runAction(prisma, w.staff.clerk2, IP, viewFilingDef, { applicationId: f.id });
    expect(await prisma.auditEvent.count({ where: { applicationId: f.id } })).toBe(before + 1);
    const q2 = await runAction(prisma, w.staff.clerk2, IP, viewQueueDef, { tab: "new", mine: true });
    expect(q2.messages.map((m) => m.applicationId)).not.toContain(f.id);
  });
});

describe("documents and letters", () => {
  it("a rejected document (reason from the list) prefills the next supplement notice", async () => {
    const f = await createFiling(w);
    const docs = await prisma.document.findMany({ where: { applicationId: f.id }, orderBy: { uploadedAt: "asc" } });
    await runAction(prisma, w.staff.head, IP, reviewDocumentDef, { applicationId: f.id, documentId: docs[0].id, verdict: "verified" });
    expect(
      (
        await expectDomainError(
          runAction(prisma, w.staff.head, IP, reviewDocumentDef, { applicationId: f.id, documentId: docs[1].id, verdict: "rejected", reasonCode: "nope" }),
        )
      ).code,
    ).toBe("validation_failed");
    await runAction(prisma, w.staff.head, IP, reviewDocumentDef, {
      applicationId: f.id,
      documentId: docs[1].id,
      verdict: "rejected",
      reasonCode: "unreadable",
    });
    expect((await prisma.document.findUniqueOrThrow({ where: { id: docs[0].id } })).reviewStatus).toBe("verified");
    const items = await rejectedDocumentItems(prisma, f.id);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ documentId: docs[1].id, code: docs[1].docType, reasonCode: "unreadable" });
    const res = await runAction(prisma, w.staff.head, IP, requestSupplementDef, { applicationId: f.id, version: f.version });
    expect(res.items.map((i) => i.code)).toContain(docs[1].docType);
    const letter = await runAction(prisma, w.staff.head, IP, printLetterDef, { applicationId: f.id, kind: "supplement" });
    const text = await pdfText(letter.pdf);
    expect(text).toContain("补正告知书");
    expect(text).toContain("图像模糊");
  });

  it("the refusal decision letter states the reasons with their clauses and the remedies with the bodies", async () => {
    const f = await createFiling(w, { status: "accepted" });
    await refuseAsHead(w, f, ["residence_not_lived_in"], "经实地核查未在该住所居住");
    const out = await runAction(prisma, w.staff.clerk2, IP, printLetterDef, { applicationId: f.id, kind: "refusal" });
    const text = (await pdfText(out.pdf)).replace(/\n/g, "");
    for (const words of [...REFUSAL_LETTER_SAYS, "申请人并未在该住所实际居住生活", "二(二)", "湖滨区人民政府", "湖滨区人民法院提起行政诉讼"]) {
      expect(text).toContain(words);
    }
    // Only for a refused filing; not for another station.
    const open = await createFiling(w);
    expect((await expectDomainError(runAction(prisma, w.staff.head, IP, printLetterDef, { applicationId: open.id, kind: "refusal" }))).code).toBe(
      "invalid_state",
    );
    expect((await expectDomainError(runAction(prisma, w.staff.other, IP, printLetterDef, { applicationId: f.id, kind: "refusal" }))).code).toBe("not_found");
  });
});

describe("the holiday calendar warning", () => {
  it("from November, until next year's calendar is entered", async () => {
    const { missingNextYearCalendar } = await import("@/lib/calendar/calendar-warning");
    const year = Number(new Date().toISOString().slice(0, 4)) + 5;
    const nov = new Date(`${year - 1}-11-15T04:00:00Z`);
    expect(await missingNextYearCalendar(prisma, new Date(`${year - 1}-10-15T04:00:00Z`))).toBeNull();
    expect(await missingNextYearCalendar(prisma, nov)).toBe(year);
    await prisma.calendarDay.create({ data: { date: new Date(`${year}-01-01T00:00:00Z`), kind: "holiday", name: "元旦" } });
    expect(await missingNextYearCalendar(prisma, nov)).toBeNull();
  });
});

describe("the demo", () => {
  it("gives demo filings small documents so 受理 can be shown, a 卢氏县 origin clerk and a filing in their 迁出确认 tab", async () => {
    const { createTestPrisma: fresh } = await import("@/tests/support/test-db");
    const { seedDemoData } = await import("@/lib/seed/demo-data");
    const { seedReferenceData } = await import("@/lib/seed/reference-data");
    const { setFileStorage } = await import("@/lib/storage/get-file-storage");
    const { LocalFileStorage } = await import("@/lib/storage/local-file-storage");
    const { mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const files = new LocalFileStorage(mkdtempSync(join(tmpdir(), "luohu-demo-files-")));
    setFileStorage(files);
    const db = await fresh();
    try {
      await seedReferenceData(db.prisma);
      await seedDemoData(db.prisma);
      const submitted = await db.prisma.application.findMany({ where: { status: "submitted" }, select: { id: true, _count: { select: { documents: true } } } });
      // All but two (kept without documents to show the one-time supplement notice) carry their documents.
      expect(submitted.filter((a) => a._count.documents === 0)).toHaveLength(2);
      expect(submitted.filter((a) => a._count.documents > 0).every((a) => a._count.documents >= 3)).toBe(true);
      const doc = await db.prisma.document.findFirstOrThrow();
      expect((await files.get(doc.storageKey))?.length).toBe(doc.size);
      expect(doc.size).toBeLessThan(5000);
      const lushiClerk = await db.prisma.user.findUniqueOrThrow({ where: { username: "clerk-lushi" } });
      const waiting = await db.prisma.application.count({ where: { originStationId: lushiClerk.stationId, status: "approved" } });
      expect(waiting).toBe(1);
      // 受理 is possible on a demo filing: the rules panel finds nothing missing.
      const head = await db.prisma.user.findUniqueOrThrow({ where: { username: "clerk-hubin" } });
      const first = await db.prisma.application.findFirstOrThrow({ where: { status: "submitted", stationId: head.stationId, channel: "residence" } });
      const v = await runAction(
        db.prisma,
        {
          id: head.id,
          role: "clerk",
          realName: head.realName,
          username: head.username,
          mobile: null,
          stationId: head.stationId,
          isStationHead: true,
          countyCode: null,
        },
        IP,
        viewFilingDef,
        { applicationId: first.id },
      );
      expect(v.actions.find((a) => a.action === "accept")?.disabledReason).toBeNull();
    } finally {
      await db.close();
    }
  });
});
