import { describe, it, expect } from "vitest";
import { memberPlausibilityProblem } from "@/lib/filings/member-plausibility";
import { makeIdNumber } from "@/lib/schemas/id-number";
import { PLAN_INFORMATION } from "@/lib/filings/settled-rights";

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

describe("information the plan gives (三(五), 三(六), 三(九), 三(十))", () => {
  it("says it as the plan says it", () => {
    expect(PLAN_INFORMATION.map((r) => r.clause)).toEqual(["三(五)", "三(六)", "三(九)", "三(十)"]);
    const text = Object.fromEntries(PLAN_INFORMATION.map((r) => [r.clause, r.text]));
    expect(text["三(五)"]).toMatch(/自愿.*有偿转让/);
    expect(text["三(五)"]).toContain("不是落户条件");
    expect(text["三(六)"]).toMatch(/满3个月.*凭无房证明.*支付房租/);
    expect(text["三(九)"]).toMatch(/初中正式学籍.*中招升学考试/);
    expect(text["三(十)"]).toMatch(/未落户的城镇常住人口.*居住证/);
    expect(text["三(十)"]).toContain("派出所");
  });
});
