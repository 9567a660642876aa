/**
 * The forbidden-criteria guard on 1,000 characters (target: under 1 ms each). Three texts of
 * exactly 1,000 characters: a clean clerk's note, one full of findings, and a mixed draft with
 * traditional characters, pinyin and English. Prints the median and the 99th percentile.
 */
import fs from "node:fs";
import path from "node:path";
import { findForbiddenCriteria } from "../lib/rules/forbidden-criteria";

const to1000 = (s: string) => s.repeat(Math.ceil(1000 / s.length)).slice(0, 1000);

export function benchCriteriaGuard(iterations = 3_000) {
  const plan = fs.readFileSync(path.resolve(__dirname, "../lib/rules/plan/sanmenxia-2019-24-settlement-plan.txt"), "utf8");
  const texts: Record<string, string> = {
    "clean note (plan text)": to1000(plan.slice(2000)),
    "many findings": to1000("申请人未购房，不予办理；积分不足；未缴纳社会保险满一年；居住未满两年；本年度落户名额已满；须退出宅基地方可落户。"),
    "mixed disguises": to1000(
      "申請人未購房，wei jiao shui；Applicant has no tax records; 租住房屋不属于稳定住所；ｎｏ　ｑｕｏｔａ； 可依法自愿有偿转让宅基地使用权，非落户条件。",
    ),
  };
  const rows = [];
  for (const [name, text] of Object.entries(texts)) {
    for (let i = 0; i < 300; i++) findForbiddenCriteria(text); // warm-up
    const times: number[] = [];
    let findings = 0;
    for (let i = 0; i < iterations; i++) {
      const t = process.hrtime.bigint();
      findings = findForbiddenCriteria(text).length;
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    times.sort((a, b) => a - b);
    rows.push({
      text: name,
      chars: text.length,
      findings,
      medianMs: +times[Math.floor(times.length / 2)].toFixed(3),
      p99Ms: +times[Math.floor(times.length * 0.99)].toFixed(3),
    });
  }
  return rows;
}

if (require.main === module) console.table(benchCriteriaGuard());
