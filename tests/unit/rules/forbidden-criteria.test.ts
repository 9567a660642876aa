import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  DEFAULT_RULE_SET,
  FORBIDDEN_CRITERIA,
  FORBIDDEN_CRITERION_INFO,
  checkNote,
  checkRefusal,
  findForbiddenCriteria,
  normalizeCjk,
  type ForbiddenCriterion,
} from "@/lib/rules";
import { CHANNEL_LABELS, DOCUMENT_LABELS, SUBTYPE_LABELS } from "@/lib/schemas/eligibility";

const criteria = (text: string) => findForbiddenCriteria(text).map((m) => m.criterion);

describe("forbidden criteria: the table of RULES.md", () => {
  it('has the eight criteria of the spec with their clauses ("" where the plan sets no such condition)', () => {
    // The spec's table (docs/api/criteria-check-api.md): | `code` | what | clause, or "— (the plan sets none)" |
    const spec = readFileSync(path.join(process.cwd(), "docs/api/criteria-check-api.md"), "utf8");
    const rows = [...spec.matchAll(/^\| `([a-z_]+)` \|[^|]*\| ([^|]*?) \|$/gm)].map((m) => [m[1], m[2].startsWith("—") ? "" : m[2]]);
    expect(rows).toHaveLength(8);
    expect(FORBIDDEN_CRITERIA).toEqual(rows.map(([code]) => code));
    expect(FORBIDDEN_CRITERIA.map((c) => [c, FORBIDDEN_CRITERION_INFO[c].clause])).toEqual(rows);
    for (const c of FORBIDDEN_CRITERIA) expect(FORBIDDEN_CRITERION_INFO[c].explanation).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("findForbiddenCriteria: positives", () => {
  const positives: Array<[string, ForbiddenCriterion]> = [
    // simplified
    ["申请人未购房，不予落户", "home_purchase"],
    ["无房产", "home_purchase"],
    ["申请人没有购房", "home_purchase"],
    ["需购房后方可办理", "home_purchase"],
    ["须购买住房", "home_purchase"],
    ["要求购房", "home_purchase"],
    ["房产证明不足", "home_purchase"],
    ["住房面积不足", "home_purchase"],
    ["人均面积不够", "home_purchase"],
    ["住房面积须达到60平方米", "home_purchase"],
    ["人均住房面积不得低于20平方米", "home_purchase"],
    ["住房面积不符合落户要求", "home_purchase"],
    ["必须拥有住房", "home_purchase"],
    ["申请人没有房子", "home_purchase"],
    ["购房落户", "home_purchase"],
    ["无自有住房，不符合条件", "home_purchase"],
    ["申请人名下无房", "home_purchase"],
    ["没房不给办", "home_purchase"],
    ["请先买房再申请", "home_purchase"],
    ["租房不能落户", "home_purchase"],
    ["租赁住房不予办理", "home_purchase"],
    ["仅限自有住房", "home_purchase"],
    ["自有住房方可申请", "home_purchase"],
    ["纳税不足", "tax_payment"],
    ["未纳税", "tax_payment"],
    ["个人所得税缴纳不足", "tax_payment"],
    ["需提供纳税证明", "tax_payment"],
    ["纳税额未达到标准", "tax_payment"],
    ["年纳税额不得低于1万元", "tax_payment"],
    ["纳税证明须满三年", "tax_payment"],
    ["投资不足", "investment"],
    ["注册资本低于100万元", "investment"],
    ["投资额未达标", "investment"],
    ["未在本市投资", "investment"],
    ["积分不够", "points"],
    ["积分不足", "points"],
    ["积分落户", "points"],
    ["评分未达标", "points"],
    ["未退出宅基地", "rural_land_rights"],
    ["放弃土地承包权", "rural_land_rights"],
    ["交回承包地后办理", "rural_land_rights"],
    ["须放弃集体收益分配权", "rural_land_rights"],
    ["宅基地尚未退出", "rural_land_rights"],
    ["需转让其在农村的土地承包经营权", "rural_land_rights"],
    // traditional
    ["未購房", "home_purchase"],
    ["無房產", "home_purchase"],
    ["沒有購買住房", "home_purchase"],
    ["納稅不足", "tax_payment"],
    ["積分不夠", "points"],
    ["投資不足", "investment"],
    ["註冊資本不足", "investment"],
    ["放棄土地承包權", "rural_land_rights"],
    ["未退出宅基地", "rural_land_rights"],
    // spaced, punctuated, zero-width, full-width
    ["未 购 房", "home_purchase"],
    ["未-购-房", "home_purchase"],
    ["未，购房", "home_purchase"],
    ["未\u200b购\u200d房", "home_purchase"],
    ["无\u3000房\u3000产", "home_purchase"],
    ["纳·税·不·足", "tax_payment"],
    ["积 分 不 足", "points"],
    ["退出「宅基地」", "rural_land_rights"],
    ["未 購 房！", "home_purchase"],
    // English
    ["Home purchase required", "home_purchase"],
    ["applicant must buy a house first", "home_purchase"],
    ["house purchase required", "home_purchase"],
    ["purchase of a house is required", "home_purchase"],
    ["applicant is not a homeowner", "home_purchase"],
    ["renters are not eligible", "home_purchase"],
    ["Property ownership required", "home_purchase"],
    ["applicant does not own a home", "home_purchase"],
    ["applicant doesn't own property", "home_purchase"],
    ["floor area too small", "home_purchase"],
    ["insufficient tax", "tax_payment"],
    ["Taxes paid below threshold", "tax_payment"],
    ["no investment", "investment"],
    ["registered capital too low", "investment"],
    ["not enough points", "points"],
    ["score below threshold", "points"],
    ["must give up land", "rural_land_rights"],
    ["must give up the homestead", "rural_land_rights"],
    ["surrender contracted land", "rural_land_rights"],
    ["ＮＯ ＴＡＸ ＲＥＣＯＲＤＳ", "tax_payment"],
    ["t\u200bax records required", "tax_payment"],
  ];

  it.each(positives)("%j → %s", (text, criterion) => {
    const found = findForbiddenCriteria(text);
    expect(found.map((m) => m.criterion)).toContain(criterion);
    const m = found.find((x) => x.criterion === criterion);
    expect(m?.clause).toBe(FORBIDDEN_CRITERION_INFO[criterion].clause);
    expect(m?.match.length).toBeGreaterThan(0);
  });

  it("reports every place a criterion is made a condition, in text order", () => {
    expect(criteria("积分不足，未购房，纳税不足，未购房")).toEqual(["points", "home_purchase", "tax_payment", "home_purchase"]);
  });
});

describe("findForbiddenCriteria: negatives (legitimate notes)", () => {
  // Legitimate clerk notes, negations and a criterion's bare name pass: the PASS table of
  // criteria-phrasings.data.ts, each tested in criteria-phrasings.test.ts.

  it("none of the portal's own labels and messages trip the detector", () => {
    const texts = [
      ...Object.values(CHANNEL_LABELS),
      ...Object.values(SUBTYPE_LABELS),
      ...Object.values(DOCUMENT_LABELS),
      ...DEFAULT_RULE_SET.data.conditions.map((c) => c.message),
      ...DEFAULT_RULE_SET.data.refusalReasons.map((r) => r.label),
    ];
    for (const t of texts) expect([t, findForbiddenCriteria(t)]).toEqual([t, []]);
  });
});

describe("normalizeCjk", () => {
  it("folds full-width forms, traditional characters and separators", () => {
    expect(normalizeCjk("未 購-房\u200b！ＡＢ")).toBe("未购房ab");
  });
});

describe("checkRefusal", () => {
  it("accepts an allowed reason with a clean note", () => {
    expect(checkRefusal({ reasonCodes: ["residence_not_legal"], note: "房屋为违法建筑" }, DEFAULT_RULE_SET)).toEqual([]);
  });

  it("also takes the bare rule set data", () => {
    expect(checkRefusal({ reasonCodes: ["withdrawn"] }, DEFAULT_RULE_SET.data)).toEqual([]);
  });

  it("requires a reason", () => {
    const problems = checkRefusal({ reasonCodes: [], note: "" }, DEFAULT_RULE_SET);
    expect(problems).toEqual([{ code: "reason_required", message: expect.stringContaining("理由") }]);
  });

  it("refuses an unknown reason code", () => {
    const problems = checkRefusal({ reasonCodes: ["documents_invalid", "no_home"] }, DEFAULT_RULE_SET);
    expect(problems).toEqual([{ code: "unknown_reason", reasonCode: "no_home", message: expect.any(String) }]);
  });

  it("refuses a note resting on a forbidden criterion, naming criterion and clause", () => {
    const problems = checkRefusal({ reasonCodes: ["documents_invalid"], note: "申请人未購房，且積分不足" }, DEFAULT_RULE_SET);
    expect(problems.map((p) => p.code)).toEqual(["forbidden_criterion", "forbidden_criterion"]);
    expect(problems).toMatchObject([
      { criterion: "home_purchase", clause: "二(二)" },
      { criterion: "points", clause: "二(二)" },
    ]);
    expect(problems[0].message).toContain("二(二)");
  });

  it("reports every problem at once", () => {
    const problems = checkRefusal({ reasonCodes: ["x"], note: "放弃宅基地" }, DEFAULT_RULE_SET);
    expect(problems.map((p) => p.code)).toEqual(["unknown_reason", "forbidden_criterion"]);
    expect(problems[1]).toMatchObject({ criterion: "rural_land_rights", clause: "三(五)" });
  });
});

describe("checkNote", () => {
  it("passes a legitimate supplement notice", () => {
    expect(checkNote("请补充提交房屋租赁合同（需备案）及户口簿本人页")).toEqual([]);
  });

  it("flags a forbidden criterion", () => {
    const text = "请补充纳税证明，纳税不足的不予办理";
    const problems = checkNote(text);
    expect(problems).toEqual([
      {
        code: "forbidden_criterion",
        criterion: "tax_payment",
        clause: "二(二)",
        match: "请补充纳税证明",
        start: 0,
        end: 7,
        message: expect.stringContaining("纳税"),
      },
      {
        code: "forbidden_criterion",
        criterion: "tax_payment",
        clause: "二(二)",
        match: "纳税不足",
        start: 8,
        end: 12,
        message: expect.stringContaining("二(二)"),
      },
    ]);
    for (const p of problems) expect(text.slice(p.start, p.end)).toBe(p.match);
  });
});
