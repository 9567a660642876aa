import { describe, it, expect } from "vitest";
import { applyEdits, DOCUMENT_SLOTS, ruleSetEditSchema, slotGroups } from "@/lib/admin/rule-set-editing";
import { DEFAULT_RULE_SET_DATA } from "@/lib/rules/default-rule-set";
import { validateRuleSetData } from "@/lib/rules/validate-rule-set";
import type { RuleSetData } from "@/lib/rules/types";

/** Admin edits keep the 1.1 parts: the id_card age exemption and the principal's tie. */

const input = (documents: Record<string, unknown>) =>
  ruleSetEditSchema.parse({
    baseId: "x",
    version: "sanmenxia-2019-24/v1.2",
    effectiveFrom: "2027-01-01",
    documents,
    timeLimits: DEFAULT_RULE_SET_DATA.timeLimits,
    refusalReasons: DEFAULT_RULE_SET_DATA.refusalReasons,
  });

describe("rule-set editing and 1.1", () => {
  it("editing the identity documents keeps notRequiredUnderAge on id_card", () => {
    const edited = applyEdits(
      DEFAULT_RULE_SET_DATA,
      input({
        identityDocuments: [
          { alternatives: ["id_card"], clause: "二" },
          { alternatives: ["hukou_booklet"], clause: "二" },
        ],
      }),
    );
    expect(edited.identityDocuments[0].notRequiredUnderAge).toBe(16);
    expect(validateRuleSetData(edited).ok).toBe(true);
  });

  it("the principal's tie is an editable slot; a base without it (v1) ignores those keys", () => {
    const slot = DOCUMENT_SLOTS.find((s) => s.key === "family.tie.rented")!;
    expect(slotGroups(DEFAULT_RULE_SET_DATA, slot)[0].alternatives[0]).toBe("rental_contract");
    const edited = applyEdits(
      DEFAULT_RULE_SET_DATA,
      input({ "family.tie.hukou": [{ alternatives: ["principal_hukou_booklet", "relationship_proof"], clause: "二(二)" }] }),
    );
    expect(edited.channels.family.principalTie!.hukou.documents[0].alternatives).toEqual(["principal_hukou_booklet", "relationship_proof"]);
    const v1 = structuredClone(DEFAULT_RULE_SET_DATA) as RuleSetData;
    delete v1.channels.family.principalTie;
    const fromV1 = applyEdits(v1, input({ "family.tie.hukou": [{ alternatives: ["principal_hukou_booklet"], clause: "二(二)" }] }));
    expect(fromV1.channels.family.principalTie).toBeUndefined();
    expect(validateRuleSetData(fromV1).ok).toBe(true);
  });
});
