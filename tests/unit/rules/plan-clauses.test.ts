import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PLAN_CLAUSES, clausesOfPlan, isPlanClause } from "@/lib/rules/plan-clauses";

const planText = fs.readFileSync(path.resolve(__dirname, "../../../lib/rules/plan/sanmenxia-2019-24-settlement-plan.txt"), "utf8");

describe("the clauses of the plan", () => {
  it("are exactly those its headings number", () => {
    expect(clausesOfPlan(planText)).toEqual(PLAN_CLAUSES);
  });

  it("include the bans and exclude clauses the plan does not have", () => {
    for (const c of ["二(二)", "三(五)", "二(三)", "四(四)", "三(十)"]) expect(isPlanClause(c)).toBe(true);
    for (const c of ["四(九)", "二(四)", "五", "一(一)", "三(十一)", ""]) expect(isPlanClause(c)).toBe(false);
  });
});
