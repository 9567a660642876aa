import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKit, file, PDF, type Kit, testId, error } from "./filing-test-kit";
import { startFilingDef } from "@/lib/filings/start-filing";
import { saveApplicantDef, saveChannelDef, saveDestinationDef, saveResidenceDetailsDef } from "@/lib/filings/save-draft-steps";
import { uploadDocumentDef } from "@/lib/filings/upload-document";
import { submitFilingDef } from "@/lib/filings/submit-filing";
import { loadFiling } from "@/lib/filings/load-filing";
import { assessDraft } from "@/lib/filings/assess-draft";
import { cleanupStaleDrafts } from "@/lib/filings/cleanup-drafts";
import { encodePrecheckCarry } from "@/lib/filings/precheck-carry";
import { readAnswers } from "@/lib/filings/filing-answers";

let kit: Kit;
beforeAll(async () => {
  kit = await createKit();
});
afterAll(async () => kit?.close());

describe("drafts", () => {
  it("starts from the pre-check's answers (no ID number travels) and prefills without marking pages done", async () => {
    const me = await kit.resident("李娜");
    const carry = encodePrecheckCarry({
      applicant: { idNumber: testId(), name: "李娜", hukouType: "rural", hukouRegion: "410323" },
      destinationCounty: "411203",
      channel: "residence",
      residence: { tenure: "rented", legal: true },
      documents: ["id_card"],
      ownsHome: false,
    });
    expect(Buffer.from(carry, "base64url").toString("utf8")).not.toContain(testId());
    const { applicationId } = await kit.run(me, startFilingDef, { channel: "residence", precheck: carry });
    const app = await kit.loadDraft(applicationId);
    const a = readAnswers(app.answers);
    expect(a.prefill).toEqual({ hukouType: "rural", hukouRegion: "410323", destinationCounty: "411203" });
    expect(a.residence).toEqual({ tenure: "rented", legal: true });
    expect(a.applicant).toBeUndefined();
    expect(JSON.stringify(a)).not.toContain("ownsHome");
    expect(app.members).toHaveLength(1);
    expect(app.members[0]).toMatchObject({ relation: "self", name: "李娜" });
    const { tasks } = await assessDraft(kit.prisma, app);
    expect(tasks.find((t) => t.key === "applicant")?.status).toBe("not_started");
    expect(tasks.find((t) => t.key === "details")?.status).toBe("not_started");
    expect(tasks.find((t) => t.key === "check")?.status).toBe("cannot_start");
  });

  it("a garbled or hostile pre-check parameter is ignored, the filing still starts", async () => {
    const me = await kit.resident();
    const { applicationId } = await kit.run(me, startFilingDef, { channel: "talent", subtype: "college_graduate", precheck: "%%%not-base64" });
    expect(readAnswers((await kit.loadDraft(applicationId)).answers)).toEqual({});
    const bad = await error(kit.run(me, startFilingDef, { channel: "talent", subtype: "enrollment" }));
    expect(bad.issues.find((i) => i.path === "subtype")?.message).toContain("高校毕业生");
  });

  it("saves each page, reports Chinese errors next to the fields, and resumes on another device at the same place", async () => {
    const me = await kit.resident("赵强");
    const { applicationId } = await kit.run(me, startFilingDef, { channel: "residence" });
    const bad = await error(kit.run(me, saveApplicantDef, { applicationId, hukouType: "", hukouRegion: "41", hukouAddress: "" }));
    expect(bad.code).toBe("validation_failed");
    // The first message of each field is the one shown next to it.
    const byPath = Object.fromEntries([...bad.issues].reverse().map((i) => [i.path, i.message]));
    expect(byPath.hukouType).toBe("请选择当前户口性质");
    expect(byPath.hukouRegion).toBe("户口所在地行政区划代码应为6位数字");
    expect(byPath.hukouAddress).toContain("请填写户籍地址");
    // Nothing was saved by the bad post, nothing lost.
    expect(readAnswers((await kit.loadDraft(applicationId)).answers).applicant).toBeUndefined();

    await kit.run(me, saveApplicantDef, { applicationId, hukouType: "urban", hukouRegion: "411221", hukouAddress: "渑池县城关镇" });
    const st = kit.stations.get("411202-02")!;
    const wrongStation = await error(kit.run(me, saveDestinationDef, { applicationId, county: "411203", address: "陕州区大营镇人民路1号", stationId: st.id }));
    expect(wrongStation.issues[0]).toMatchObject({ path: "stationId" });
    await kit.run(me, saveDestinationDef, { applicationId, county: "411202", address: "湖滨区黄河路东段5号", stationId: st.id });

    // "Another device": nothing but the user and the database.
    const resumed = await loadFiling(kit.prisma, me, applicationId);
    expect(resumed.draftStep).toBe("details");
    const a = readAnswers(resumed.answers);
    expect(a.applicant).toEqual({ hukouType: "urban", hukouRegion: "411221", hukouAddress: "渑池县城关镇" });
    expect(a.destination).toEqual({ county: "411202", address: "湖滨区黄河路东段5号", stationId: st.id });
    expect(resumed.destinationCounty).toBe("411202");
    expect(resumed.stationId).toBeNull(); // a draft belongs to no station's queue
  });

  it("changing the channel drops the old channel's answers (and, for collective, the family members)", async () => {
    const me = await kit.resident();
    const id = await kit.residenceDraft(me, [{ relation: "spouse", name: "配偶甲", idNumber: testId("411221", "19910101", "555") }]);
    await kit.run(me, saveChannelDef, { applicationId: id, channel: "collective" });
    const app = await kit.loadDraft(id);
    const a = readAnswers(app.answers);
    expect(app.channel).toBe("collective");
    expect(a.residence).toBeUndefined();
    expect(a.completed?.details).toBe(false);
    expect(a.applicant).toBeDefined();
    expect(app.members.map((m) => m.relation)).toEqual(["self"]);
  });

  it("another resident's draft is not found: reading, saving, uploading, submitting", async () => {
    const owner = await kit.resident("甲");
    const intruder = await kit.resident("乙");
    const id = await kit.residenceDraft(owner);
    await expect(loadFiling(kit.prisma, intruder, id)).rejects.toMatchObject({ code: "not_found" });
    for (const [def, input] of [
      [saveResidenceDetailsDef, { applicationId: id, tenure: "owned", legal: "true" }],
      [saveApplicantDef, { applicationId: id, hukouType: "rural", hukouRegion: "411221", hukouAddress: "某地某路" }],
      [submitFilingDef, { applicationId: id, submitKey: "k-0123456789abcdef", truthful: "true", voluntary: "true" }],
    ] as const) {
      const e = await error(kit.run(intruder, def as typeof saveApplicantDef, input));
      expect(e.code).toBe("not_found");
    }
    const owners = await kit.loadDraft(id);
    const e = await error(
      kit.run(intruder, uploadDocumentDef, { applicationId: id, memberId: owners.members[0].id, docType: "id_card", file: file(PDF, "a.pdf") }),
    );
    expect(e.code).toBe("not_found");
    expect((await kit.loadDraft(id)).documents).toHaveLength(0);
    const denied = await kit.prisma.auditEvent.count({ where: { actorId: intruder.id, action: { endsWith: ".denied" } } });
    expect(denied).toBeGreaterThanOrEqual(4);
  });
});

describe("draft cleanup (rule: drafts untouched for draftRetentionDays of the rule set are deleted)", () => {
  it("deletes only stale drafts with their files; recent drafts and submitted filings stay", async () => {
    const me = await kit.resident("清理");
    const stale = await kit.residenceDraft(me);
    await kit.uploadAll(me, stale);
    const staleKeys = (await kit.loadDraft(stale)).documents.map((d) => d.storageKey);
    expect(staleKeys.length).toBeGreaterThan(0);
    for (const k of staleKeys) expect(fs.existsSync(path.join(kit.uploads, ...k.split("/")))).toBe(true);
    const fresh = await kit.residenceDraft(me);
    const submitted = await kit.residenceDraft(await kit.resident("已提交"));
    const submitter = (await kit.prisma.application.findUniqueOrThrow({ where: { id: submitted }, include: { resident: true } })).resident;
    const sub = {
      id: submitter.id,
      role: "resident" as const,
      realName: submitter.realName,
      username: null,
      mobile: null,
      stationId: null,
      isStationHead: false,
      countyCode: null,
    };
    await kit.uploadAll(sub, submitted);
    await kit.run(sub, submitFilingDef, { applicationId: submitted, submitKey: "cleanup-key-0123456789", truthful: "true", voluntary: "true" });

    const now = new Date();
    const old = new Date(now.getTime() - 91 * 86_400_000);
    const edge = new Date(now.getTime() - 89 * 86_400_000);
    // updatedAt is set by Prisma on every save; age the rows directly.
    await kit.prisma.$executeRawUnsafe(`UPDATE "Application" SET "updatedAt" = $1 WHERE "id" IN ($2, $3)`, old, stale, submitted);
    await kit.prisma.$executeRawUnsafe(`UPDATE "Application" SET "updatedAt" = $1 WHERE "id" = $2`, edge, fresh);

    const res = await cleanupStaleDrafts(kit.prisma, { now, storage: kit.storage });
    expect(res.deleted).toBe(1);
    expect(res.files).toBe(staleKeys.length);
    expect(await kit.prisma.application.findUnique({ where: { id: stale } })).toBeNull();
    expect(await kit.prisma.householdMember.count({ where: { applicationId: stale } })).toBe(0);
    for (const k of staleKeys) expect(fs.existsSync(path.join(kit.uploads, ...k.split("/")))).toBe(false);
    expect(await kit.prisma.application.findUnique({ where: { id: fresh } })).not.toBeNull();
    expect((await kit.prisma.application.findUniqueOrThrow({ where: { id: submitted } })).status).toBe("submitted");
    // Idempotent.
    expect((await cleanupStaleDrafts(kit.prisma, { now, storage: kit.storage })).deleted).toBe(0);
    // The retention comes from the rule set in force (90 days by default).
    expect(res.cutoff.getTime()).toBe(now.getTime() - 90 * 86_400_000);
  });
});
