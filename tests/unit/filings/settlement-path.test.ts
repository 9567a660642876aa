import { describe, it, expect } from "vitest";
import { memberAllowed, placeProblems, settlementPath } from "@/lib/filings/settlement-path";

describe("settlementPath", () => {
  it.each([
    [{ channel: "rural_student", subtype: "urban_registration_at_origin" }, "direct_registration"],
    [{ channel: "rural_student", subtype: "enrollment" }, "move"],
    [{ channel: "collective" }, "collective_household"],
    [{ channel: "talent", subtype: "college_graduate", answers: { noStableResidence: true } }, "collective_household"],
    [{ channel: "talent", subtype: "college_graduate", answers: { residence: { tenure: "rented", legal: true } } }, "move"],
    [{ channel: "residence" }, "move"],
  ])("%j → %s", (f, path) => expect(settlementPath(f)).toBe(path));
});

describe("placeProblems (二(一))", () => {
  const dest = (county: string) => ({ county, address: "x", stationId: "s" });
  it("registering at origin: the destination must be the origin county (the issue's 410323 → 411282 case is refused)", () => {
    const bad = placeProblems({
      channel: "rural_student",
      subtype: "urban_registration_at_origin",
      answers: { applicant: { hukouRegion: "410323" }, destination: dest("411282") },
    });
    expect(bad.map((p) => p.path)).toEqual(["destination"]);
    expect(bad[0].message).toContain("原籍");
    expect(
      placeProblems({
        channel: "rural_student",
        subtype: "urban_registration_at_origin",
        answers: { applicant: { hukouRegion: "411282" }, destination: dest("411282") },
      }),
    ).toEqual([]);
  });

  it("enrolment: the school's county must be the destination", () => {
    const a = { schoolName: "三门峡职业技术学院", destination: dest("411202") };
    expect(placeProblems({ channel: "rural_student", subtype: "enrollment", answers: { ...a, schoolCounty: "411203" } }).map((p) => p.path)).toEqual([
      "schoolCounty",
    ]);
    expect(placeProblems({ channel: "rural_student", subtype: "enrollment", answers: a }).map((p) => p.path)).toEqual(["schoolCounty"]);
    expect(placeProblems({ channel: "rural_student", subtype: "enrollment", answers: { ...a, schoolCounty: "411202" } })).toEqual([]);
  });

  it("after graduation: to work or back to origin must be chosen", () => {
    expect(placeProblems({ channel: "rural_student", subtype: "after_graduation", answers: { schoolName: "x" } }).map((p) => p.path)).toEqual([
      "graduateTarget",
    ]);
    expect(placeProblems({ channel: "rural_student", subtype: "after_graduation", answers: { schoolName: "x", graduateTarget: "origin" } })).toEqual([]);
  });

  it("after graduation to work: employed, a work county, and the destination equal to it", () => {
    const a = { schoolName: "x", graduateTarget: "work", destination: dest("411202") };
    expect(
      placeProblems({ channel: "rural_student", subtype: "after_graduation", answers: { ...a, employment: { employed: false } } }).map((p) => p.path),
    ).toEqual(["employed"]);
    expect(
      placeProblems({ channel: "rural_student", subtype: "after_graduation", answers: { ...a, employment: { employed: true } } }).map((p) => p.path),
    ).toEqual(["workCounty"]);
    const bad = placeProblems({
      channel: "rural_student",
      subtype: "after_graduation",
      answers: { ...a, employment: { employed: true, workCounty: "411224" } },
    });
    expect(bad).toEqual([{ path: "workCounty", message: "毕业后户口迁入就业地：就业单位在卢氏县，落户地须选择卢氏县（现为湖滨区）。" }]);
    expect(
      placeProblems({ channel: "rural_student", subtype: "after_graduation", answers: { ...a, employment: { employed: true, workCounty: "411202" } } }),
    ).toEqual([]);
  });

  it("after graduation back to origin: the destination must be the origin", () => {
    const a = { schoolName: "x", graduateTarget: "origin", applicant: { hukouRegion: "411221" }, destination: dest("411202") };
    expect(placeProblems({ channel: "rural_student", subtype: "after_graduation", answers: a }).map((p) => p.path)).toEqual(["originCounty"]);
    expect(placeProblems({ channel: "rural_student", subtype: "after_graduation", answers: { ...a, originCounty: "411202" } })).toEqual([]);
    expect(placeProblems({ channel: "rural_student", subtype: "after_graduation", answers: { ...a, destination: dest("411221") } })).toEqual([]);
  });

  it("other channels have no place rule here", () => {
    expect(placeProblems({ channel: "residence", answers: { destination: dest("411202") } })).toEqual([]);
  });
});

describe("memberAllowed: parents move along only when registering at origin", () => {
  it.each([
    ["urban_registration_at_origin", "parent", true],
    ["urban_registration_at_origin", "spouse", false],
    ["enrollment", "parent", false],
    ["after_graduation", "child", false],
  ])("%s + %s → %s", (subtype, relation, ok) => expect(memberAllowed({ channel: "rural_student", subtype }, relation) === null).toBe(ok));
  it("other channels are not limited here", () => expect(memberAllowed({ channel: "residence" }, "spouse")).toBeNull());
});
