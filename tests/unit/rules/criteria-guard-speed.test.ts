import { describe, expect, it } from "vitest";
import { findForbiddenCriteria } from "@/lib/rules";

/** The guard on 1,000 characters takes under 1 ms (median of many runs; `npm run bench -- guard` prints the numbers). */
const to1000 = (s: string) => s.repeat(Math.ceil(1000 / s.length)).slice(0, 1000);

describe("the guard is fast", () => {
  it.each([
    ["a clean note", to1000("申请人在当地无住房（含租赁），按社区集体户登记。经核实，租赁合同已备案，材料齐全，准予迁入。")],
    ["a note full of findings", to1000("申请人未购房，不予办理；积分不足；未缴纳社会保险满一年；居住未满两年；本年度落户名额已满。")],
    ["mixed disguises", to1000("申請人未購房，wei jiao shui；Applicant has no tax records; 未\u200b交\u200b税；ｎｏ ｑｕｏｔａ left。")],
  ])("%s: 1,000 characters in under 1 ms", (_name, text) => {
    expect(text.length).toBe(1000);
    for (let i = 0; i < 50; i++) findForbiddenCriteria(text);
    const times: number[] = [];
    for (let i = 0; i < 201; i++) {
      const t = performance.now();
      findForbiddenCriteria(text);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    expect(times[100]).toBeLessThan(1);
  });
});
