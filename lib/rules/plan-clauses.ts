import type { Clause } from "./types";

/**
 * The clauses that exist in the plan 三政办〔2019〕24号 (lib/rules/plan/…-settlement-plan.txt):
 * its four parts 一–四 and their numbered items, written as RULES.md writes them ("二(二)").
 * Derived from the plan's headings by clausesOfPlan; a unit test re-derives them from the text.
 */
export const PLAN_CLAUSES: readonly Clause[] = [
  "一",
  "二",
  "二(一)",
  "二(二)",
  "二(三)",
  "三",
  "三(一)",
  "三(二)",
  "三(三)",
  "三(四)",
  "三(五)",
  "三(六)",
  "三(七)",
  "三(八)",
  "三(九)",
  "三(十)",
  "四",
  "四(一)",
  "四(二)",
  "四(三)",
  "四(四)",
];

/**
 * The basis of a refusal that rests on procedure, not on a clause of the plan: identity not
 * verified, a duplicate filing, a supplement not answered in time.
 */
export const PROCEDURAL_BASIS = "程序性理由";

/** Refusal reasons of the default set that are procedural: they may cite no plan clause. */
export const PROCEDURAL_REFUSAL_CODES: ReadonlySet<string> = new Set(["identity_unverified", "duplicate_filing", "supplement_not_provided"]);

const PART = /^([一二三四五六七八九十]+)、/u;
const ITEM = /^[（(]\s*([一二三四五六七八九十]+)\s*[）)]/u;

/** The clauses of a plan text: each part heading "二、…" and each item heading "（二）…" under it. */
export function clausesOfPlan(text: string): Clause[] {
  const out: Clause[] = [];
  let part: string | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const p = PART.exec(line);
    if (p) {
      part = p[1];
      out.push(part);
      continue;
    }
    const it = ITEM.exec(line);
    if (it && part && !out.includes(`${part}(${it[1]})`)) out.push(`${part}(${it[1]})`);
  }
  return out;
}

export function isPlanClause(clause: string): boolean {
  return PLAN_CLAUSES.includes(clause);
}
