import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKit, error, type Kit } from "./filing-test-kit";
import { startFilingDef } from "@/lib/filings/start-filing";
import { saveApplicantDef, saveDestinationDef, saveRuralStudentDetailsDef } from "@/lib/filings/save-draft-steps";
import { placeProblems } from "@/lib/filings/settlement-path";
import type { FilingAnswers } from "@/lib/filings/filing-answers";

/** Issue 11, 二(一): a rural graduate's hukou goes to the place of work, or back to the origin (迁回原籍). */

let kit: Kit;
beforeAll(async () => {
  kit = await createKit();
});
afterAll(async () => kit?.close());

async function graduateDraft(name: string, stationCode: string) {
  const me = await kit.resident(name);
  const { applicationId } = await kit.run(me, startFilingDef, { channel: "rural_student", subtype: "after_graduation" });
  await kit.run(me, saveApplicantDef, { applicationId, hukouType: "rural", hukouRegion: "411221", hukouAddress: "渑池县英豪镇" });
  const st = kit.stations.get(stationCode)!;
  await kit.run(me, saveDestinationDef, { applicationId, county: st.countyCode, address: "湖滨区黄河路东段1号", stationId: st.id });
  return { me, applicationId };
}

describe("rural graduate: the destination is the place of work or the origin", () => {
  it("to the place of work: a work county other than the destination is refused with a Chinese message on the field", async () => {
    const { me, applicationId } = await graduateDraft("刘洋", "411202-01");
    const details = { applicationId, schoolName: "三门峡职业技术学院", graduateTarget: "work", employed: "true", employerName: "义马某公司" };
    const noCounty = await error(kit.run(me, saveRuralStudentDetailsDef, details));
    expect(noCounty.issues.map((i) => i.path)).toContain("workCounty");
    const e = await error(kit.run(me, saveRuralStudentDetailsDef, { ...details, workCounty: "411281" }));
    expect(e.issues).toEqual([{ path: "workCounty", message: expect.stringContaining("就业单位在义马市，落户地须选择义马市（现为湖滨区）") }]);
    // Working in the destination county: saved, the work county kept for the clerk.
    await kit.run(me, saveRuralStudentDetailsDef, { ...details, workCounty: "411202" });
    const a = (await kit.prisma.application.findUniqueOrThrow({ where: { id: applicationId } })).answers as FilingAnswers;
    expect(a.employment).toMatchObject({ employed: true, workCounty: "411202" });
    expect(a.completed?.details).toBe(true);
  });

  it("迁回原籍: the destination must be the origin county (before enrolment, else the current hukou's)", async () => {
    const { me, applicationId } = await graduateDraft("周婷", "411202-01");
    const details = { applicationId, schoolName: "河南某职业学院", graduateTarget: "origin", employed: "false" };
    // Current hukou in 渑池县 (411221), destination 湖滨区: not the origin.
    const e = await error(kit.run(me, saveRuralStudentDetailsDef, details));
    expect(e.issues[0]).toMatchObject({ path: "originCounty" });
    expect(e.issues[0].message).toContain("原籍在渑池县，落户地须选择渑池县（现为湖滨区）");
    // The hukou had moved to the school in 湖滨区; the origin before enrolment was 湖滨区 too: fits.
    await kit.run(me, saveRuralStudentDetailsDef, { ...details, originCounty: "411202" });
    const a = (await kit.prisma.application.findUniqueOrThrow({ where: { id: applicationId } })).answers as FilingAnswers;
    expect(a.originCounty).toBe("411202");
    expect(placeProblems({ channel: "rural_student", subtype: "after_graduation", answers: a })).toEqual([]);
  });

  it("an origin outside the city: told to apply at the origin", () => {
    const p = placeProblems({
      channel: "rural_student",
      subtype: "after_graduation",
      answers: {
        graduateTarget: "origin",
        applicant: { hukouType: "rural", hukouRegion: "410323", hukouAddress: "x" },
        destination: { county: "411202", address: "x", stationId: "s" },
      },
    });
    expect(p).toHaveLength(1);
    expect(p[0].message).toContain("不在三门峡市");
    expect(p[0].message).toContain("新安县");
  });
});
