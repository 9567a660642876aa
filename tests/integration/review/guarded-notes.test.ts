import { describe, expect, it } from "vitest";
import { expectDomainError } from "@/tests/support/domain-error";
import { runAction } from "@/lib/auth/run-action";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { toActionError, type CriteriaFindingIssue } from "@/lib/errors";
import { approveFilingDef } from "@/lib/review/approve-filing";
import { recordRegistrationDef } from "@/lib/review/record-registration";
import { createFiling, refuseAsHead, reload, withWorld, type World } from "./fixtures";

/**
 * Issue 10: the guard reads conditions, not keywords, wherever a clerk writes. The notes the issue
 * found accepted are refused with their findings (words, offsets, clause) for the form to
 * highlight; the innocent notes it found blocked now pass.
 */

let prisma: PrismaClient;
let w: World;

withWorld((x) => ({ prisma, w } = x));

const IP = "10.0.0.2";

describe("refusal notes the issue found accepted", () => {
  it.each([
    ["未交税", "tax_payment", "二(二)"],
    ["租住房屋不属于稳定住所", "home_purchase", "二(二)"],
    ["租赁合同不能作为住所证明", "home_purchase", "二(二)"],
    ["非自有产权房", "home_purchase", "二(二)"],
    ["未缴纳社会保险满一年", "social_insurance", ""],
    ["居住未满两年", "residence_duration", ""],
    ["本年度落户名额已满", "quota", ""],
  ])("%j is refused (%s, clause %j) with its findings; nothing is recorded", async (note, criterion, clause) => {
    const f = await createFiling(w, { status: "accepted" });
    const e = await expectDomainError(refuseAsHead(w, f, ["documents_invalid"], note));
    expect(e.code).toBe("forbidden_criterion");
    const findings = e.details?.findings as CriteriaFindingIssue[];
    expect(findings).toEqual([expect.objectContaining({ path: "note", criterion, clause })]);
    expect(note.slice(findings[0].start, findings[0].end)).toBe(findings[0].match);
    // The form receives the same findings.
    expect(toActionError(e)).toMatchObject({ ok: false, code: "forbidden_criterion", findings: [{ criterion, clause, match: findings[0].match }] });
    expect((await reload(prisma, f.id)).status).toBe("accepted");
    expect(await prisma.reviewAction.count({ where: { applicationId: f.id } })).toBe(0);
  });

  it("every finding of a long note, each at its place", async () => {
    const f = await createFiling(w, { status: "accepted" });
    const note = "经审查，申请人未購房；且积分不足。";
    const e = await expectDomainError(refuseAsHead(w, f, ["documents_invalid"], note));
    const findings = e.details?.findings as CriteriaFindingIssue[];
    expect(findings.map((x) => [x.criterion, x.clause, x.match, x.start])).toEqual([
      ["home_purchase", "二(二)", "未購房", 7],
      ["points", "二(二)", "积分不足", 12],
    ]);
  });
});

describe("innocent notes the issue found blocked", () => {
  it("a refusal note recording kept land rights is accepted", async () => {
    const f = await createFiling(w, { status: "accepted" });
    await refuseAsHead(w, f, ["residence_not_legal"], "住所为违法建筑。申请人保留农村土地承包权、宅基地使用权和集体收益分配权");
    expect((await reload(prisma, f.id)).status).toBe("refused");
  });

  it("an approval note about a points question, and a collective registration note", async () => {
    const f = await createFiling(w, { status: "accepted" });
    await runAction(prisma, w.staff.head, IP, approveFilingDef, {
      applicationId: f.id,
      version: f.version,
      note: "申请人询问积分落户，已告知本市不实行积分落户",
    });
    expect((await reload(prisma, f.id)).status).toBe("approved");

    const c = await createFiling(w, { channel: "collective", status: "moved_out" });
    const household = await prisma.collectiveHousehold.findFirstOrThrow({ where: { stationId: w.stations.qianjin } });
    await runAction(prisma, w.staff.head, IP, recordRegistrationDef, {
      applicationId: c.id,
      version: c.version,
      collectiveHouseholdId: household.id,
      note: "申请人在当地无住房（含租赁），按社区集体户登记",
    });
    expect((await reload(prisma, c.id)).status).toBe("registered");
  });

  it("a registration note that makes a purchase contract a demand is still refused", async () => {
    const c = await createFiling(w, { channel: "collective", status: "moved_out" });
    const household = await prisma.collectiveHousehold.findFirstOrThrow({ where: { stationId: w.stations.qianjin } });
    const e = await expectDomainError(
      runAction(prisma, w.staff.head, IP, recordRegistrationDef, {
        applicationId: c.id,
        version: c.version,
        collectiveHouseholdId: household.id,
        note: "请提供购房合同",
      }),
    );
    expect(e.code).toBe("forbidden_criterion");
    expect(e.details?.findings).toEqual([expect.objectContaining({ path: "note", criterion: "home_purchase", clause: "二(二)", match: "请提供购房合同" })]);
  });
});
