import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findForbiddenCriteria } from "@/lib/rules";

/** The guard never throws and every finding points at its words in the text as sent — whatever the text. */
const pieces = [
  "未",
  "购房",
  "纳税",
  "积分",
  "不足",
  "宅基地",
  "放弃",
  "须",
  "社保",
  "满",
  "两年",
  "名额",
  "已满",
  "不得",
  "，",
  "。",
  " ",
  "\u200b",
  "\u202e",
  "wei",
  "gou",
  "fang",
  "tax",
  "no",
  "😀",
  "𠀀",
  "租房",
  "不予认可",
  "Ｆ",
];

describe("the guard on any text", () => {
  it("never throws; offsets are in range and slice to the match", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.string({ unit: "binary", maxLength: 200 }),
          fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((a) => a.join("")),
        ),
        (text) => {
          for (const f of findForbiddenCriteria(text)) {
            expect(f.start).toBeGreaterThanOrEqual(0);
            expect(f.end).toBeLessThanOrEqual(text.length);
            expect(f.end).toBeGreaterThan(f.start);
            expect(text.slice(f.start, f.end)).toBe(f.match);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("the guard on the longest text the API takes", () => {
  it("20,000 characters full of findings in well under a second", () => {
    const text = "申请人未购房，积分不足；".repeat(2000).slice(0, 20_000);
    const t = performance.now();
    const found = findForbiddenCriteria(text);
    expect(performance.now() - t).toBeLessThan(1000);
    expect(found.length).toBeGreaterThan(3000);
  });
});
