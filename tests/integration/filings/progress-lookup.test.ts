import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createKit, type Kit, error } from "./filing-test-kit";
import { submitFilingDef } from "@/lib/filings/submit-filing";
import { acceptFilingDef } from "@/lib/review/accept-filing";
import { lookupProgress, requestProgressCode } from "@/lib/filings/progress-lookup";
import { MemoryRateLimitStore, setRateLimitStore } from "@/lib/http/rate-limit";

let kit: Kit;
beforeAll(async () => {
  kit = await createKit();
});
afterAll(async () => kit?.close());
beforeEach(() => setRateLimitStore(new MemoryRateLimitStore()));

const codeTo = async (mobile: string) => {
  const m = await kit.prisma.outboxMessage.findFirst({ where: { recipient: mobile, template: "code" }, orderBy: { createdAt: "desc" } });
  return (m?.params as { code?: string } | null)?.code;
};

describe("public progress lookup (/progress)", () => {
  it("reference + name + a code to the filing's phone shows status, next step, due date and timeline; mismatches get the same answer and no code", async () => {
    const me = await kit.resident("孙丽");
    const id = await kit.residenceDraft(me);
    await kit.uploadAll(me, id);
    const { reference } = await kit.run(me, submitFilingDef, { applicationId: id, submitKey: "progress-lookup-key-0001", truthful: "true", voluntary: "true" });
    const clerk = await kit.clerk();
    const v = (await kit.prisma.application.findUniqueOrThrow({ where: { id } })).version;
    await kit.run(clerk, acceptFilingDef, { applicationId: id, version: v });

    const sentBefore = await kit.prisma.outboxMessage.count({ where: { template: "code" } });
    const wrongName = await requestProgressCode({ reference, name: "别人" }, "10.1.0.1", kit.prisma);
    const unknownRef = await requestProgressCode({ reference: "SMX-2026-999999", name: "孙丽" }, "10.1.0.1", kit.prisma);
    expect(await kit.prisma.outboxMessage.count({ where: { template: "code" } })).toBe(sentBefore);
    const ok = await requestProgressCode({ reference: reference.toLowerCase(), name: " 孙 丽 " }, "10.1.0.1", kit.prisma);
    expect(ok).toEqual(wrongName);
    expect(ok).toEqual(unknownRef);
    // Asking again within the minute: the same answer (the per-number limit must not tell a match apart).
    expect(await requestProgressCode({ reference, name: "孙丽" }, "10.1.0.1", kit.prisma)).toEqual(ok);
    const code = (await codeTo(me.mobile!))!;
    expect(code).toMatch(/^\d{6}$/);

    const wrong = await error(lookupProgress({ reference, name: "孙丽", smsCode: code === "000000" ? "111111" : "000000" }, "10.1.0.1", kit.prisma));
    expect(wrong.issues[0].path).toBe("smsCode");
    const otherName = await error(lookupProgress({ reference, name: "别人", smsCode: code }, "10.1.0.1", kit.prisma));
    expect(otherName.issues[0].path).toBe("smsCode");
    expect(await kit.prisma.auditEvent.count({ where: { action: "progress.lookup_refused" } })).toBeGreaterThanOrEqual(2);

    const view = await lookupProgress({ reference, name: "孙丽", smsCode: code }, "10.1.0.1", kit.prisma);
    expect(view).toMatchObject({ reference, status: "accepted", statusLabel: "已受理，审核中", nextStep: "派出所审核决定" });
    expect(view.dueAt).not.toBeNull();
    expect(view.station?.name).toContain("派出所");
    expect(view.timeline.map((t) => t.label)).toEqual(["提交申请", "派出所已受理"]);
    expect(JSON.stringify(view)).not.toMatch(/\d{17}[\dX]/); // no ID numbers
    // The code is spent.
    await error(lookupProgress({ reference, name: "孙丽", smsCode: code }, "10.1.0.1", kit.prisma));
  });
});
