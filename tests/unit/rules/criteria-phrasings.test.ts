import fs from "node:fs";
import path from "node:path";
import { Converter } from "opencc-js/cn2t";
import { pinyin } from "pinyin-pro";
import { afterAll, describe, expect, it } from "vitest";
import { FORBIDDEN_CRITERION_INFO, findForbiddenCriteria, type ForbiddenCriterion } from "@/lib/rules";
import { FOUND, PASS } from "./criteria-phrasings.data";

/**
 * The guard against a table of phrasings: FOUND ones (with disguised variants) must be found with
 * their criterion and clause, PASS ones — including every sentence of the plan itself — must
 * not. Precision and recall over the whole table are printed (and asserted) at the end.
 */

const toTraditional = Converter({ from: "cn", to: "tw" });
const han = (s: string) => /\p{Script=Han}/u.test(s);
const spread = (s: string, sep: string) => [...s].join(sep);
const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, "\u3000");
const LOOK = { a: "а", e: "е", o: "о", p: "р", c: "с", x: "х", i: "і", y: "у" } as Record<string, string>;
const lookalike = (s: string) => s.replace(/[aeopcxiy]/g, (c) => LOOK[c]);
const py = (s: string, tones: boolean) => pinyin(s, { toneType: tones ? "symbol" : "none", nonZh: "consecutive" });

type Case = { text: string; criterion: ForbiddenCriterion; disguise: string };

function variants(text: string, criterion: ForbiddenCriterion): Case[] {
  const out: Case[] = [{ text, criterion, disguise: "plain" }];
  if (han(text)) {
    const trad = toTraditional(text);
    if (trad !== text) out.push({ text: trad, criterion, disguise: "traditional" });
    out.push({ text: spread(text, "\u200b"), criterion, disguise: "zero-width" });
    out.push({ text: spread(text, "\u202e"), criterion, disguise: "bidi" });
    out.push({ text: spread(text, " "), criterion, disguise: "spaces" });
    out.push({ text: spread(text, "·"), criterion, disguise: "punctuation" });
    out.push({ text: fullWidth(spread(text, " ")), criterion, disguise: "full-width spaces" });
  } else {
    out.push({ text: fullWidth(text), criterion, disguise: "full-width" });
    out.push({ text: lookalike(text), criterion, disguise: "look-alike letters" });
    out.push({ text: spread(text, "\u200b"), criterion, disguise: "zero-width" });
  }
  return out;
}

/** Pinyin versions of short Chinese phrasings (a clerk typing without an IME). */
const PINYIN_BASES: ReadonlyArray<readonly [string, ForbiddenCriterion]> = [
  ["未购房", "home_purchase"],
  ["申请人未购房，不予办理", "home_purchase"],
  ["须提供房产证", "home_purchase"],
  ["无房产", "home_purchase"],
  ["未纳税", "tax_payment"],
  ["未交税", "tax_payment"],
  ["需提供纳税证明", "tax_payment"],
  ["积分不足", "points"],
  ["积分不够", "points"],
  ["未退出宅基地", "rural_land_rights"],
  ["社保不满一年", "social_insurance"],
  ["居住未满两年", "residence_duration"],
  ["名额已满", "quota"],
  ["投资不足", "investment"],
  ["须购房", "home_purchase"],
];

const CASES: Case[] = [
  ...FOUND.flatMap(([t, c]) => variants(t, c)),
  ...PINYIN_BASES.flatMap(([t, c]) => [
    { text: py(t, true), criterion: c, disguise: "pinyin with tones" },
    { text: py(t, false), criterion: c, disguise: "pinyin" },
    { text: py(t, false).replace(/ /g, ""), criterion: c, disguise: "pinyin run together" },
  ]),
];

const planText = fs.readFileSync(path.resolve(__dirname, "../../../lib/rules/plan/sanmenxia-2019-24-settlement-plan.txt"), "utf8");
const PLAN_SENTENCES = planText
  .split(/(?<=[。；！？\n])/u)
  .map((s) => s.trim())
  .filter((s) => s.length > 0);
const PASSES = [...PASS, ...PLAN_SENTENCES];

const tally = { tp: 0, fn: 0, fp: 0, tn: 0 };

describe("the guard finds forbidden conditions however they are written", () => {
  it("has at least 200 phrasings to find, covering every criterion", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(200);
    expect(new Set(CASES.map((c) => c.criterion)).size).toBe(8);
  });

  it.each(CASES.map((c) => [c.disguise, c.text, c.criterion] as const))("%s %j → %s", (_d, text, criterion) => {
    const found = findForbiddenCriteria(text);
    const hit = found.find((f) => f.criterion === criterion);
    if (hit) tally.tp++;
    else tally.fn++;
    expect(found.map((f) => f.criterion)).toContain(criterion);
    expect(hit!.clause).toBe(FORBIDDEN_CRITERION_INFO[criterion].clause);
    for (const f of found) {
      expect(f.start).toBeGreaterThanOrEqual(0);
      expect(f.end).toBeGreaterThan(f.start);
      expect(f.end).toBeLessThanOrEqual(text.length);
      expect(text.slice(f.start, f.end)).toBe(f.match);
      expect(f.message.length).toBeGreaterThan(10);
    }
  });
});

describe("the guard passes texts that make nothing a condition", () => {
  it("has at least 100 of them, including every sentence of the plan", () => {
    expect(PASSES.length).toBeGreaterThanOrEqual(100);
    expect(PLAN_SENTENCES.length).toBeGreaterThan(60);
  });

  it.each(PASSES.map((t) => [t]))("%j", (text) => {
    const found = findForbiddenCriteria(text);
    if (found.length === 0) tally.tn++;
    else tally.fp++;
    expect(found.map((f) => [f.criterion, f.match])).toEqual([]);
  });

  it("passes the whole plan in one piece", () => {
    expect(findForbiddenCriteria(planText)).toEqual([]);
  });
});

describe("findings in a longer text", () => {
  it("finds each condition where it stands, with offsets into the text as sent", () => {
    const text = "经审查：申请人未購房，且积分不足；另，本年度落户名额已满。申请人保留宅基地使用权。";
    const found = findForbiddenCriteria(text);
    expect(found.map((f) => f.criterion)).toEqual(["home_purchase", "points", "quota"]);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.match);
    expect(found[0].match).toBe("未購房");
  });

  it("maps offsets past characters outside the BMP and emoji", () => {
    const text = "😀𠀀申请人未交税";
    const [f] = findForbiddenCriteria(text);
    expect(f.match).toBe("未交税");
    expect(f.start).toBe(text.indexOf("未"));
  });
});

afterAll(() => {
  const { tp, fn, fp, tn } = tally;
  if (tp + fn + fp + tn === 0) return;
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  console.log(
    `criteria phrasings: ${tp + fn} to find, ${fp + tn} to pass; found ${tp}, missed ${fn}, false alarms ${fp}; precision ${(precision * 100).toFixed(1)} %, recall ${(recall * 100).toFixed(1)} %`,
  );
});
