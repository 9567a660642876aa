import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPrisma } from "@/tests/support/test-db";
import { seedReferenceData } from "@/lib/seed/reference-data";
import { createDraftRuleSet, getCurrentRuleSet, getRuleSet, publishRuleSet, invalidateRuleSetCache } from "@/lib/rules/rule-set-service";
import { checkEligibility } from "@/lib/eligibility/check-eligibility";
import { runPrecheck } from "@/lib/eligibility/precheck";
import { DEFAULT_RULE_SET_DATA, DEFAULT_RULE_SET_VERSION } from "@/lib/rules/default-rule-set";
import type { RuleSetData } from "@/lib/rules/types";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { testId } from "../../helpers/ids";

let prisma: PrismaClient;
let close: () => Promise<void>;
let adminId: string;
beforeAll(async () => {
  ({ prisma, close } = await createTestPrisma());
  await seedReferenceData(prisma);
  adminId = (await prisma.user.create({ data: { role: "admin", realName: "管理员", username: "a", passwordHash: "x" } })).id;
  invalidateRuleSetCache();
});
afterAll(async () => close?.());

const clone = (): RuleSetData => JSON.parse(JSON.stringify(DEFAULT_RULE_SET_DATA));

describe("versioned rule sets in the database", () => {
  it("the seed publishes the default rule set, applied by the eligibility check with its version", async () => {
    const current = await getCurrentRuleSet(prisma, new Date(), { fresh: true });
    expect(current.version).toBe(DEFAULT_RULE_SET_VERSION);
    const result = await checkEligibility(prisma, {
      applicant: { idNumber: testId(), name: "张三", hukouType: "rural", hukouRegion: "410323" },
      destinationCounty: "411202",
      channel: "residence",
      residence: { tenure: "rented", address: "湖滨区", legal: true },
      documents: ["id_card", "hukou_booklet", "rental_contract"],
    });
    expect(result.outcome).toBe("eligible");
    expect(result.ruleSetVersion).toBe(DEFAULT_RULE_SET_VERSION);
  });

  it("a new version with a longer acceptance limit is published and becomes current; the old stays readable", async () => {
    const data = clone();
    data.timeLimits.acceptanceWorkingDays = 3;
    const draft = await createDraftRuleSet(prisma, { version: "test/v2", effectiveFrom: new Date("2026-01-01T00:00:00Z"), data });
    expect((await getCurrentRuleSet(prisma, new Date(), { fresh: true })).version).toBe(DEFAULT_RULE_SET_VERSION);
    await publishRuleSet(prisma, draft.id, adminId);
    const now = await getCurrentRuleSet(prisma, new Date(), { fresh: true });
    expect(now.version).toBe("test/v2");
    expect(now.data.timeLimits.acceptanceWorkingDays).toBe(3);
    const old = await prisma.ruleSet.findUniqueOrThrow({ where: { version: DEFAULT_RULE_SET_VERSION } });
    expect((await getRuleSet(prisma, old.id)).data.timeLimits.acceptanceWorkingDays).toBe(DEFAULT_RULE_SET_DATA.timeLimits.acceptanceWorkingDays);
    await expect(publishRuleSet(prisma, draft.id, adminId)).rejects.toMatchObject({ code: "invalid_state" });
  });

  it("a rule set requiring a property certificate from renters is refused, naming 二(二)", async () => {
    const data = clone();
    data.channels.residence.tenures.rented.documents = [{ clause: "二(二)", alternatives: ["property_certificate"] }] as never;
    const err = await createDraftRuleSet(prisma, { version: "bad/v1", effectiveFrom: new Date(), data }).catch((e) => e);
    expect(err.code).toBe("forbidden_criterion");
    expect(err.message + JSON.stringify(err.issues)).toContain("二(二)");
    expect(await prisma.ruleSet.count({ where: { version: "bad/v1" } })).toBe(0);
  });

  it("the pre-check proposes every fitting channel, the best first, with the checklist", async () => {
    const { candidates } = await runPrecheck(prisma, {
      name: "李四",
      idNumber: testId("411221", "19950505", "231"),
      hukouType: "rural",
      destinationCounty: "411202",
      background: "college_graduate",
      housing: "rented",
      housingLegal: "yes",
      relation: "none",
      employed: "no",
    });
    const channels = candidates.map((c) => c.channel);
    expect(channels).toEqual(expect.arrayContaining(["talent", "residence"]));
    expect(channels).not.toContain("collective");
    const talent = candidates.find((c) => c.channel === "talent")!;
    expect(talent.result.missingDocuments).toContain("graduation_certificate");
    expect(talent.result.clauses).toContain("二(一)");
  });
});
