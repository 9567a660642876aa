import { describe, expect, it } from "vitest";
import { expectDomainError } from "@/tests/support/domain-error";
import { runAction } from "@/lib/auth/run-action";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { acceptFilingDef } from "@/lib/review/accept-filing";
import { requestSupplementDef, type NoticeItem } from "@/lib/review/request-supplement";
import { approveFilingDef } from "@/lib/review/approve-filing";
import { refuseFilingDef } from "@/lib/review/refuse-filing";
import { recordMoveOutDef } from "@/lib/review/record-move-out";
import { recordRegistrationDef } from "@/lib/review/record-registration";
import { correctDecisionDef } from "@/lib/review/correct-decision";
import { viewFilingDef } from "@/lib/review/view-filing";
import { beijingDate } from "@/lib/calendar/working-days";
import { actAsHead, createFiling, refuseAsHead, reload, withWorld, type World } from "./fixtures";

let prisma: PrismaClient;
let w: World;

withWorld((x) => ({ prisma, w } = x));

const IP = "10.0.0.1";

describe("accept (受理)", () => {
  it("accepts a complete filing: state, decision clock, timeline, resident message, audit — one transaction", async () => {
    const f = await createFiling(w);
    const res = await runAction(prisma, w.staff.head, IP, acceptFilingDef, { applicationId: f.id, version: f.version });
    const after = await reload(prisma, f.id);
    expect(after.status).toBe("accepted");
    expect(after.version).toBe(f.version + 1);
    expect(after.assignedClerkId).toBe(w.staff.head.id); // acting on an unassigned filing claims it
    expect(after.acceptedAt).not.toBeNull();
    expect(after.dueAt!.getTime()).toBe(res.dueAt.getTime());
    expect(after.dueAt!.getTime()).toBeGreaterThan(Date.now() + 20 * 86_400_000); // 20 working days
    expect(await prisma.statusEvent.count({ where: { applicationId: f.id, type: "accepted" } })).toBe(1);
    expect(await prisma.notification.count({ where: { applicationId: f.id } })).toBe(1);
    expect(await prisma.reviewAction.count({ where: { applicationId: f.id, action: "accept" } })).toBe(1);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { applicationId: f.id, action: "review.accept" } });
    expect(audit).toMatchObject({ actorId: w.staff.head.id, actorRole: "clerk", stationId: w.stations.qianjin, ip: IP });
  });

  it("refuses to accept while documents are missing (ask with the one-time notice first)", async () => {
    const f = await createFiling(w, { documents: [["id_card"]] });
    const e = await expectDomainError(runAction(prisma, w.staff.head, IP, acceptFilingDef, { applicationId: f.id, version: f.version }));
    expect(e.code).toBe("invalid_state");
    expect(e.message).toContain("一次性补正告知");
    expect((await reload(prisma, f.id)).status).toBe("submitted");
  });

  it("cannot accept twice, nor a stale version", async () => {
    const f = await createFiling(w);
    await runAction(prisma, w.staff.head, IP, acceptFilingDef, { applicationId: f.id, version: f.version });
    const stale = await expectDomainError(runAction(prisma, w.staff.head, IP, acceptFilingDef, { applicationId: f.id, version: f.version }));
    expect(stale.code).toBe("conflict");
    const again = await expectDomainError(runAction(prisma, w.staff.head, IP, acceptFilingDef, { applicationId: f.id, version: f.version + 1 }));
    expect(again.code).toBe("invalid_state");
    expect(again.message).toContain("已受理");
  });
});

describe("request a supplement (一次性告知)", () => {
  it("one notice pre-filled with every missing item of every member, plus the items the clerk picks (with a clarification) and a note, with the rule set's time limit", async () => {
    const f = await createFiling(w, {
      members: [
        { relation: "spouse", name: "李娜" },
        { relation: "child", name: "王小明" },
      ],
      documents: [["id_card"], ["id_card", "hukou_booklet"], []],
    });
    const res = await runAction(prisma, w.staff.clerk2, IP, requestSupplementDef, {
      applicationId: f.id,
      version: f.version,
      items: [{ code: "id_card", memberId: f.members[1].id, clarification: "身份证背面不清晰" }],
      note: "请一次补齐以上全部材料。",
    });
    const items = res.items as NoticeItem[];
    const byPerson = (name: string) => items.filter((i) => i.memberName === name && i.source === "rules").map((i) => i.code);
    // Applicant (rented residence): hukou booklet and the rental contract; spouse: marriage certificate; child: all three.
    expect(byPerson("王芳")).toEqual(["hukou_booklet", "rental_contract"]);
    expect(byPerson("李娜")).toEqual(["marriage_certificate"]);
    expect(byPerson("王小明")).toEqual(["id_card", "hukou_booklet", "birth_certificate"]);
    expect(items.filter((i) => i.source === "clerk")).toEqual([
      expect.objectContaining({
        code: "id_card",
        kind: "document",
        clarification: "身份证背面不清晰",
        memberId: f.members[1].id,
        memberIndex: 1,
        memberName: "李娜",
      }),
    ]);
    expect(items.every((i) => i.clause)).toBe(true);

    const after = await reload(prisma, f.id);
    expect(after.status).toBe("supplement_requested");
    expect(after.supplementFrom).toBe("submitted");
    expect(after.assignedClerkId).toBe(w.staff.clerk2.id);
    const notices = await prisma.supplementNotice.findMany({ where: { applicationId: f.id } });
    expect(notices).toHaveLength(1);
    expect(notices[0].dueAt!.getTime()).toBe(after.dueAt!.getTime());
    // 30 working days are more than six calendar weeks.
    expect(after.dueAt!.getTime() - Date.now()).toBeGreaterThan(40 * 86_400_000);
    const msg = await prisma.notification.findFirstOrThrow({ where: { applicationId: f.id }, orderBy: { createdAt: "desc" } });
    expect(msg.body).toContain("一次性告知");
    expect(msg.body).toContain("房屋租赁合同");
    expect(msg.body).toContain("出生医学证明");
    expect(await prisma.outboxMessage.count({ where: { subject: msg.title } })).toBeGreaterThan(0);
  });

  it("no second notice while one is unanswered", async () => {
    const f = await createFiling(w, { documents: [["id_card"]] });
    await runAction(prisma, w.staff.head, IP, requestSupplementDef, { applicationId: f.id, version: f.version });
    // Back to submitted without answering the notice (not what the resident journey does).
    await prisma.application.update({ where: { id: f.id }, data: { status: "submitted", version: { increment: 1 } } });
    const cur = await reload(prisma, f.id);
    const e = await expectDomainError(runAction(prisma, w.staff.head, IP, requestSupplementDef, { applicationId: f.id, version: cur.version }));
    expect(e.code).toBe("invalid_state");
    expect(e.message).toContain("尚未答复的补正告知");
  });

  it("a free-text item (a purchase contract) is no longer accepted: no such key, no such item", async () => {
    const f = await createFiling(w, { documents: [["id_card"]] });
    const free = await expectDomainError(
      runAction(prisma, w.staff.head, IP, requestSupplementDef, { applicationId: f.id, version: f.version, extraItems: [{ label: "需提供购房合同" }] }),
    );
    expect(free.code).toBe("validation_failed");
    const notItem = await expectDomainError(
      runAction(prisma, w.staff.head, IP, requestSupplementDef, { applicationId: f.id, version: f.version, items: [{ code: "purchase_contract" }] }),
    );
    expect(notItem.code).toBe("validation_failed");
    expect(notItem.issues[0].path).toBe("items.0.code");
    expect(await prisma.supplementNotice.count({ where: { applicationId: f.id } })).toBe(0);
  });

  it("nothing to ask for: the clerk must pick an item", async () => {
    const f = await createFiling(w);
    const e = await expectDomainError(runAction(prisma, w.staff.head, IP, requestSupplementDef, { applicationId: f.id, version: f.version }));
    expect(e.code).toBe("validation_failed");
    expect(e.issues[0].path).toBe("items");
  });
});

describe("approve (准予迁入)", () => {
  it("issues the permit with the next number and moves the filing to waiting for move-out", async () => {
    const f = await createFiling(w, { status: "accepted", members: [{ relation: "spouse" }] });
    const res = await runAction(prisma, w.staff.head, IP, approveFilingDef, { applicationId: f.id, version: f.version });
    expect(res.permitNumber).toMatch(/^ZQ-\d{4}-\d{6}$/);
    const after = await reload(prisma, f.id);
    expect(after.status).toBe("approved");
    expect(after.decidedAt).not.toBeNull();
    // 待迁出 has its own due date: the rule set's move-out working days (10 by default).
    expect(after.dueAt!.getTime()).toBeGreaterThan(Date.now() + 10 * 86_400_000);
    expect(after.permit?.number).toBe(res.permitNumber);
    expect(after.permit?.persons).toHaveLength(2);
    const next = await runAction(prisma, w.staff.head, IP, approveFilingDef, {
      applicationId: (await createFiling(w, { status: "accepted" })).id,
      version: 0,
    });
    expect(Number(next.permitNumber.slice(-6))).toBe(Number(res.permitNumber.slice(-6)) + 1);
  });

  it("a decided filing cannot be decided again", async () => {
    const f = await createFiling(w, { status: "accepted" });
    await runAction(prisma, w.staff.head, IP, approveFilingDef, { applicationId: f.id, version: f.version });
    const cur = await reload(prisma, f.id);
    const again = await expectDomainError(runAction(prisma, w.staff.head, IP, approveFilingDef, { applicationId: f.id, version: cur.version }));
    expect(again.code).toBe("invalid_state");
    const refusal = await expectDomainError(refuseAsHead(w, cur, ["documents_invalid"], "材料不符"));
    expect(refusal.code).toBe("invalid_state");
    expect(await prisma.permit.count({ where: { applicationId: f.id } })).toBe(1);
  });

  it("cannot approve a filing that is not accepted yet, nor one that fails the rules check", async () => {
    const sub = await createFiling(w);
    expect((await expectDomainError(runAction(prisma, w.staff.head, IP, approveFilingDef, { applicationId: sub.id, version: 0 }))).code).toBe("invalid_state");
    const bad = await createFiling(w, { status: "accepted", documents: [["id_card", "hukou_booklet"]] });
    const e = await expectDomainError(runAction(prisma, w.staff.head, IP, approveFilingDef, { applicationId: bad.id, version: bad.version }));
    expect(e.code).toBe("invalid_state");
    expect(e.message).toContain("规则核验未通过");
    expect(await prisma.permit.count({ where: { applicationId: bad.id } })).toBe(0);
  });

  it("an open filing for the same person elsewhere in the city blocks the approval (duplicate check)", async () => {
    const shared = (await createFiling(w, { station: "daying" })).applicantIdNumber;
    const f = await createFiling(w, { status: "accepted", members: [{ relation: "spouse", idNumber: shared }] });
    const e = await expectDomainError(runAction(prisma, w.staff.head, IP, approveFilingDef, { applicationId: f.id, version: f.version }));
    expect(e.code).toBe("invalid_state");
    expect(e.message).toContain("另有正在办理的落户申请");
  });
});

describe("refuse (不予批准) and the forbidden-criteria guard", () => {
  it("records allowed reasons with their clauses and the note; the resident is told both", async () => {
    const f = await createFiling(w, { status: "accepted" });
    const res = await refuseAsHead(w, f, ["residence_not_legal"], "经现场核查，该住所为违法建筑。");
    expect(res.reasons).toEqual([expect.objectContaining({ code: "residence_not_legal", clause: "二(二)" })]);
    const after = await reload(prisma, f.id);
    expect(after.status).toBe("refused");
    const action = await prisma.reviewAction.findFirstOrThrow({ where: { applicationId: f.id, action: "refuse" } });
    expect(action.reasonCodes).toEqual(["residence_not_legal"]);
    const msg = await prisma.notification.findFirstOrThrow({ where: { applicationId: f.id }, orderBy: { createdAt: "desc" } });
    expect(msg.body).toContain("依据二(二)");
  });

  it.each([
    ["未购房", "plain"],
    ["申请人未購房，不予落戶", "traditional characters"],
    ["申请人 未 购 房", "spaced"],
    ["未-购-房", "punctuation between the characters"],
  ])("refuses a note citing %s (%s) with the clause 二(二), and records nothing", async (note) => {
    const f = await createFiling(w, { status: "accepted" });
    const e = await expectDomainError(refuseAsHead(w, f, ["documents_invalid"], note));
    expect(e.code).toBe("forbidden_criterion");
    expect(e.message).toContain("二(二)");
    expect(e.issues).toEqual([expect.objectContaining({ path: "note" })]);
    const after = await reload(prisma, f.id);
    expect(after.status).toBe("accepted");
    expect(await prisma.reviewAction.count({ where: { applicationId: f.id } })).toBe(0);
    // The refused attempt itself is audited (outside the rolled-back transaction).
    expect(await prisma.auditEvent.count({ where: { action: "review.refuse.denied", actorId: w.staff.head.id } })).toBeGreaterThan(0);
  });

  it("refuses other forbidden criteria with their clauses (纳税不足, 未退出宅基地)", async () => {
    const f = await createFiling(w, { status: "accepted" });
    const tax = await expectDomainError(refuseAsHead(w, f, ["documents_invalid"], "纳税不足"));
    expect(tax.code).toBe("forbidden_criterion");
    const land = await expectDomainError(refuseAsHead(w, f, ["documents_invalid"], "未退出宅基地"));
    expect(land.code).toBe("forbidden_criterion");
    expect(land.message).toContain("三(五)");
  });

  it("needs at least one reason, and only reasons of the rule set", async () => {
    const f = await createFiling(w, { status: "accepted" });
    const none = await expectDomainError(refuseAsHead(w, f, [], "不符合"));
    expect(none.code).toBe("validation_failed");
    expect(none.issues[0].path).toBe("reasonCodes");
    const unknown = await expectDomainError(refuseAsHead(w, f, ["no_home"], "不符合"));
    expect(unknown.code).toBe("validation_failed");
    expect(unknown.message).toContain("no_home");
  });

  it("'supplement not provided' only after the supplement time limit has run out", async () => {
    const f = await createFiling(w, { documents: [["id_card"]] });
    await runAction(prisma, w.staff.head, IP, requestSupplementDef, { applicationId: f.id, version: f.version });
    const cur = await reload(prisma, f.id);
    const early = await expectDomainError(refuseAsHead(w, cur, ["supplement_not_provided"], "逾期未补正"));
    expect(early.code).toBe("validation_failed");
    await prisma.supplementNotice.updateMany({ where: { applicationId: f.id }, data: { dueAt: new Date(Date.now() - 86_400_000) } });
    const res = await refuseAsHead(w, cur, ["supplement_not_provided"], "逾期未补正");
    expect(res.status).toBe("refused");
  });
});

describe("move-out, registration, and the collective household", () => {
  it("records the move-out (office, date) and the registration; the filing is complete", async () => {
    const f = await createFiling(w, { status: "accepted" });
    await runAction(prisma, w.staff.head, IP, approveFilingDef, { applicationId: f.id, version: f.version });
    let cur = await reload(prisma, f.id);
    const future = await expectDomainError(actAsHead(w, recordMoveOutDef, cur, { originOffice: "洛阳市公安局某派出所", movedOutOn: "2999-01-01" }));
    expect(future.issues[0].path).toBe("movedOutOn");
    const today = beijingDate(new Date());
    await actAsHead(w, recordMoveOutDef, cur, { originOffice: "洛阳市公安局西工分局王城派出所", movedOutOn: today, transferNumber: "QY-1234" });
    cur = await reload(prisma, f.id);
    expect(cur.status).toBe("moved_out");
    expect(cur.moveOutOffice).toBe("洛阳市公安局西工分局王城派出所");
    expect(beijingDate(cur.movedOutAt!)).toBe(today);
    await runAction(prisma, w.staff.head, IP, recordRegistrationDef, { applicationId: f.id, version: cur.version });
    cur = await reload(prisma, f.id);
    expect(cur.status).toBe("registered");
    expect(cur.completedAt).not.toBeNull();
    const types = (await prisma.statusEvent.findMany({ where: { applicationId: f.id }, orderBy: { createdAt: "asc" } })).map((e) => e.type);
    expect(types).toEqual(["approved", "moved_out", "registered"]);
  });

  it("a collective-channel filing is registered into a collective household of the station", async () => {
    const f = await createFiling(w, { channel: "collective", status: "moved_out" });
    const missing = await expectDomainError(runAction(prisma, w.staff.head, IP, recordRegistrationDef, { applicationId: f.id, version: f.version }));
    expect(missing.issues[0].path).toBe("collectiveHouseholdId");
    const otherStations = await prisma.collectiveHousehold.findFirstOrThrow({ where: { stationId: w.stations.daying } });
    const wrong = await expectDomainError(
      runAction(prisma, w.staff.head, IP, recordRegistrationDef, { applicationId: f.id, version: f.version, collectiveHouseholdId: otherStations.id }),
    );
    expect(wrong.issues[0].path).toBe("collectiveHouseholdId");
    const ours = await prisma.collectiveHousehold.findFirstOrThrow({ where: { stationId: w.stations.qianjin } });
    const res = await runAction(prisma, w.staff.head, IP, recordRegistrationDef, { applicationId: f.id, version: f.version, collectiveHouseholdId: ours.id });
    expect(res.collectiveHouseholdId).toBe(ours.id);
    expect((await reload(prisma, f.id)).collectiveHouseholdId).toBe(ours.id);
  });
});

describe("station-head corrections", () => {
  it("only a station head may correct; reopening a refusal gives a fresh decision clock", async () => {
    const f = await createFiling(w, { status: "accepted" });
    await refuseAsHead(w, f, ["documents_invalid"], "材料与申请信息不符");
    let cur = await reload(prisma, f.id);
    const notHead = await expectDomainError(
      runAction(prisma, w.staff.clerk2, IP, correctDecisionDef, { applicationId: f.id, version: cur.version, kind: "reopen", note: "原决定有误，重新审核" }),
    );
    expect(notHead.code).toBe("forbidden");
    await runAction(prisma, w.staff.head, IP, correctDecisionDef, { applicationId: f.id, version: cur.version, kind: "reopen", note: "原决定有误，重新审核" });
    cur = await reload(prisma, f.id);
    expect(cur.status).toBe("accepted");
    expect(cur.decidedAt).toBeNull();
    expect(cur.dueAt!.getTime()).toBeGreaterThan(Date.now());
    expect(await prisma.statusEvent.count({ where: { applicationId: f.id, type: "corrected" } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { applicationId: f.id, action: "review.correct" } })).toBe(1);
  });

  it("revoking an approval needs allowed reasons and revokes the permit", async () => {
    const f = await createFiling(w, { status: "accepted" });
    await runAction(prisma, w.staff.head, IP, approveFilingDef, { applicationId: f.id, version: f.version });
    const cur = await reload(prisma, f.id);
    const revoke = (note: string) => actAsHead(w, correctDecisionDef, cur, { kind: "revoke", reasonCodes: ["documents_invalid"], note });
    const forbidden = await expectDomainError(revoke("申请人无房产"));
    expect(forbidden.code).toBe("forbidden_criterion");
    await revoke("经核查结婚证系伪造");
    const after = await reload(prisma, f.id);
    expect(after.status).toBe("refused");
    expect(after.permit?.revokedAt).not.toBeNull();
  });
});

describe("scope and roles", () => {
  it("a clerk of another station gets not found for every action and the review page", async () => {
    const f = await createFiling(w, { status: "accepted" });
    const attempts = [
      () => runAction(prisma, w.staff.other, IP, viewFilingDef, { applicationId: f.id }),
      () => runAction(prisma, w.staff.other, IP, acceptFilingDef, { applicationId: f.id, version: f.version }),
      () => runAction(prisma, w.staff.other, IP, requestSupplementDef, { applicationId: f.id, version: f.version }),
      () => runAction(prisma, w.staff.other, IP, approveFilingDef, { applicationId: f.id, version: f.version }),
      () =>
        runAction(prisma, w.staff.other, IP, refuseFilingDef, { applicationId: f.id, version: f.version, reasonCodes: ["documents_invalid"], note: "不符" }),
      () =>
        runAction(prisma, w.staff.other, IP, recordMoveOutDef, { applicationId: f.id, version: f.version, originOffice: "某派出所", movedOutOn: "2026-01-05" }),
      () => runAction(prisma, w.staff.other, IP, recordRegistrationDef, { applicationId: f.id, version: f.version }),
      () => runAction(prisma, w.staff.other, IP, correctDecisionDef, { applicationId: f.id, version: f.version, kind: "reopen", note: "重新审核一下" }),
    ];
    // One after another: every attempt gets its handler before it can fail.
    for (const a of attempts) expect((await expectDomainError(a())).code).toBe("not_found");
    expect((await reload(prisma, f.id)).version).toBe(f.version);
    expect(await prisma.auditEvent.count({ where: { actorId: w.staff.other.id, action: { endsWith: ".denied" } } })).toBe(attempts.length);
  });

  it("residents and admins cannot use clerk actions", async () => {
    const f = await createFiling(w, { status: "accepted" });
    expect((await expectDomainError(runAction(prisma, w.staff.resident, IP, approveFilingDef, { applicationId: f.id, version: f.version }))).code).toBe(
      "not_found",
    );
    expect((await expectDomainError(runAction(prisma, w.staff.admin, IP, viewFilingDef, { applicationId: f.id }))).code).toBe("not_found");
  });

  it("a draft is invisible to the station", async () => {
    const f = await createFiling(w, { status: "draft" });
    expect((await expectDomainError(runAction(prisma, w.staff.head, IP, viewFilingDef, { applicationId: f.id }))).code).toBe("not_found");
  });
});
