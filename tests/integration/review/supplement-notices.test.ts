import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPrisma } from "@/tests/support/test-db";
import { expectDomainError } from "@/tests/support/domain-error";
import { runAction } from "@/lib/auth/run-action";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/roles";
import { requestSupplementDef } from "@/lib/review/request-supplement";
import { correctSupplementNoticeDef } from "@/lib/review/correct-supplement-notice";
import { withdrawSupplementNoticeDef } from "@/lib/review/withdraw-supplement-notice";
import { refuseFilingDef } from "@/lib/review/refuse-filing";
import { viewFilingDef } from "@/lib/review/view-filing";
import { resubmitSupplementDef } from "@/lib/filings/resubmit-supplement";
import { noticeItems, openNotice } from "@/lib/filings/supplement-notice";
import { readNoticeItems } from "@/lib/review/notice-items";
import { viewFilingForAuditDef } from "@/lib/supervision/view-filing-audit";
import { countForbiddenAttempts, supervisionFigureDef, viewSupervisionDef } from "@/lib/supervision/supervision";
import { maskIdNumbers } from "@/lib/audit/denied-details";
import { validateRuleSetData } from "@/lib/rules/validate-rule-set";
import { DEFAULT_RULE_SET_DATA } from "@/lib/rules/default-rule-set";
import { createFiling, refuseAsHead, freshId, reload, setupWorld, type World } from "./fixtures";

let prisma: PrismaClient;
let close: () => Promise<void>;
let w: World;
let officialHubin: SessionUser;
let officialShanzhou: SessionUser;
let officialCity: SessionUser;
let auditor: SessionUser;

const IP = "10.0.0.9";

const user = async (data: { role: SessionUser["role"]; username: string; realName: string; countyCode?: string | null }): Promise<SessionUser> => {
  const u = await prisma.user.create({ data: { ...data, passwordHash: "x" } });
  return { id: u.id, role: u.role, realName: u.realName, username: u.username, mobile: null, stationId: null, isStationHead: false, countyCode: u.countyCode };
};

beforeAll(async () => {
  ({ prisma, close } = await createTestPrisma());
  w = await setupWorld(prisma);
  officialHubin = await user({ role: "official", username: "sn-official-hubin", realName: "湖滨领导", countyCode: "411202" });
  officialShanzhou = await user({ role: "official", username: "sn-official-shanzhou", realName: "陕州领导", countyCode: "411203" });
  officialCity = await user({ role: "official", username: "sn-official-city", realName: "市领导", countyCode: null });
  auditor = await user({ role: "auditor", username: "sn-auditor", realName: "审计员" });
});
afterAll(async () => close?.());

const lastAudit = (applicationId: string, action: string) => prisma.auditEvent.findFirstOrThrow({ where: { applicationId, action }, orderBy: { id: "desc" } });

/** `user` corrects notice `noticeId` of filing `f` (at the version it carries): its new items and the reason. */
const correctNotice = (user: SessionUser, f: { id: string; version: number }, noticeId: string, change: { items: unknown[]; reason: string }) =>
  runAction(prisma, user, IP, correctSupplementNoticeDef, { applicationId: f.id, version: f.version, noticeId, ...change });

describe("structured supplement notices", () => {
  it("the view offers per person each document slot with its alternatives and the rule set's other items — nothing else", async () => {
    const f = await createFiling(w, { members: [{ relation: "spouse", name: "李娜" }] });
    const v = await runAction(prisma, w.staff.head, IP, viewFilingDef, { applicationId: f.id });
    const forApplicant = v.noticeOptions.filter((o) => o.memberIndex === 0);
    const residence = forApplicant.find((o) => o.code === "rental_contract");
    expect(residence?.alternatives).toEqual(["rental_contract", "property_certificate", "employer_housing_certificate"]);
    expect(residence?.missing).toBe(false);
    expect(forApplicant.filter((o) => o.kind === "other").map((o) => o.code)).toEqual(DEFAULT_RULE_SET_DATA.supplement!.otherItems.map((x) => x.code));
    expect(v.noticeOptions.filter((o) => o.memberIndex === 1 && o.kind === "document").map((o) => o.code)).toEqual([
      "id_card",
      "hukou_booklet",
      "marriage_certificate",
    ]);
    // No purchase contract, no free item anywhere.
    expect(v.noticeOptions.some((o) => /购房/.test(o.label))).toBe(false);
  });

  it("items are restricted to what the filing's rules allow: a document the person need not provide is refused", async () => {
    const f = await createFiling(w);
    // A graduation certificate is no document of the residence channel.
    const e = await expectDomainError(
      runAction(prisma, w.staff.head, IP, requestSupplementDef, { applicationId: f.id, version: f.version, items: [{ code: "graduation_certificate" }] }),
    );
    expect(e.code).toBe("validation_failed");
    expect(e.issues[0]).toMatchObject({ path: "items.0.code" });
    // A member id of another filing is no person of this one.
    const other = await createFiling(w, { members: [{ relation: "spouse" }] });
    const e2 = await expectDomainError(
      runAction(prisma, w.staff.head, IP, requestSupplementDef, {
        applicationId: f.id,
        version: f.version,
        items: [{ code: "id_card", memberId: other.members[1].id }],
      }),
    );
    expect(e2.issues[0]).toMatchObject({ path: "items.0.code" });
    expect(await prisma.supplementNotice.count({ where: { applicationId: f.id } })).toBe(0);

    const ok = await runAction(prisma, w.staff.head, IP, requestSupplementDef, {
      applicationId: f.id,
      version: f.version,
      items: [{ code: "rental_contract", clarification: "第二页不清晰" }, { code: "name_mismatch" }],
    });
    expect(ok.items.map((i) => [i.code, i.kind, i.source, i.clarification])).toEqual([
      ["rental_contract", "document", "clerk", "第二页不清晰"],
      ["name_mismatch", "other", "clerk", null],
    ]);
    expect(ok.items[0].alternatives).toContain("property_certificate");
  });

  it("a clarification demanding a purchase contract is refused with criterion and clause; the denied event keeps the filing, the text, criterion and clause", async () => {
    const f = await createFiling(w);
    const text = "请提供购房合同";
    const e = await expectDomainError(
      runAction(prisma, w.staff.clerk2, IP, requestSupplementDef, {
        applicationId: f.id,
        version: f.version,
        items: [{ code: "rental_contract", clarification: text }],
      }),
    );
    expect(e.code).toBe("forbidden_criterion");
    expect(e.message).toContain("二(二)");
    expect(e.issues[0].path).toBe("items.0.clarification");
    expect(await prisma.supplementNotice.count({ where: { applicationId: f.id } })).toBe(0);
    const denied = await lastAudit(f.id, "review.request_supplement.denied");
    expect(denied.actorId).toBe(w.staff.clerk2.id);
    expect(denied.stationId).toBe(w.stations.qianjin);
    expect(denied.details).toMatchObject({
      code: "forbidden_criterion",
      field: "items.0.clarification",
      text,
      criterion: "home_purchase",
      clause: "二(二)",
      reference: f.reference,
    });
  });

  it("a refused refusal note is audited with its text and never an ID number", async () => {
    const f = await createFiling(w);
    const id = freshId("411202");
    const note = `申请人${id}未购房，不予落户`;
    const e = await expectDomainError(refuseAsHead(w, f, ["residence_not_legal"], note));
    expect(e.code).toBe("forbidden_criterion");
    const denied = await lastAudit(f.id, "review.refuse.denied");
    const d = denied.details as Record<string, unknown>;
    expect(d).toMatchObject({ field: "note", criterion: "home_purchase", clause: "二(二)", reference: f.reference });
    expect(String(d.text)).toContain("未购房");
    expect(JSON.stringify(denied.details)).not.toContain(id);
    expect(maskIdNumbers(`x${id}y`)).toBe("x[身份证号已隐去]y");
  });

  it("a refusal still needs an allowed reason code; its audit event records codes, clauses and the note", async () => {
    const f = await createFiling(w);
    const none = await expectDomainError(refuseAsHead(w, f, [], "材料不符"));
    expect(none.code).toBe("validation_failed");
    const unknown = await expectDomainError(refuseAsHead(w, f, ["no_tax"], "材料不符"));
    expect(unknown.code).toBe("validation_failed");
    await refuseAsHead(w, f, ["residence_not_lived_in"], "经走访核实，申请人未在该住所居住。");
    const ev = await lastAudit(f.id, "review.refuse");
    expect(ev.details).toMatchObject({
      reasonCodes: ["residence_not_lived_in"],
      reasons: [{ code: "residence_not_lived_in", clause: "二(二)" }],
      clauses: ["二(二)"],
      note: "经走访核实，申请人未在该住所居住。",
    });
  });

  it("the notice event records its items, clarifications, note and time limit", async () => {
    const f = await createFiling(w, { documents: [["id_card"]] });
    const res = await runAction(prisma, w.staff.head, IP, requestSupplementDef, {
      applicationId: f.id,
      version: f.version,
      items: [{ code: "id_card", clarification: "请上传正反面" }],
      note: "一次补齐",
    });
    const ev = await lastAudit(f.id, "review.request_supplement");
    expect(ev.entityType).toBe("supplement_notice");
    const d = ev.details as { noticeId: string; round: number; items: Array<Record<string, unknown>>; note: string; dueAt: string };
    expect(d.noticeId).toBe(res.noticeId);
    expect(d.round).toBe(1);
    expect(d.note).toBe("一次补齐");
    expect(d.dueAt).toBe(res.dueAt.toISOString());
    expect(d.items.map((i) => i.code)).toEqual(["id_card", "hukou_booklet", "rental_contract"]);
    expect(d.items[0]).toMatchObject({ kind: "document", clarification: "请上传正反面", source: "clerk", memberIndex: 0, clause: "二" });
    expect(d.items[1]).toMatchObject({ source: "rules", clarification: null });
  });
});

describe("correcting and withdrawing a sent notice", () => {
  /** A sent notice: on a filing missing its rental contract, or (complete) asking only about names. */
  async function sent(complete = false) {
    const f = await createFiling(w, complete ? {} : { documents: [["id_card", "hukou_booklet"]] });
    const res = await runAction(prisma, w.staff.clerk2, IP, requestSupplementDef, {
      applicationId: f.id,
      version: f.version,
      items: [{ code: "name_mismatch" }],
    });
    return { f: await reload(prisma, f.id), noticeId: res.noticeId, dueAt: res.dueAt };
  }

  it("only a station head corrects; the resident sees the corrected notice; history and audit keep both versions", async () => {
    const { f, noticeId } = await sent();
    const clerkTry = await expectDomainError(correctNotice(w.staff.clerk2, f, noticeId, { items: [], reason: "改为只要合同" }));
    expect(clerkTry.code).toBe("forbidden");
    expect((await lastAudit(f.id, "review.notice.correct.denied")).details).toMatchObject({ code: "forbidden", reference: f.reference });
    const otherHead = await expectDomainError(correctNotice(w.staff.other, f, noticeId, { items: [], reason: "改为只要合同" }));
    expect(otherHead.code).toBe("not_found");
    // The correction's items are guarded like the original's.
    const bad = await expectDomainError(
      correctNotice(w.staff.head, f, noticeId, { items: [{ code: "rental_contract", clarification: "须提供购房合同" }], reason: "补充说明" }),
    );
    expect(bad.code).toBe("forbidden_criterion");

    const res = await correctNotice(w.staff.head, f, noticeId, {
      items: [{ code: "document_unreadable", clarification: "户口簿本人页模糊" }],
      reason: "原告知事项有误，更正为材料无法辨认",
    });
    expect(res.revision).toBe(2);
    const n = await prisma.supplementNotice.findUniqueOrThrow({ where: { id: noticeId } });
    expect(n.status).toBe("corrected");
    expect(n.correctedById).toBe(w.staff.head.id);
    expect((n.history as Array<{ revision: number }>)[0].revision).toBe(1);
    expect(readNoticeItems(n.items).map((i) => i.code)).toEqual(["rental_contract", "document_unreadable"]);
    // The rule set restarts the clock (correctionRestartsClock: true).
    expect(n.dueAt!.getTime()).toBeGreaterThan(n.requestedAt.getTime());
    // The resident's view of the notice: the corrected one.
    const open = await openNotice(prisma, f.id);
    expect(open?.id).toBe(noticeId);
    const items = noticeItems(open!.items, await prisma.householdMember.findMany({ where: { applicationId: f.id }, orderBy: { sortOrder: "asc" } }));
    expect(items.map((i) => i.label)).toContain("材料无法辨认，请重新上传清晰、完整的材料");
    expect(items.find((i) => i.label.startsWith("材料无法辨认"))?.clarification).toBe("户口簿本人页模糊");
    expect(items.some((i) => i.label.includes("姓名不一致"))).toBe(false);
    const msg = await prisma.notification.findFirstOrThrow({ where: { applicationId: f.id }, orderBy: { createdAt: "desc" } });
    expect(msg.body).toContain("更正");
    const after = await reload(prisma, f.id);
    expect(after.status).toBe("supplement_requested");
    const ev = await lastAudit(f.id, "review.notice.correct");
    expect(ev.details).toMatchObject({ noticeId, revision: 2, reason: "原告知事项有误，更正为材料无法辨认", clockRestarted: true });
    const d = ev.details as { items: Array<{ code: string }>; previousItems: Array<{ code: string }> };
    expect(d.previousItems.map((i) => i.code)).toEqual(["rental_contract", "name_mismatch"]);
    expect(d.items.map((i) => i.code)).toEqual(["rental_contract", "document_unreadable"]);
  });

  it("the rule set decides whether the clock restarts", async () => {
    const rs = await prisma.ruleSet.findUniqueOrThrow({ where: { id: w.ruleSetId } });
    const data = structuredClone(rs.data) as unknown as typeof DEFAULT_RULE_SET_DATA;
    data.supplement = { ...DEFAULT_RULE_SET_DATA.supplement!, correctionRestartsClock: false };
    expect(validateRuleSetData(data).ok).toBe(true);
    await prisma.ruleSet.update({ where: { id: rs.id }, data: { data: data as object } });
    try {
      const { f, noticeId, dueAt } = await sent();
      await correctNotice(w.staff.head, f, noticeId, { items: [{ code: "document_expired" }], reason: "更正事项" });
      const n = await prisma.supplementNotice.findUniqueOrThrow({ where: { id: noticeId } });
      expect(n.dueAt!.getTime()).toBe(dueAt.getTime());
      expect((await lastAudit(f.id, "review.notice.correct")).details).toMatchObject({ clockRestarted: false });
    } finally {
      await prisma.ruleSet.update({ where: { id: rs.id }, data: { data: rs.data as object } });
    }
  });

  it("a station head withdraws a notice: the filing returns to its step; not after the resident answered", async () => {
    const { f, noticeId } = await sent();
    const res = await runAction(prisma, w.staff.head, IP, withdrawSupplementNoticeDef, {
      applicationId: f.id,
      version: f.version,
      noticeId,
      reason: "材料实际齐全，撤回告知",
    });
    expect(res.status).toBe("submitted");
    const n = await prisma.supplementNotice.findUniqueOrThrow({ where: { id: noticeId } });
    expect(n.status).toBe("withdrawn");
    expect(await openNotice(prisma, f.id)).toBeNull();
    expect((await reload(prisma, f.id)).status).toBe("submitted");
    expect((await lastAudit(f.id, "review.notice.withdraw")).details).toMatchObject({ noticeId, reason: "材料实际齐全，撤回告知", backTo: "submitted" });

    // Answered: neither correction nor withdrawal any more.
    const s2 = await sent(true);
    await runAction(prisma, w.staff.resident, IP, resubmitSupplementDef, { applicationId: s2.f.id, responses: [{ index: 0, text: "姓名已更正" }] });
    const cur = await reload(prisma, s2.f.id);
    const late = await expectDomainError(
      runAction(prisma, w.staff.head, IP, withdrawSupplementNoticeDef, {
        applicationId: s2.f.id,
        version: cur.version,
        noticeId: s2.noticeId,
        reason: "撤回告知试试",
      }),
    );
    expect(late.code).toBe("invalid_state");
    const late2 = await expectDomainError(correctNotice(w.staff.head, cur, s2.noticeId, { items: [], reason: "更正告知试试" }));
    expect(late2.code).toBe("invalid_state");
  });

  it("more than one notice over a filing's life: a later one once the resident answered", async () => {
    const { f, noticeId } = await sent(true);
    await runAction(prisma, w.staff.resident, IP, resubmitSupplementDef, { applicationId: f.id, responses: [{ index: 0, text: "姓名一致，附说明" }] });
    expect((await prisma.supplementNotice.findUniqueOrThrow({ where: { id: noticeId } })).status).toBe("answered");
    const cur = await reload(prisma, f.id);
    expect(cur.status).toBe("submitted");
    const second = await runAction(prisma, w.staff.clerk2, IP, requestSupplementDef, {
      applicationId: f.id,
      version: cur.version,
      items: [{ code: "details_mismatch", clarification: "住址门牌号与合同不一致" }],
    });
    expect(second.noticeId).not.toBe(noticeId);
    expect(await prisma.supplementNotice.count({ where: { applicationId: f.id } })).toBe(2);
    expect((await openNotice(prisma, f.id))?.id).toBe(second.noticeId);
    expect((await lastAudit(f.id, "review.request_supplement")).details).toMatchObject({ round: 2 });
  });
});

describe("the auditor's view of a filing", () => {
  it("auditors only; every view audited; answers, documents, timeline, decisions, notices and the filing's audit events", async () => {
    const f = await createFiling(w);
    await refuseAsHead(w, f, ["documents_invalid"], "租赁合同与登记信息不符。");
    for (const u of [w.staff.head, officialCity, w.staff.admin]) {
      const e = await expectDomainError(runAction(prisma, u, IP, viewFilingForAuditDef, { applicationId: f.id }));
      expect(e.code).toBe("not_found");
    }
    const before = await prisma.auditEvent.count({ where: { applicationId: f.id, action: "audit.filing.view" } });
    const v = await runAction(prisma, auditor, IP, viewFilingForAuditDef, { applicationId: f.id });
    expect(v.filing.reference).toBe(f.reference);
    expect(v.filing.applicantIdNumber).not.toBe(f.applicantIdNumber);
    expect(v.filing.applicantIdNumber).toMatch(/\*{8}/);
    expect(v.documents.map((d) => d.docType)).toEqual(["id_card", "hukou_booklet", "rental_contract"]);
    expect(v.answers.length).toBeGreaterThan(0);
    expect(v.timeline.map((e) => e.type)).toContain("refused");
    expect(v.decisions.find((d) => d.action === "refuse")?.reasons).toEqual([{ code: "documents_invalid", label: expect.any(String), clause: "二" }]);
    expect(v.auditEvents.rows.map((r) => r.action)).toContain("review.refuse");
    // By reference too; each view is one more audit event.
    await runAction(prisma, auditor, IP, viewFilingForAuditDef, { applicationId: f.reference! });
    expect(await prisma.auditEvent.count({ where: { applicationId: f.id, action: "audit.filing.view", actorId: auditor.id } })).toBe(before + 2);
  });
});

describe("supervision (四(四))", () => {
  it("counts attempts per station and clerk, scoped by county; auditors see all; drill-down lists the events with their text", async () => {
    const hubinFiling = await createFiling(w);
    const shanzhouFiling = await createFiling(w, { station: "daying" });
    const t0 = new Date(Date.now() - 3_600_000);
    const end = new Date(Date.now() + 3_600_000);
    const counts = () => Promise.all(["411202", "411203", null].map((countyCode) => countForbiddenAttempts(prisma, { countyCode }, t0, end)));
    const before = await counts();
    const attempt = (u: SessionUser, f: { id: string; version: number }, text: string) =>
      expectDomainError(runAction(prisma, u, IP, refuseFilingDef, { applicationId: f.id, version: f.version, reasonCodes: ["documents_invalid"], note: text }));
    await attempt(w.staff.head, hubinFiling, "未购房，不予落户");
    await attempt(w.staff.clerk2, hubinFiling, "需缴纳个人所得税满一年");
    await attempt(w.staff.clerk2, hubinFiling, "积分不够");
    await attempt(w.staff.other, shanzhouFiling, "须放弃宅基地使用权");
    const after = await counts();
    expect(after.map((n, i) => n - before[i])).toEqual([3, 1, 4]);

    const hubin = await runAction(prisma, officialHubin, IP, viewSupervisionDef, {});
    expect(hubin.byStation.every((s) => s.countyCode === "411202")).toBe(true);
    const qianjin = hubin.byStation.find((s) => s.stationId === w.stations.qianjin)!;
    expect(qianjin.attempts).toBeGreaterThanOrEqual(3);
    expect(hubin.byClerk.find((c) => c.actorId === w.staff.clerk2.id)?.attempts).toBeGreaterThanOrEqual(2);
    expect(hubin.events.some((e) => e.text === "须放弃宅基地使用权")).toBe(false);
    // Another county's station is not found for a county official.
    expect((await expectDomainError(runAction(prisma, officialHubin, IP, viewSupervisionDef, { station: w.stations.daying }))).code).toBe("not_found");
    // Drill-down to one clerk: the events with the refused text, criterion and clause.
    const drill = await runAction(prisma, officialHubin, IP, viewSupervisionDef, { clerk: w.staff.clerk2.id });
    expect(drill.events.map((e) => e.text)).toEqual(expect.arrayContaining(["需缴纳个人所得税满一年", "积分不够"]));
    expect(drill.events.every((e) => e.actorName === w.staff.clerk2.realName)).toBe(true);
    expect(drill.events.filter((e) => e.text === "积分不够" || e.text === "需缴纳个人所得税满一年").map((e) => e.reference)).toEqual([
      hubinFiling.reference,
      hubinFiling.reference,
    ]);
    expect(drill.events.find((e) => e.text === "积分不够")).toMatchObject({ criterion: "points", clause: "二(二)", action: "review.refuse.denied" });

    const shanzhou = await runAction(prisma, officialShanzhou, IP, supervisionFigureDef, {});
    const city = await runAction(prisma, officialCity, IP, supervisionFigureDef, {});
    const all = await runAction(prisma, auditor, IP, viewSupervisionDef, {});
    expect(city.attempts).toBe(all.total);
    expect(all.total).toBeGreaterThanOrEqual(hubin.total + shanzhou.attempts);
    expect(all.events.some((e) => e.text === "须放弃宅基地使用权" && e.criterion === "rural_land_rights" && e.clause === "三(五)")).toBe(true);
    // Residents and clerks have no supervision view; the page read is audited.
    expect((await expectDomainError(runAction(prisma, w.staff.head, IP, viewSupervisionDef, {}))).code).toBe("not_found");
    expect(await prisma.auditEvent.count({ where: { action: "supervision.view", actorId: officialHubin.id } })).toBeGreaterThanOrEqual(2);
  });
});

describe("rule set: supplement settings", () => {
  it("the validator accepts the settings and refuses a document code or a forbidden demand among the other items", () => {
    expect(validateRuleSetData(DEFAULT_RULE_SET_DATA).ok).toBe(true);
    const withoutSettings = structuredClone(DEFAULT_RULE_SET_DATA);
    delete withoutSettings.supplement;
    expect(validateRuleSetData(withoutSettings).ok).toBe(true);
    const bad = structuredClone(DEFAULT_RULE_SET_DATA);
    bad.supplement!.otherItems.push({ code: "id_card", label: "身份证" }, { code: "purchase", label: "须提供购房合同" });
    const r = validateRuleSetData(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.map((p) => p.path)).toEqual(expect.arrayContaining(["supplement.otherItems.4.code", "supplement.otherItems.5.label"]));
      expect(r.problems.find((p) => p.path === "supplement.otherItems.5.label")?.clause).toBe("二(二)");
    }
  });
});

describe("rule set editor: supplement settings", () => {
  it("an edited version carries the other items and the clock setting; the guard still judges them", async () => {
    const { applyEdits, ruleSetEditSchema } = await import("@/lib/admin/rule-set-editing");
    const input = ruleSetEditSchema.parse({
      baseId: "x",
      version: "test/supplement-1",
      effectiveFrom: "2026-12-01",
      documents: {},
      timeLimits: DEFAULT_RULE_SET_DATA.timeLimits,
      refusalReasons: DEFAULT_RULE_SET_DATA.refusalReasons,
      supplement: {
        otherItems: [
          { code: "stamp_missing", label: "材料缺少单位公章，请补盖后重新上传" },
          { code: "", label: "" },
        ],
        correctionRestartsClock: false,
      },
    });
    const data = applyEdits(DEFAULT_RULE_SET_DATA, input);
    expect(data.supplement).toEqual({ otherItems: [{ code: "stamp_missing", label: "材料缺少单位公章，请补盖后重新上传" }], correctionRestartsClock: false });
    expect(validateRuleSetData(data).ok).toBe(true);
    const bad = applyEdits(DEFAULT_RULE_SET_DATA, {
      ...input,
      supplement: { otherItems: [{ code: "tax", label: "须提供纳税证明" }], correctionRestartsClock: true },
    });
    const r = validateRuleSetData(bad);
    expect(r.ok).toBe(false);
    // Without the field, the base's settings are kept.
    expect(applyEdits(DEFAULT_RULE_SET_DATA, { ...input, supplement: undefined }).supplement).toEqual(DEFAULT_RULE_SET_DATA.supplement);
  });
});

describe("denied rule-set drafts", () => {
  it("an admin's forbidden refusal reason is audited with the field, its text, criterion and clause — and counted by supervision", async () => {
    const { saveRuleSetDraftDef } = await import("@/lib/admin/rule-set-editing");
    const t0 = new Date(Date.now() - 3_600_000);
    const far = new Date(Date.now() + 3_600_000);
    const [cityBefore, hubinBefore] = [
      await countForbiddenAttempts(prisma, { countyCode: null }, t0, far),
      await countForbiddenAttempts(prisma, { countyCode: "411202" }, t0, far),
    ];
    const e = await expectDomainError(
      runAction(prisma, w.staff.admin, IP, saveRuleSetDraftDef, {
        baseId: w.ruleSetId,
        version: "test/denied-1",
        effectiveFrom: "2026-12-01",
        documents: {},
        timeLimits: DEFAULT_RULE_SET_DATA.timeLimits,
        refusalReasons: [...DEFAULT_RULE_SET_DATA.refusalReasons, { code: "no_tax", label: "未缴纳个人所得税", clause: "二" }],
      }),
    );
    expect(e.code).toBe("forbidden_criterion");
    const denied = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "admin.rules.save.denied", actorId: w.staff.admin.id },
      orderBy: { id: "desc" },
    });
    expect(denied.details).toMatchObject({ code: "forbidden_criterion", text: "未缴纳个人所得税", criterion: "tax_payment", clause: "二(二)" });
    expect((denied.details as { field: string }).field).toMatch(/^refusalReasons\.\d+\.label$/);
    // No station: the city's and the auditors' supervision count it, a county's does not.
    expect(await countForbiddenAttempts(prisma, { countyCode: null }, t0, far)).toBe(cityBefore + 1);
    expect(await countForbiddenAttempts(prisma, { countyCode: "411202" }, t0, far)).toBe(hubinBefore);
  });
});

describe("notes that reach the resident", () => {
  it("a notice's note and a correction's reason are read as demands too", async () => {
    const f = await createFiling(w, { documents: [["id_card"]] });
    const e = await expectDomainError(
      runAction(prisma, w.staff.head, IP, requestSupplementDef, { applicationId: f.id, version: f.version, note: "请提供购房合同原件" }),
    );
    expect(e.code).toBe("forbidden_criterion");
    expect(e.issues[0].path).toBe("note");
    const res = await runAction(prisma, w.staff.head, IP, requestSupplementDef, { applicationId: f.id, version: f.version, note: "请一次补齐以上材料" });
    const cur = await reload(prisma, f.id);
    const e2 = await expectDomainError(correctNotice(w.staff.head, cur, res.noticeId, { items: [], reason: "请提交购房发票" }));
    expect(e2.code).toBe("forbidden_criterion");
    expect((await lastAudit(f.id, "review.notice.correct.denied")).details).toMatchObject({
      field: "reason",
      text: "请提交购房发票",
      criterion: "home_purchase",
    });
  });
});
