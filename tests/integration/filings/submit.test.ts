import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKit, type Kit, testId, error } from "./filing-test-kit";
import { submitFilingDef, type SubmitResult } from "@/lib/filings/submit-filing";
import { saveMemberDef } from "@/lib/filings/household-members";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { addWorkingDays } from "@/lib/calendar/working-days";
import type { DomainError } from "@/lib/errors";

let kit: Kit;
beforeAll(async () => {
  kit = await createKit();
});
afterAll(async () => kit?.close());

const key = (s: string) => `submit-key-${s}-0123456789`;
const spouseId = testId("411221", "19920202", "124");
const childId = testId("411202", "20180505", "123");

describe("submitting a household filing", () => {
  it("lists every member's documents, refuses an incomplete draft, then submits with reference, rules result and due date", async () => {
    const me = await kit.resident("张明");
    const id = await kit.residenceDraft(me, [
      { relation: "spouse", name: "李芳", idNumber: spouseId },
      { relation: "child", name: "张小明", idNumber: childId },
    ]);
    const list = await kit.checklist(id);
    expect(list.persons.map((p) => p.relation)).toEqual(["self", "spouse", "child"]);
    expect(list.persons[0].slots.map((s) => s.code)).toEqual(["id_card", "hukou_booklet", "rental_contract"]);
    expect(list.persons[0].slots[2].alternatives).toEqual(["rental_contract", "property_certificate", "employer_housing_certificate"]);
    expect(list.persons[1].slots.map((s) => s.code)).toContain("marriage_certificate");
    expect(list.persons[2].slots.map((s) => s.code)).toContain("birth_certificate");
    expect(list.complete).toBe(false);

    const incomplete = await error(kit.run(me, submitFilingDef, { applicationId: id, submitKey: key("a"), truthful: "true", voluntary: "true" }));
    expect(incomplete.code).toBe("validation_failed");
    expect(incomplete.message).toContain("上传材料");
    expect((await kit.prisma.application.findUniqueOrThrow({ where: { id } })).status).toBe("draft");

    const noDeclaration = await error(kit.run(me, submitFilingDef, { applicationId: id, submitKey: key("a") }));
    expect(noDeclaration.issues.map((i) => i.path)).toEqual(expect.arrayContaining(["truthful", "voluntary"]));
    expect(noDeclaration.issues.find((i) => i.path === "voluntary")?.message).toContain("自愿");

    await kit.uploadAll(me, id);
    expect((await kit.checklist(id)).complete).toBe(true);

    const before = new Date();
    const res = await kit.run(me, submitFilingDef, { applicationId: id, submitKey: key("a"), truthful: "true", voluntary: "true" });
    expect(res.reference).toMatch(/^SMX-\d{4}-\d{6}$/);
    const app = await kit.prisma.application.findUniqueOrThrow({ where: { id }, include: { events: true, ruleSet: true, station: true } });
    expect(app.status).toBe("submitted");
    expect(app.reference).toBe(res.reference);
    expect(app.station?.code).toBe("411202-01");
    expect(app.personsCount).toBe(3);
    expect(app.ruleSet?.version).toBe("sanmenxia-2019-24/v1.1");
    const recorded = app.ruleResult as { ruleSetVersion: string; persons: Array<{ outcome: string; name: string }> };
    expect(recorded.ruleSetVersion).toBe("sanmenxia-2019-24/v1.1");
    expect(recorded.persons.map((p) => p.outcome)).toEqual(["eligible", "eligible", "eligible"]);
    expect(JSON.stringify(app.ruleResult)).not.toContain(spouseId);
    const cal = await loadCalendar(kit.prisma, { fresh: true });
    const due = addWorkingDays(res.submittedAt, 5, cal);
    expect(app.dueAt?.toISOString()).toBe(due.toISOString());
    expect(res.acceptanceDueAt.toISOString()).toBe(due.toISOString());
    expect(res.submittedAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(app.events.map((e) => e.type)).toEqual(["submitted"]);
    const inbox = await kit.prisma.notification.findMany({ where: { userId: me.id } });
    expect(inbox[0].body).toContain(res.reference);
    const sms = await kit.prisma.outboxMessage.findMany({ where: { body: { contains: res.reference } } });
    expect(sms).toHaveLength(1);
    const audit = await kit.prisma.auditEvent.findMany({ where: { action: "filing.submit", applicationId: id } });
    expect(audit).toHaveLength(1);

    // Submitted answers are not edited any more.
    const locked = await error(
      kit.run(me, saveMemberDef, { applicationId: id, relation: "parent", name: "张父", idNumber: testId("411221", "19600101", "111") }),
    );
    expect(locked.code).toBe("invalid_state");
  });

  it("makes ONE filing when the same submission arrives many times at once (double click, retry)", async () => {
    const me = await kit.resident("王伟");
    const id = await kit.residenceDraft(me);
    await kit.uploadAll(me, id);
    const seqBefore = await kit.prisma.numberSequence.findMany();
    const input = { applicationId: id, submitKey: key("concurrent"), truthful: "true", voluntary: "true" };
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => kit.run(me, submitFilingDef, input)));
    const ok = results.filter((r): r is PromiseFulfilledResult<SubmitResult> => r.status === "fulfilled");
    expect(ok).toHaveLength(6);
    const refs = new Set(ok.map((r) => r.value.reference));
    expect(refs.size).toBe(1);
    expect(ok.filter((r) => !r.value.alreadySubmitted)).toHaveLength(1);
    expect(await kit.prisma.statusEvent.count({ where: { applicationId: id, type: "submitted" } })).toBe(1);
    expect(await kit.prisma.notification.count({ where: { applicationId: id } })).toBe(1);
    const seqAfter = await kit.prisma.numberSequence.findMany();
    const used = (rows: typeof seqAfter) => rows.reduce((n, r) => n + r.last, 0);
    expect(used(seqAfter) - used(seqBefore)).toBe(1);
    // A later retry with the same key still answers with the same reference.
    const again = await kit.run(me, submitFilingDef, input);
    expect(again.reference).toBe([...refs][0]);
    // Another key on a submitted filing is refused, nothing changes.
    const other = await error(kit.run(me, submitFilingDef, { ...input, submitKey: key("other") }));
    expect(other.code).toBe("invalid_state");
  });

  it("refuses a duplicate open filing for the same person (any member) with a clear message and keeps the draft", async () => {
    const first = await kit.resident("赵敏");
    const sharedSpouse = testId("411221", "19930303", "135");
    const a = await kit.residenceDraft(first, [{ relation: "spouse", name: "钱强", idNumber: sharedSpouse }]);
    await kit.uploadAll(first, a);
    const refA = (await kit.run(first, submitFilingDef, { applicationId: a, submitKey: key("dup-a"), truthful: "true", voluntary: "true" })).reference;

    // Another resident's filing names the same spouse, to the same destination.
    const second = await kit.resident("孙丽");
    const b = await kit.residenceDraft(second, [{ relation: "spouse", name: "钱强", idNumber: sharedSpouse }]);
    await kit.uploadAll(second, b);
    const before = await kit.loadDraft(b);
    const dup = await error(kit.run(second, submitFilingDef, { applicationId: b, submitKey: key("dup-b"), truthful: "true", voluntary: "true" }));
    expect(dup.code).toBe("duplicate_filing");
    expect(dup.status).toBe(409);
    expect(dup.message).toContain("钱强");
    expect(dup.message).toContain(refA);
    expect(dup.message).toContain("草稿已保存");
    expect(dup.message).not.toContain(sharedSpouse);
    const after = await kit.loadDraft(b);
    expect(after.status).toBe("draft");
    expect(after.members.length).toBe(before.members.length);
    expect(after.documents.length).toBe(before.documents.length);
    expect(after.reference).toBeNull();
  });

  it("two drafts naming the same person, submitted at the same moment: exactly one goes through", async () => {
    const p1 = await kit.resident("周杰");
    const p2 = await kit.resident("吴娟");
    const shared = testId("411221", "19600606", "147");
    const d1 = await kit.residenceDraft(p1, [{ relation: "parent", name: "周父", idNumber: shared }]);
    const d2 = await kit.residenceDraft(p2, [{ relation: "parent", name: "周父", idNumber: shared }]);
    await kit.uploadAll(p1, d1);
    await kit.uploadAll(p2, d2);
    const results = await Promise.allSettled([
      kit.run(p1, submitFilingDef, { applicationId: d1, submitKey: key("race-1"), truthful: "true", voluntary: "true" }),
      kit.run(p2, submitFilingDef, { applicationId: d2, submitKey: key("race-2"), truthful: "true", voluntary: "true" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as DomainError).code).toBe("duplicate_filing");
  });

  it("submits a collective-hukou filing to the station of the place of employment, without family members", async () => {
    const me = await kit.resident("陈超");
    const id = await kit.collectiveDraft(me, "411203-01");
    const list = await kit.checklist(id);
    expect(list.persons).toHaveLength(1);
    expect(list.persons[0].slots.map((s) => s.code)).toEqual(["id_card", "hukou_booklet", "employment_contract"]);
    const member = await error(
      kit.run(me, saveMemberDef, { applicationId: id, relation: "spouse", name: "陈妻", idNumber: testId("411221", "19940404", "222") }),
    );
    expect(member.message).toContain("社区集体户");
    await kit.uploadAll(me, id);
    const res = await kit.run(me, submitFilingDef, { applicationId: id, submitKey: key("collective"), truthful: "true", voluntary: "true" });
    const app = await kit.prisma.application.findUniqueOrThrow({ where: { id }, include: { station: true } });
    expect(app.station?.code).toBe("411203-01");
    expect(app.destinationCounty).toBe("411203");
    expect((app.answers as { employment: { workCounty: string } }).employment.workCounty).toBe("411203");
    expect((app.ruleResult as { persons: Array<{ outcome: string }> }).persons[0].outcome).toBe("eligible");
    expect(res.reference).toBeTruthy();
  });
});
