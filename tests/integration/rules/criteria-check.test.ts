import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPrisma } from "@/tests/support/test-db";
import { seedReferenceData } from "@/lib/seed/reference-data";
import { runAction } from "@/lib/auth/run-action";
import type { SessionUser } from "@/lib/auth/roles";
import { checkCriteria, MAX_CRITERIA_TEXT } from "@/lib/criteria/check-criteria";
import { checkDocumentDef } from "@/lib/criteria/check-document";
import { createDraftRuleSet, invalidateRuleSetCache } from "@/lib/rules/rule-set-service";
import { DEFAULT_RULE_SET_DATA, DEFAULT_RULE_SET_VERSION } from "@/lib/rules/default-rule-set";
import { validateRuleSetData } from "@/lib/rules/validate-rule-set";
import { DomainError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";

let prisma: PrismaClient;
let close: () => Promise<void>;
const user = (role: SessionUser["role"], id: string): SessionUser => ({
  id,
  role,
  realName: role,
  username: role,
  mobile: null,
  stationId: null,
  isStationHead: false,
  countyCode: role === "official" ? "411202" : null,
});
let official: SessionUser;
let admin: SessionUser;
let clerk: SessionUser;

beforeAll(async () => {
  ({ prisma, close } = await createTestPrisma());
  await seedReferenceData(prisma);
  invalidateRuleSetCache();
  const mk = async (role: SessionUser["role"], username: string) =>
    user(
      role,
      (await prisma.user.create({ data: { role, realName: username, username, passwordHash: "x", countyCode: role === "official" ? "411202" : null } })).id,
    );
  official = await mk("official", "official-x");
  admin = await mk("admin", "admin-x");
  clerk = await mk("clerk", "clerk-x");
});
afterAll(async () => close?.());

describe("checkCriteria (the API's core)", () => {
  it("returns the spec's example: 未购房 at 3–6, 二(二), with the rule set in force", async () => {
    const out = await checkCriteria(prisma, { text: "申请人未购房，不予办理" });
    expect(out.ruleSetVersion).toBe(DEFAULT_RULE_SET_VERSION);
    expect(out.findings).toEqual([
      { criterion: "home_purchase", clause: "二(二)", match: "未购房", start: 3, end: 6, message: expect.stringMatching(/^不得将购买房屋作为落户限制条件/) },
    ]);
  });

  it("[] for a text that mentions the bans only to forbid them", async () => {
    expect((await checkCriteria(prisma, { text: "不得将购买房屋、投资纳税等作为落户限制条件，不得采取积分落户方式。" })).findings).toEqual([]);
  });

  it("takes exactly 20,000 characters and refuses one more", async () => {
    expect((await checkCriteria(prisma, { text: "好".repeat(MAX_CRITERIA_TEXT) })).findings).toEqual([]);
    await expect(checkCriteria(prisma, { text: "好".repeat(MAX_CRITERIA_TEXT + 1) })).rejects.toMatchObject({ code: "validation_failed" });
  });
});

describe("规范性文件合规检查 (officials and admins; nothing pasted is stored)", () => {
  const draft =
    "关于做好落户工作的通知（征求意见稿）\n一、申请人须在本市购房满一年。\n二、租赁住房不予认可。\n三、本年度落户指标已满的，次年办理。\n四、进城落户农民的宅基地使用权依法保留。";

  it("an official gets every finding; the audit event records counts and clauses, never the text", async () => {
    const out = await runAction(prisma, official, "10.0.0.9", checkDocumentDef, { text: draft });
    expect(out.findings.map((f) => [f.criterion, f.clause])).toEqual([
      ["home_purchase", "二(二)"],
      ["home_purchase", "二(二)"],
      ["quota", ""],
    ]);
    for (const f of out.findings) expect(draft.slice(f.start, f.end)).toBe(f.match);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "compliance.check", actorId: official.id } });
    expect(event.details).toMatchObject({ characters: [...draft].length, findings: 3 });
    const stored = JSON.stringify(event, (_k, v) => (typeof v === "bigint" ? String(v) : v));
    expect(stored).not.toContain("购房");
    expect(stored).not.toContain("租赁");
  });

  it("an admin may use it too", async () => {
    const out = await runAction(prisma, admin, "10.0.0.9", checkDocumentDef, { text: "申请人询问积分落户，已告知本市不实行积分落户" });
    expect(out.findings).toEqual([]);
  });

  it("a clerk may not (404, audited as denied)", async () => {
    const e = await runAction(prisma, clerk, "10.0.0.9", checkDocumentDef, { text: "未购房" }).catch((x) => x);
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe("not_found");
  });
});

describe("rule-set drafts (the issue's 「未交税」 and 「本年度落户名额已满」)", () => {
  it("are refused, the error carrying each finding of each reason for the editor to highlight", async () => {
    const data = structuredClone(DEFAULT_RULE_SET_DATA);
    data.refusalReasons.push({ code: "no_tax", label: "未交税", clause: "二(二)" }, { code: "quota_full", label: "本年度落户名额已满", clause: "二(二)" });
    const e = (await createDraftRuleSet(prisma, { version: "guard-test-1", effectiveFrom: new Date(), data }).catch((x) => x)) as DomainError;
    expect(e).toBeInstanceOf(DomainError);
    expect(e.code).toBe("forbidden_criterion");
    expect(e.details?.findings).toEqual([
      { path: "refusalReasons.10.label", criterion: "tax_payment", clause: "二(二)", match: "未交税", start: 0, end: 3, message: expect.any(String) },
      { path: "refusalReasons.11.label", criterion: "quota", clause: "", match: "落户名额已满", start: 3, end: 9, message: expect.any(String) },
    ]);
    expect(await prisma.ruleSet.count({ where: { version: "guard-test-1" } })).toBe(0);
  });
});

describe("migration 20261130100000_procedural_refusal_basis", () => {
  it("moves the procedural reasons of a stored rule set to 程序性理由, keeping order and the rest", async () => {
    const old = structuredClone(DEFAULT_RULE_SET_DATA);
    for (const r of old.refusalReasons) if (["identity_unverified", "duplicate_filing", "supplement_not_provided"].includes(r.code)) r.clause = "二";
    expect(validateRuleSetData(old).ok).toBe(false);
    const row = await prisma.ruleSet.create({ data: { version: "stored-before-issue-10", effectiveFrom: new Date("2020-01-01"), data: old as object } });
    const sql = fs.readFileSync(path.resolve(__dirname, "../../../prisma/migrations/20261130100000_procedural_refusal_basis/migration.sql"), "utf8");
    await prisma.$executeRawUnsafe(sql);
    const after = (await prisma.ruleSet.findUniqueOrThrow({ where: { id: row.id } })).data as typeof old;
    expect(after.refusalReasons).toEqual(DEFAULT_RULE_SET_DATA.refusalReasons);
    expect(validateRuleSetData(after).ok).toBe(true);
  });
});
