import { describe, it, expect } from "vitest";
import { DEFAULT_RULE_SET_DATA, validateRuleSetData, type RuleSetData, type RuleSetProblem } from "@/lib/rules";

/** A copy of the default data, changed by `edit`, as an admin's JSON would arrive. */
function edited(edit: (d: RuleSetData) => void): unknown {
  const d = structuredClone(DEFAULT_RULE_SET_DATA);
  edit(d);
  return JSON.parse(JSON.stringify(d));
}

function problemsOf(data: unknown): RuleSetProblem[] {
  const r = validateRuleSetData(data);
  if (r.ok) throw new Error("expected the rule set to be refused");
  return r.problems;
}

/** Sets a condition's fact to any string, as raw JSON could (the type only allows known facts). */
function setFact(d: RuleSetData, index: number, fact: string) {
  Object.assign(d.conditions[index], { fact });
}

describe("validateRuleSetData: accepts", () => {
  it("the default rule set", () => {
    const r = validateRuleSetData(DEFAULT_RULE_SET_DATA);
    expect(r).toEqual({ ok: true, data: DEFAULT_RULE_SET_DATA });
  });

  it("the default rule set after a JSON round trip (as stored in the database)", () => {
    expect(validateRuleSetData(JSON.parse(JSON.stringify(DEFAULT_RULE_SET_DATA))).ok).toBe(true);
  });

  it("tuned time limits and an added refusal reason", () => {
    const r = validateRuleSetData(
      edited((d) => {
        d.timeLimits.supplementWorkingDays = 15;
        d.refusalReasons.push({ code: "deceased", label: "申请人已死亡", clause: "二" });
      }),
    );
    expect(r.ok).toBe(true);
  });

  it("full-width clause brackets, stored the way the plan is cited", () => {
    const r = validateRuleSetData(edited((d) => (d.refusalReasons[2].clause = "二（二）")));
    expect(r.ok && r.data.refusalReasons[2].clause).toBe("二(二)");
  });

  it("property certificate as an alternative to a rental contract, in any order", () => {
    const r = validateRuleSetData(
      edited((d) => (d.channels.residence.tenures.rented.documents = [{ alternatives: ["property_certificate", "rental_contract"], clause: "二(二)" }])),
    );
    expect(r.ok).toBe(true);
  });
});

describe("validateRuleSetData: refuses home ownership as a condition — 二(二)", () => {
  it("property certificate as the only evidence for renters", () => {
    const problems = problemsOf(
      edited((d) => (d.channels.residence.tenures.rented.documents = [{ alternatives: ["property_certificate"], clause: "二(二)" }])),
    );
    expect(problems).toEqual([
      {
        code: "forbidden_criterion",
        path: "channels.residence.tenures.rented.documents.0.alternatives",
        criterion: "home_purchase",
        clause: "二(二)",
        message: expect.stringContaining("租赁合同"),
      },
    ]);
  });

  it("property certificate as a separate mandatory group", () => {
    const problems = problemsOf(
      edited((d) => d.channels.residence.tenures.rented.documents.push({ alternatives: ["property_certificate"], clause: "二(二)" })),
    );
    expect(problems).toMatchObject([
      { code: "forbidden_criterion", criterion: "home_purchase", clause: "二(二)", path: "channels.residence.tenures.rented.documents.1.alternatives" },
    ]);
  });

  it("property certificate required in another channel", () => {
    const problems = problemsOf(
      edited((d) => d.channels.family.documents.push({ alternatives: ["property_certificate", "employer_housing_certificate"], clause: "二(二)" })),
    );
    expect(problems).toMatchObject([{ criterion: "home_purchase", path: "channels.family.documents.0.alternatives" }]);
  });

  it("a condition on the tenure (owners only)", () => {
    const problems = problemsOf(
      edited((d) =>
        d.conditions.push({ code: "owners_only", clause: "二(二)", fact: "residence.tenure", test: "equals", value: "owned", message: "限产权住房" }),
      ),
    );
    expect(problems).toMatchObject([{ code: "forbidden_criterion", criterion: "home_purchase", clause: "二(二)" }]);
  });
});

describe("validateRuleSetData: refuses conditions on ignored facts", () => {
  const cases: Array<[string, string, string | undefined, string]> = [
    ["ownsHome", "forbidden_criterion", "home_purchase", "二(二)"],
    ["homeAreaM2", "forbidden_criterion", "home_purchase", "二(二)"],
    ["taxPaidYuan", "forbidden_criterion", "tax_payment", "二(二)"],
    ["investmentYuan", "forbidden_criterion", "investment", "二(二)"],
    ["points", "forbidden_criterion", "points", "二(二)"],
    ["keepsRuralLandRights", "forbidden_criterion", "rural_land_rights", "三(五)"],
    ["applicant.keepsRuralLandRights", "forbidden_criterion", "rural_land_rights", "三(五)"],
    ["socialInsuranceMonths", "not_a_condition", undefined, "二(二)"],
    ["residenceYears", "not_a_condition", undefined, "二(二)"],
    ["applicant.taxPaid", "forbidden_criterion", "tax_payment", "二(二)"],
  ];

  it.each(cases)("fact %s → %s %s %s", (fact, code, criterion, clause) => {
    const problems = problemsOf(edited((d) => setFact(d, 0, fact)));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code, path: "conditions.0.fact", clause });
    expect(problems[0].criterion).toBe(criterion);
    expect(problems[0].message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("an unknown fact", () => {
    expect(problemsOf(edited((d) => setFact(d, 0, "applicant.age")))).toMatchObject([{ code: "unknown_fact", path: "conditions.0.fact" }]);
  });
});

describe("validateRuleSetData: refuses forbidden wording and non-conditions", () => {
  it("a refusal reason whose label rests on a forbidden criterion", () => {
    const problems = problemsOf(edited((d) => d.refusalReasons.push({ code: "no_home", label: "申请人未購房", clause: "二(二)" })));
    expect(problems).toMatchObject([{ code: "forbidden_criterion", criterion: "home_purchase", clause: "二(二)", path: "refusalReasons.10.label" }]);
  });

  it("a condition message about points", () => {
    const problems = problemsOf(edited((d) => (d.conditions[0].message = "积 分 不 足")));
    expect(problems).toMatchObject([{ criterion: "points", path: "conditions.0.message" }]);
  });

  it("a document group label about land rights", () => {
    const problems = problemsOf(
      edited((d) =>
        d.channels.rural_student.subtypes.enrollment.documents.push({ alternatives: ["relationship_proof"], clause: "三(五)", label: "放弃土地承包权声明" }),
      ),
    );
    expect(problems).toMatchObject([{ criterion: "rural_land_rights", clause: "三(五)" }]);
  });

  it("a job for a talent (先落户后就业)", () => {
    const problems = problemsOf(
      edited((d) => d.channels.talent.subtypes.college_graduate.documents.push({ alternatives: ["employment_contract"], clause: "二(一)" })),
    );
    expect(problems).toMatchObject([{ code: "not_a_condition", clause: "二(一)" }]);
  });

  it("a job condition on the residence channel", () => {
    const problems = problemsOf(edited((d) => d.channels.residence.conditions.push("collective_employed")));
    expect(problems).toMatchObject([{ code: "not_a_condition", clause: "二(二)", path: "channels.residence.conditions.2" }]);
  });
});

describe("validateRuleSetData: the gaps of issue 10", () => {
  it("refusal reasons 「未交税」 and 「本年度落户名额已满」", () => {
    const problems = problemsOf(
      edited((d) => {
        d.refusalReasons.push({ code: "no_tax", label: "未交税", clause: "二(二)" });
        d.refusalReasons.push({ code: "quota_full", label: "本年度落户名额已满", clause: "二(二)" });
      }),
    );
    expect(problems).toMatchObject([
      { code: "forbidden_criterion", criterion: "tax_payment", clause: "二(二)", path: "refusalReasons.10.label" },
      { code: "forbidden_criterion", criterion: "quota", clause: "", path: "refusalReasons.11.label" },
    ]);
  });

  it("the family channel requiring a labour contract or a job", () => {
    expect(
      problemsOf(edited((d) => d.channels.family.relations.spouse.documents.push({ alternatives: ["employment_contract"], clause: "二(二)" }))),
    ).toMatchObject([{ code: "not_a_condition", clause: "二(二)", path: "channels.family.relations.spouse.documents.1.alternatives" }]);
    expect(problemsOf(edited((d) => d.channels.family.conditions.push("collective_employed")))).toMatchObject([{ code: "not_a_condition", clause: "二(二)" }]);
  });

  it("talent requiring a residence or a job", () => {
    expect(problemsOf(edited((d) => d.channels.talent.conditions.push("residence_legal")))).toMatchObject([
      { code: "not_a_condition", clause: "二(一)", path: "channels.talent.conditions.0" },
    ]);
    expect(
      problemsOf(edited((d) => d.channels.talent.documents.push({ alternatives: ["rental_contract", "property_certificate"], clause: "二(一)" }))),
    ).toMatchObject([{ code: "not_a_condition", clause: "二(一)" }]);
    expect(problemsOf(edited((d) => d.channels.talent.subtypes.veteran.conditions.push("collective_employed")))).toMatchObject([
      { code: "not_a_condition", clause: "二(一)" },
    ]);
  });

  it("the residence channel limited by hukou type", () => {
    const problems = problemsOf(edited((d) => d.channels.residence.conditions.push("rural_student_rural_hukou")));
    expect(problems).toMatchObject([{ code: "not_a_condition", clause: "二(二)", path: "channels.residence.conditions.2" }]);
  });

  it("a clause the plan does not have (四(九), 二(四))", () => {
    expect(problemsOf(edited((d) => (d.refusalReasons[2].clause = "四(九)")))).toMatchObject([{ code: "unknown_clause", path: "refusalReasons.2.clause" }]);
    expect(problemsOf(edited((d) => (d.channels.residence.clause = "二(四)")))).toMatchObject([{ code: "unknown_clause", path: "channels.residence.clause" }]);
  });

  it("procedural reasons rest on 程序性理由, not on a clause they do not rest on", () => {
    for (const code of ["identity_unverified", "duplicate_filing", "supplement_not_provided"]) {
      expect(DEFAULT_RULE_SET_DATA.refusalReasons.find((r) => r.code === code)?.clause).toBe("程序性理由");
    }
    const i = DEFAULT_RULE_SET_DATA.refusalReasons.findIndex((r) => r.code === "duplicate_filing");
    expect(problemsOf(edited((d) => (d.refusalReasons[i].clause = "二")))).toMatchObject([{ code: "basis_mismatch", path: `refusalReasons.${i}.clause` }]);
    // 程序性理由 is no clause of the plan: only refusal reasons may rest on it.
    expect(problemsOf(edited((d) => (d.channels.collective.clause = "程序性理由")))).toMatchObject([{ path: "channels.collective.clause" }]);
  });
});

describe("validateRuleSetData: shape", () => {
  it("a refusal reason with no clause", () => {
    const problems = problemsOf(edited((d) => d.refusalReasons.push({ code: "other", label: "其他", clause: "" })));
    expect(problems).toMatchObject([{ code: "clause_required", path: "refusalReasons.10.clause" }]);
  });

  it("a refusal reason with the clause missing altogether", () => {
    const raw = edited(() => {}) as { refusalReasons: Array<Record<string, unknown>> };
    delete raw.refusalReasons[0].clause;
    expect(problemsOf(raw)).toMatchObject([{ code: "clause_required", path: "refusalReasons.0.clause" }]);
  });

  it("a clause not written as in the plan", () => {
    expect(problemsOf(edited((d) => (d.channels.talent.clause = "section 2")))).toMatchObject([{ code: "clause_required", path: "channels.talent.clause" }]);
  });

  it("a missing subtype, an unknown document and a bad time limit, all at once", () => {
    const raw = edited((d) => {
      d.timeLimits.acceptanceWorkingDays = 0;
    }) as { channels: { talent: { subtypes: Record<string, unknown> } }; identityDocuments: Array<{ alternatives: string[] }> };
    delete raw.channels.talent.subtypes.veteran;
    raw.identityDocuments[0].alternatives = ["passport"];
    const paths = problemsOf(raw).map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(["channels.talent.subtypes.veteran", "identityDocuments.0.alternatives.0", "timeLimits.acceptanceWorkingDays"]),
    );
  });

  it("unknown keys (typos) and a wrong format version", () => {
    const raw = { ...(edited(() => {}) as object), formatVersion: 2, extra: true };
    expect(
      problemsOf(raw)
        .map((p) => p.path)
        .sort(),
    ).toEqual(["", "formatVersion"]);
  });

  it("an unknown condition reference and a duplicate code", () => {
    const problems = problemsOf(
      edited((d) => {
        d.channels.family.relations.spouse.conditions.push("married_ten_years");
        d.conditions.push({ ...d.conditions[0] });
      }),
    );
    expect(problems.map((p) => p.code).sort()).toEqual(["duplicate_code", "unknown_condition"]);
  });

  it("an equals test without a value", () => {
    const problems = problemsOf(edited((d) => delete d.conditions[0].value));
    expect(problems).toMatchObject([{ code: "invalid", path: "conditions.0.value" }]);
  });

  it("not an object", () => {
    expect(problemsOf(null)).toMatchObject([{ code: "invalid", path: "" }]);
  });
});
