import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKit, type Kit } from "./filing-test-kit";
import { startFilingDef } from "@/lib/filings/start-filing";
import { encodePrecheckCarry } from "@/lib/filings/precheck-carry";
import { assessDraft } from "@/lib/filings/assess-draft";
import type { FilingAnswers } from "@/lib/filings/filing-answers";

let kit: Kit;
beforeAll(async () => {
  kit = await createKit();
});
afterAll(async () => kit?.close());

const request = (over: Record<string, unknown>) => ({
  applicant: { idNumber: "x", name: "x", hukouType: "rural", hukouRegion: "411221" },
  destinationCounty: "411202",
  channel: "talent",
  subtype: "college_graduate",
  documents: [],
  employment: { employed: false, employerHasCollectiveHousehold: false },
  hasDirectRelativeToJoin: false,
  ...over,
});

describe("the pre-check's answers carried into the filing", () => {
  it("a graduate renting, not yet employed: housing and employment are prefilled, nothing is marked done", async () => {
    const me = await kit.resident("陈晨");
    const precheck = encodePrecheckCarry(request({ residence: { tenure: "rented", legal: true } }));
    const { applicationId } = await kit.run(me, startFilingDef, { channel: "talent", subtype: "college_graduate", precheck });
    const app = await kit.prisma.application.findUniqueOrThrow({ where: { id: applicationId } });
    const a = app.answers as FilingAnswers;
    expect(a.residence).toEqual({ tenure: "rented", legal: true });
    expect(a.employment).toEqual({ employed: false });
    expect(a.prefill).toMatchObject({ hukouType: "rural", hukouRegion: "411221", destinationCounty: "411202" });
    expect(JSON.stringify(a)).not.toContain("idNumber");
    const { tasks } = await assessDraft(kit.prisma, await kit.loadDraft(applicationId));
    expect(tasks.find((t) => t.key === "details")?.status).not.toBe("completed");
  });

  it("a graduate with no home of their own is recorded as such; a rural student's employment is carried", async () => {
    const me = await kit.resident("林夕");
    const noHome = encodePrecheckCarry(request({ employment: { employed: true, employerHasCollectiveHousehold: false } }));
    const { applicationId } = await kit.run(me, startFilingDef, { channel: "talent", subtype: "college_graduate", precheck: noHome });
    const a = (await kit.prisma.application.findUniqueOrThrow({ where: { id: applicationId } })).answers as FilingAnswers;
    expect(a.noStableResidence).toBe(true);
    expect(a.employment).toEqual({ employed: true });

    const student = encodePrecheckCarry(request({ channel: "rural_student", subtype: "after_graduation", employment: { employed: true } }));
    const r = await kit.run(me, startFilingDef, { channel: "rural_student", subtype: "after_graduation", precheck: student });
    const b = (await kit.prisma.application.findUniqueOrThrow({ where: { id: r.applicationId } })).answers as FilingAnswers;
    expect(b.employment).toEqual({ employed: true });
  });
});
