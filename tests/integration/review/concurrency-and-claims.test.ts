import { describe, expect, it } from "vitest";
import { runAction } from "@/lib/auth/run-action";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/errors";
import { approveFilingDef } from "@/lib/review/approve-filing";
import { acceptFilingDef } from "@/lib/review/accept-filing";
import { refuseFilingDef } from "@/lib/review/refuse-filing";
import { claimFilingDef, releaseFilingDef, assignFilingDef } from "@/lib/review/claim-filing";
import { createFiling, reload, withWorld, type World } from "./fixtures";

let prisma: PrismaClient;
let w: World;

withWorld((x) => ({ prisma, w } = x));

const settle = <T>(ps: Promise<T>[]) => Promise.allSettled(ps);
const failures = (rs: PromiseSettledResult<unknown>[]) =>
  rs.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason as DomainError);

describe("two clerks never decide one filing twice", () => {
  it("two simultaneous approvals by two clerks: exactly one permit, the other a clear conflict", async () => {
    const f = await createFiling(w, { status: "accepted" });
    const rs = await settle([
      runAction(prisma, w.staff.head, "10.0.0.1", approveFilingDef, { applicationId: f.id, version: f.version }),
      runAction(prisma, w.staff.clerk2, "10.0.0.2", approveFilingDef, { applicationId: f.id, version: f.version }),
    ]);
    expect(rs.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [err] = failures(rs);
    expect(err).toBeInstanceOf(DomainError);
    expect(err.code).toBe("conflict");
    expect(err.message).toMatch(/刚刚已被他人处理|已由.+认领/);
    expect(await prisma.permit.count({ where: { applicationId: f.id } })).toBe(1);
    expect(await prisma.statusEvent.count({ where: { applicationId: f.id, type: "approved" } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { applicationId: f.id, action: "review.approve" } })).toBe(1);
    const after = await reload(prisma, f.id);
    expect(after.version).toBe(f.version + 1);
  });

  it("a double click (the same clerk twice at once) makes one permit", async () => {
    const f = await createFiling(w, { status: "accepted" });
    const rs = await settle([0, 1, 2].map(() => runAction(prisma, w.staff.head, "10.0.0.1", approveFilingDef, { applicationId: f.id, version: f.version })));
    expect(rs.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(failures(rs).every((e) => e.code === "conflict" && e.message.includes("刚刚已被他人处理"))).toBe(true);
    expect(await prisma.permit.count({ where: { applicationId: f.id } })).toBe(1);
  });

  it("an approval and a refusal at once: one decision, never both", async () => {
    const f = await createFiling(w, { status: "accepted" });
    const rs = await settle<unknown>([
      runAction(prisma, w.staff.head, "10.0.0.1", approveFilingDef, { applicationId: f.id, version: f.version }),
      runAction(prisma, w.staff.head, "10.0.0.1", refuseFilingDef, {
        applicationId: f.id,
        version: f.version,
        reasonCodes: ["documents_invalid"],
        note: "材料与申请不符",
      }),
    ]);
    expect(rs.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const after = await reload(prisma, f.id);
    expect(["approved", "refused"]).toContain(after.status);
    expect(await prisma.permit.count({ where: { applicationId: f.id } })).toBe(after.status === "approved" ? 1 : 0);
    expect(await prisma.statusEvent.count({ where: { applicationId: f.id } })).toBe(1);
  });

  it("two clerks claiming at once: one holds it, the other is told who", async () => {
    const f = await createFiling(w);
    const rs = await settle([
      runAction(prisma, w.staff.head, "10.0.0.1", claimFilingDef, { applicationId: f.id }),
      runAction(prisma, w.staff.clerk2, "10.0.0.2", claimFilingDef, { applicationId: f.id }),
    ]);
    expect(rs.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [err] = failures(rs);
    expect(err.code).toBe("conflict");
    const after = await reload(prisma, f.id);
    expect(err.message).toContain(after.assignedClerkId === w.staff.head.id ? "李卫东" : "赵晓梅");
  });
});

describe("claim, hand back, assign", () => {
  it("a filing claimed by one clerk cannot be acted on by another", async () => {
    const f = await createFiling(w);
    await runAction(prisma, w.staff.clerk2, "ip", claimFilingDef, { applicationId: f.id });
    const e = await runAction(prisma, w.staff.head, "ip", acceptFilingDef, { applicationId: f.id, version: f.version }).catch((x: DomainError) => x);
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe("conflict");
    expect((e as DomainError).message).toContain("赵晓梅");
    // Claiming again is harmless; the holder may act.
    expect((await runAction(prisma, w.staff.clerk2, "ip", claimFilingDef, { applicationId: f.id })).changed).toBe(false);
    await runAction(prisma, w.staff.clerk2, "ip", acceptFilingDef, { applicationId: f.id, version: f.version });
    expect((await reload(prisma, f.id)).status).toBe("accepted");
  });

  it("hand back frees the filing; only the holder can hand it back", async () => {
    const f = await createFiling(w);
    await runAction(prisma, w.staff.clerk2, "ip", claimFilingDef, { applicationId: f.id });
    const notMine = await runAction(prisma, w.staff.head, "ip", releaseFilingDef, { applicationId: f.id }).catch((x: DomainError) => x);
    expect((notMine as DomainError).code).toBe("conflict");
    await runAction(prisma, w.staff.clerk2, "ip", releaseFilingDef, { applicationId: f.id });
    expect((await reload(prisma, f.id)).assignedClerkId).toBeNull();
    const actions = await prisma.reviewAction.findMany({ where: { applicationId: f.id }, orderBy: { createdAt: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["claim", "release"]);
    expect(await prisma.auditEvent.count({ where: { applicationId: f.id, action: { in: ["review.claim", "review.release"] } } })).toBe(2);
  });

  it("only a station head assigns, and only to a clerk of the same station", async () => {
    const f = await createFiling(w);
    const notHead = await runAction(prisma, w.staff.clerk2, "ip", assignFilingDef, { applicationId: f.id, clerkId: w.staff.clerk2.id }).catch(
      (x: DomainError) => x,
    );
    expect((notHead as DomainError).code).toBe("forbidden");
    const otherStation = await runAction(prisma, w.staff.head, "ip", assignFilingDef, { applicationId: f.id, clerkId: w.staff.other.id }).catch(
      (x: DomainError) => x,
    );
    expect((otherStation as DomainError).code).toBe("validation_failed");
    expect((otherStation as DomainError).issues[0].path).toBe("clerkId");
    await runAction(prisma, w.staff.clerk2, "ip", claimFilingDef, { applicationId: f.id });
    await runAction(prisma, w.staff.head, "ip", assignFilingDef, { applicationId: f.id, clerkId: w.staff.head.id });
    expect((await reload(prisma, f.id)).assignedClerkId).toBe(w.staff.head.id);
  });

  it("a clerk of another station cannot claim (not found)", async () => {
    const f = await createFiling(w);
    const e = await runAction(prisma, w.staff.other, "ip", claimFilingDef, { applicationId: f.id }).catch((x: DomainError) => x);
    expect((e as DomainError).code).toBe("not_found");
    expect((await reload(prisma, f.id)).assignedClerkId).toBeNull();
  });
});
