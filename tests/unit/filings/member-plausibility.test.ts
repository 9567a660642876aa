import { describe, it, expect } from "vitest";
import { memberPlausibilityProblem } from "@/lib/filings/member-plausibility";
import { makeIdNumber } from "@/lib/validation/id-number";

const id = (ymd: string, seq = "123") => makeIdNumber(`411221${ymd}${seq}`);
const self = { idNumber: id("19750601") };

describe("memberPlausibilityProblem", () => {
  it.each([
    ["parent", "19970101", "父母的出生日期"],
    ["parent", "19750601", "父母的出生日期"],
    ["child", "19700101", "子女的出生日期"],
    ["child", "19750601", "子女的出生日期"],
  ])("%s born %s → refused", (relation, born, text) => {
    expect(memberPlausibilityProblem(self, [], { relation, idNumber: id(born) })?.message).toContain(text);
  });

  it.each([
    ["parent", "19500101"],
    ["child", "20050101"],
    ["spouse", "19800101"],
    ["other", "19990101"],
  ])("%s born %s → fine", (relation, born) => {
    expect(memberPlausibilityProblem(self, [], { relation, idNumber: id(born) })).toBeNull();
  });

  it("a second spouse is refused; editing the one spouse is not", () => {
    const spouse = { id: "m1", relation: "spouse", idNumber: id("19760101") };
    expect(memberPlausibilityProblem(self, [spouse], { relation: "spouse", idNumber: id("19770101") })?.path).toBe("relation");
    expect(memberPlausibilityProblem(self, [spouse], { id: "m1", relation: "spouse", idNumber: id("19770101") })).toBeNull();
  });
});
