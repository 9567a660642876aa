import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKit, file, PDF, PNG, type Kit, testId, error } from "./filing-test-kit";
import { submitFilingDef } from "@/lib/filings/submit-filing";
import { uploadDocumentDef, removeDocumentDef, SUPPLEMENT_ATTACHMENT } from "@/lib/filings/upload-document";
import { resubmitSupplementDef } from "@/lib/filings/resubmit-supplement";
import { withdrawFilingDef } from "@/lib/filings/withdraw-filing";
import { transition } from "@/lib/filings/transition";
import { requestSupplementDef } from "@/lib/review/request-supplement";
import { acceptFilingDef } from "@/lib/review/accept-filing";
import { approveFilingDef } from "@/lib/review/approve-filing";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { addWorkingDays } from "@/lib/calendar/working-days";
import type { SessionUser } from "@/lib/auth/roles";

let kit: Kit;
beforeAll(async () => {
  kit = await createKit();
});
afterAll(async () => kit?.close());

let n = 0;
async function submitted(user: SessionUser, members: Parameters<Kit["residenceDraft"]>[1] = []) {
  const id = await kit.residenceDraft(user, members);
  await kit.uploadAll(user, id);
  n += 1;
  await kit.run(user, submitFilingDef, { applicationId: id, submitKey: `sw-key-${n}-0123456789abcdef`, truthful: "true", voluntary: "true" });
  return id;
}

describe("supplement (一次性告知) round trip", () => {
  it("the clerk's notice comes to the resident, who answers only its items and resubmits; the acceptance clock restarts", async () => {
    const me = await kit.resident("补正人");
    const id = await submitted(me);
    const clerk = await kit.clerk("411202-01");
    const app0 = await kit.prisma.application.findUniqueOrThrow({ where: { id } });
    await kit.run(clerk, requestSupplementDef, {
      applicationId: id,
      version: app0.version,
      items: [{ code: "document_unreadable", clarification: "租赁合同照片不清晰" }],
      note: "一次补齐",
    });
    const notice = await kit.prisma.supplementNotice.findFirstOrThrow({ where: { applicationId: id } });
    expect((await kit.prisma.application.findUniqueOrThrow({ where: { id } })).status).toBe("supplement_requested");
    expect((await kit.prisma.notification.findMany({ where: { applicationId: id }, orderBy: { createdAt: "desc" } }))[0].body).toContain("租赁合同照片不清晰");

    const self = (await kit.loadDraft(id)).members[0].id;
    // Only the notice's items may be uploaded now.
    const notListed = await error(kit.run(me, uploadDocumentDef, { applicationId: id, memberId: self, docType: "id_card", file: file(PNG, "id.png") }));
    expect(notListed.message).toContain("补正告知中列出的材料");
    // Resubmitting without answering is refused, listing what is missing.
    const empty = await error(kit.run(me, resubmitSupplementDef, { applicationId: id, responses: [] }));
    expect(empty.issues[0]).toMatchObject({ path: "responses.0" });
    expect((await kit.prisma.application.findUniqueOrThrow({ where: { id } })).status).toBe("supplement_requested");

    const att = await kit.run(me, uploadDocumentDef, { applicationId: id, memberId: self, docType: SUPPLEMENT_ATTACHMENT, file: file(PDF, "清晰合同.pdf") });
    expect((await kit.prisma.document.findUniqueOrThrow({ where: { id: att.id } })).noticeId).toBe(notice.id);
    const before = Date.now();
    const res = await kit.run(me, resubmitSupplementDef, { applicationId: id, responses: [{ index: 0, text: "已上传清晰的租赁合同扫描件" }] });
    expect(res.status).toBe("submitted");
    const app = await kit.prisma.application.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { createdAt: "asc" } } } });
    expect(app.status).toBe("submitted");
    expect(app.supplementFrom).toBeNull();
    expect(app.events.map((e) => e.type)).toEqual(["submitted", "supplement_requested", "resubmitted"]);
    const cal = await loadCalendar(kit.prisma, { fresh: true });
    expect(app.dueAt!.getTime()).toBe(addWorkingDays(new Date(before), 5, cal).getTime());
    expect((await kit.prisma.supplementNotice.findUniqueOrThrow({ where: { id: notice.id } })).answeredAt).not.toBeNull();
    expect(JSON.stringify(app.events[2].data)).toContain("已上传清晰的租赁合同扫描件");
    // The clerk can now accept the filing.
    await kit.run(clerk, acceptFilingDef, { applicationId: id, version: app.version });
    expect((await kit.prisma.application.findUniqueOrThrow({ where: { id } })).status).toBe("accepted");
  });

  it("a document item is met by uploading that document (or an alternative) for that person; a wrong person's upload does not count", async () => {
    const me = await kit.resident("补证人");
    const spouse = testId("411221", "19950505", "864");
    const id = await submitted(me, [{ relation: "spouse", name: "补证配偶", idNumber: spouse }]);
    const app = await kit.loadDraft(id);
    const [self, sp] = app.members;
    const clerk = await kit.clerk("411202-01");
    // As the clerk's action writes it (a test stand-in for a notice from the rules check).
    await kit.prisma.$transaction(async (tx) => {
      const cal = await loadCalendar(tx);
      const dueAt = addWorkingDays(new Date(), 30, cal);
      await tx.supplementNotice.create({
        data: {
          applicationId: id,
          items: [
            {
              code: "marriage_certificate",
              label: "结婚证：请提交结婚证。",
              clause: "二(二)",
              memberId: sp.id,
              memberIndex: 1,
              memberName: sp.name,
              source: "rules",
            },
          ],
          requestedById: clerk.id,
          dueAt,
        },
      });
      await transition(tx, {
        applicationId: id,
        from: ["submitted"],
        to: "supplement_requested",
        event: "supplement_requested",
        actorId: clerk.id,
        dueAt,
        set: { supplementFrom: "submitted" },
      });
    });
    const wrongPerson = await error(
      kit.run(me, uploadDocumentDef, { applicationId: id, memberId: self.id, docType: "marriage_certificate", file: file(PDF, "m.pdf") }),
    );
    expect(wrongPerson.code).toBe("validation_failed");
    const up = await kit.run(me, uploadDocumentDef, { applicationId: id, memberId: sp.id, docType: "marriage_certificate", file: file(PDF, "结婚证.pdf") });
    // Removing the fresh upload is allowed before resubmitting; the earlier files are not.
    await kit.run(me, removeDocumentDef, { documentId: up.id });
    expect((await error(kit.run(me, resubmitSupplementDef, { applicationId: id }))).issues[0].message).toContain("结婚证");
    const old = app.documents[0];
    expect((await error(kit.run(me, removeDocumentDef, { documentId: old.id }))).code).toBe("invalid_state");
    await kit.run(me, uploadDocumentDef, { applicationId: id, memberId: sp.id, docType: "marriage_certificate", file: file(PDF, "结婚证.pdf") });
    await kit.run(me, resubmitSupplementDef, { applicationId: id });
    expect((await kit.prisma.application.findUniqueOrThrow({ where: { id } })).status).toBe("submitted");
    // A second resubmission has nothing to answer.
    expect((await error(kit.run(me, resubmitSupplementDef, { applicationId: id }))).code).toBe("invalid_state");
  });
});

describe("withdrawing (落户自愿)", () => {
  it("needs a confirmation, withdraws an undecided filing, and refuses once decided", async () => {
    const me = await kit.resident("撤回人");
    const id = await submitted(me);
    const noConfirm = await error(kit.run(me, withdrawFilingDef, { applicationId: id }));
    expect(noConfirm.issues[0]).toMatchObject({ path: "confirm", message: "请勾选确认撤回申请" });
    const stranger = await kit.resident("旁人");
    expect((await error(kit.run(stranger, withdrawFilingDef, { applicationId: id, confirm: "true" }))).code).toBe("not_found");
    await kit.run(me, withdrawFilingDef, { applicationId: id, confirm: "true", reason: "暂不迁移" });
    const app = await kit.prisma.application.findUniqueOrThrow({ where: { id }, include: { events: true } });
    expect(app.status).toBe("withdrawn");
    expect(app.withdrawnAt).not.toBeNull();
    expect(app.dueAt).toBeNull();
    expect(app.events.find((e) => e.type === "withdrawn")?.note).toBe("暂不迁移");
    expect((await error(kit.run(me, withdrawFilingDef, { applicationId: id, confirm: "true" }))).code).toBe("invalid_state");

    // Once approved, a filing is decided: no withdrawal.
    const other = await submitted(await kit.resident("已批准"));
    const owner = (await kit.prisma.application.findUniqueOrThrow({ where: { id: other }, include: { resident: true } })).resident;
    const clerk = await kit.clerk("411202-01");
    let v = (await kit.prisma.application.findUniqueOrThrow({ where: { id: other } })).version;
    await kit.run(clerk, acceptFilingDef, { applicationId: other, version: v });
    v = (await kit.prisma.application.findUniqueOrThrow({ where: { id: other } })).version;
    await kit.run(clerk, approveFilingDef, { applicationId: other, version: v });
    const ownerSession = {
      id: owner.id,
      role: "resident" as const,
      realName: owner.realName,
      username: null,
      mobile: owner.mobile,
      stationId: null,
      isStationHead: false,
      countyCode: null,
    };
    const decided = await error(kit.run(ownerSession, withdrawFilingDef, { applicationId: other, confirm: "true" }));
    expect(decided.code).toBe("invalid_state");
    expect(decided.message).toContain("不能撤回");
  });
});

describe("the timeline a resident reads", () => {
  it("lists every step with dates, and a refusal with its allowed reason and clause", async () => {
    const { loadTimeline } = await import("@/lib/filings/filing-timeline");
    const { refuseFilingDef } = await import("@/lib/review/refuse-filing");
    const me = await kit.resident("时间线");
    const id = await submitted(me);
    const clerk = await kit.clerk("411202-01");
    let v = (await kit.prisma.application.findUniqueOrThrow({ where: { id } })).version;
    await kit.run(clerk, acceptFilingDef, { applicationId: id, version: v });
    v = (await kit.prisma.application.findUniqueOrThrow({ where: { id } })).version;
    await kit.run(clerk, refuseFilingDef, {
      applicationId: id,
      version: v,
      reasonCodes: ["residence_not_lived_in"],
      note: "经实地核查，申请人未在该住所居住。",
    });
    const app = await kit.prisma.application.findUniqueOrThrow({ where: { id } });
    const t = await loadTimeline(kit.prisma, id, app.ruleSetId);
    expect(t.map((e) => e.label)).toEqual(["提交申请", "派出所已受理", "不予批准"]);
    expect(t[0].dueAt).not.toBeNull();
    expect(t[2].reasons).toEqual([{ code: "residence_not_lived_in", label: "申请人并未在该住所实际居住生活", clause: "二(二)" }]);
    expect(t[2].note).toContain("未在该住所居住");
    // Decided: no withdrawal any more.
    expect((await error(kit.run(me, withdrawFilingDef, { applicationId: id, confirm: "true" }))).code).toBe("invalid_state");
  });
});
