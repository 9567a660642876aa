import { describe, expect, it } from "vitest";
import { runAction } from "@/lib/auth/run-action";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { viewFilingDef } from "@/lib/review/view-filing";
import { answerSummary } from "@/lib/review/answer-summary";
import { createFiling, withWorld, type World } from "./fixtures";

let prisma: PrismaClient;
let w: World;

withWorld((x) => ({ prisma, w } = x));

describe("the review page's data", () => {
  it("shows every member, the rules panel with clauses, ignored facts with the forbidding clause, and audits the view", async () => {
    const f = await createFiling(w, {
      members: [{ relation: "spouse", name: "李娜" }],
      documents: [["id_card", "hukou_booklet", "rental_contract"], ["id_card"]],
      answers: {
        hukouType: "rural",
        residence: { tenure: "rented", legal: true },
        ownsHome: false,
        taxPaidYuan: 0,
        residenceYears: 1,
        keepsRuralLandRights: true,
      },
    });
    const before = await prisma.auditEvent.count({ where: { applicationId: f.id } });
    const v = await runAction(prisma, w.staff.clerk2, "10.1.1.1", viewFilingDef, { applicationId: f.id });
    expect(v.members.map((m) => m.name)).toEqual(["王芳", "李娜"]);
    expect(v.members[0].idNumber).toBe(f.applicantIdNumber); // the review page shows the full number (audited)
    const [self, spouse] = v.panel.persons;
    expect(self).toMatchObject({ outcome: "eligible", channel: "residence", clauses: ["二(二)"] });
    expect(self.present.map((d) => d.docType)).toEqual(["id_card", "hukou_booklet", "rental_contract"]);
    expect(spouse).toMatchObject({ outcome: "needs_documents", channel: "family" });
    expect(spouse.missing.map((m) => [m.code, m.clause])).toEqual([
      ["hukou_booklet", "二"],
      ["marriage_certificate", "二(二)"],
    ]);
    expect(v.panel.allEligible).toBe(false);
    const ignored = Object.fromEntries(v.panel.ignoredFacts.map((x) => [x.key, x]));
    expect(ignored.ownsHome).toMatchObject({ clause: "二(二)", value: "否" });
    expect(ignored.taxPaidYuan.clause).toBe("二(二)");
    expect(ignored.keepsRuralLandRights.clause).toBe("三(五)");
    expect(ignored.residenceYears.clause).toBe("二(二)");
    expect(v.refusalReasons.length).toBeGreaterThan(5);
    expect(v.duplicates).toEqual([]);
    const after = await prisma.auditEvent.findMany({ where: { applicationId: f.id }, orderBy: { id: "asc" } });
    expect(after.length).toBe(before + 1);
    expect(after[after.length - 1]).toMatchObject({
      action: "review.filing.view",
      actorId: w.staff.clerk2.id,
      stationId: w.stations.qianjin,
      ip: "10.1.1.1",
      entityType: "application",
    });
  });

  it("reads the answers as the resident journey stores them (nested applicant, destination, form bookkeeping)", async () => {
    const answers = {
      applicant: { hukouType: "rural", hukouRegion: "411221", hukouAddress: "渑池县城关镇韶州路12号" },
      destination: { county: "411202", address: "湖滨区崤山路88号", stationId: w.stations.qianjin },
      residence: { tenure: "rented", legal: true },
      completed: { details: true, members: true },
      supplementResponses: {},
    };
    const f = await createFiling(w, { answers });
    const v = await runAction(prisma, w.staff.head, "ip", viewFilingDef, { applicationId: f.id });
    expect(v.panel.persons[0]).toMatchObject({ outcome: "eligible", problems: [] });
    expect(v.panel.ignoredFacts).toEqual([]);
    const lines = Object.fromEntries(answerSummary(v.filing.answers).map((l) => [l.label, l.value]));
    expect(lines).toMatchObject({ 当前户口性质: "农业户口", 户籍地址: "渑池县城关镇韶州路12号", 住所性质: "租赁住房", 是否为合法住所: "是" });
  });

  it("the duplicate check finds an open filing elsewhere in the city and a registration at this destination", async () => {
    const person = await createFiling(w, { station: "daying" });
    const registeredHere = await createFiling(w, { status: "registered", dueAt: null });
    const f = await createFiling(w, { idNumber: person.applicantIdNumber, members: [{ relation: "spouse", idNumber: registeredHere.applicantIdNumber }] });
    const v = await runAction(prisma, w.staff.head, "ip", viewFilingDef, { applicationId: f.id });
    const kinds = v.duplicates.map((d) => [d.kind, d.applicationId, d.sameStation]);
    expect(kinds).toContainEqual(["open_elsewhere", person.id, false]);
    expect(kinds).toContainEqual(["already_registered", registeredHere.id, true]);
    expect(v.duplicates.find((d) => d.applicationId === person.id)?.stationName).toContain("大营");
  });
});

describe("the audit trail is append-only in the database", () => {
  it("a direct UPDATE, DELETE or TRUNCATE of an audit event fails", async () => {
    const f = await createFiling(w);
    await runAction(prisma, w.staff.head, "ip", viewFilingDef, { applicationId: f.id });
    const ev = await prisma.auditEvent.findFirstOrThrow({ where: { applicationId: f.id } });
    await expect(prisma.$executeRawUnsafe(`UPDATE "AuditEvent" SET "actorId" = NULL WHERE "id" = ${ev.id}`)).rejects.toThrow(/append-only|只能追加/);
    await expect(prisma.auditEvent.update({ where: { id: ev.id }, data: { action: "tampered" } })).rejects.toThrow();
    await expect(prisma.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE "id" = ${ev.id}`)).rejects.toThrow(/append-only|只能追加/);
    await expect(prisma.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only|只能追加/);
    const still = await prisma.auditEvent.findUniqueOrThrow({ where: { id: ev.id } });
    expect(still.action).toBe("review.filing.view");
    expect(still.actorId).toBe(w.staff.head.id);
  });
});
