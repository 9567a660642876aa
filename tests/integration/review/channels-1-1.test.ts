import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPrisma } from "@/tests/support/test-db";
import { expectDomainError } from "@/tests/support/domain-error";
import { runAction } from "@/lib/auth/run-action";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { approveFilingDef } from "@/lib/review/approve-filing";
import { recordMoveOutDef } from "@/lib/review/record-move-out";
import { recordRegistrationDef } from "@/lib/review/record-registration";
import { registerDirectlyDef } from "@/lib/review/register-directly";
import { viewFilingDef } from "@/lib/review/view-filing";
import { beijingDate } from "@/lib/calendar/working-days";
import { createFiling, reload, setupWorld, type World } from "./fixtures";

/** Issue 11: graduates with no home settle into a collective household named on the permit; rural students at origin register directly. */

let prisma: PrismaClient;
let close: () => Promise<void>;
let w: World;
const IP = "127.0.0.1";

beforeAll(async () => {
  ({ prisma, close } = await createTestPrisma());
  w = await setupWorld(prisma);
});
afterAll(async () => close?.());

describe("a graduate with no home and no job (二(一) 先落户后就业, 二(三))", () => {
  const answers = { hukouType: "urban", noStableResidence: true, collectiveKind: "community", employment: { employed: false } };

  it("the clerk names the collective household at approval; the permit names it, not the typed address; registration goes into it", async () => {
    const f = await createFiling(w, { channel: "talent", subtype: "college_graduate", status: "accepted", answers });
    const view = await runAction(prisma, w.staff.head, IP, viewFilingDef, { applicationId: f.id });
    expect(view.settlementPath).toBe("collective_household");
    expect(view.households.length).toBeGreaterThan(0);

    const missing = await expectDomainError(runAction(prisma, w.staff.head, IP, approveFilingDef, { applicationId: f.id, version: f.version }));
    expect(missing.issues[0].path).toBe("collectiveHouseholdId");
    const foreign = await prisma.collectiveHousehold.findFirstOrThrow({ where: { stationId: w.stations.daying } });
    expect(
      (
        await expectDomainError(
          runAction(prisma, w.staff.head, IP, approveFilingDef, { applicationId: f.id, version: f.version, collectiveHouseholdId: foreign.id }),
        )
      ).code,
    ).toBe("validation_failed");

    const ours = await prisma.collectiveHousehold.findFirstOrThrow({ where: { stationId: w.stations.qianjin } });
    await runAction(prisma, w.staff.head, IP, approveFilingDef, { applicationId: f.id, version: f.version, collectiveHouseholdId: ours.id });
    const permit = await prisma.permit.findUniqueOrThrow({ where: { applicationId: f.id } });
    expect(permit.destinationAddress).toContain(ours.name);
    expect(permit.destinationAddress).not.toContain("崤山路1号");
    let cur = await reload(prisma, f.id);
    expect(cur.collectiveHouseholdId).toBe(ours.id);

    await runAction(prisma, w.staff.head, IP, recordMoveOutDef, {
      applicationId: f.id,
      version: cur.version,
      originOffice: "洛阳市公安局某派出所",
      movedOutOn: beijingDate(new Date()),
    });
    cur = await reload(prisma, f.id);
    const res = await runAction(prisma, w.staff.head, IP, recordRegistrationDef, { applicationId: f.id, version: cur.version });
    expect(res.collectiveHouseholdId).toBe(ours.id);
  });

  it("a collective-channel permit names the collective household, not the employer's address", async () => {
    const f = await createFiling(w, { channel: "collective", status: "accepted" });
    const ours = await prisma.collectiveHousehold.findFirstOrThrow({ where: { stationId: w.stations.qianjin } });
    await runAction(prisma, w.staff.head, IP, approveFilingDef, { applicationId: f.id, version: f.version, collectiveHouseholdId: ours.id });
    expect((await prisma.permit.findUniqueOrThrow({ where: { applicationId: f.id } })).destinationAddress).toBe(`${ours.name}（${ours.address}）`);
  });

  it("a graduate with a home keeps the usual path (permit at the address)", async () => {
    const f = await createFiling(w, { channel: "talent", status: "accepted", answers: { hukouType: "urban", residence: { tenure: "rented", legal: true } } });
    await runAction(prisma, w.staff.head, IP, approveFilingDef, { applicationId: f.id, version: f.version });
    expect((await prisma.permit.findUniqueOrThrow({ where: { applicationId: f.id } })).destinationAddress).toBe("湖滨区崤山路1号");
  });
});

describe("a rural student registering as urban at origin (二(一) 直接办理城镇居民登记)", () => {
  const answers = { applicant: { hukouType: "rural", hukouRegion: "411202", hukouAddress: "湖滨区磁钟乡" }, schoolName: "郑州大学" };

  it("no permit, no move-out: from acceptance straight to registered", async () => {
    const f = await createFiling(w, {
      channel: "rural_student",
      subtype: "urban_registration_at_origin",
      status: "accepted",
      answers,
      members: [{ relation: "parent" }],
    });
    const approve = await expectDomainError(runAction(prisma, w.staff.head, IP, approveFilingDef, { applicationId: f.id, version: f.version }));
    expect(approve.message).toContain("直接办理城镇居民登记");
    expect((await runAction(prisma, w.staff.head, IP, viewFilingDef, { applicationId: f.id })).settlementPath).toBe("direct_registration");
    const res = await runAction(prisma, w.staff.head, IP, registerDirectlyDef, { applicationId: f.id, version: f.version });
    expect(res.status).toBe("registered");
    const after = await reload(prisma, f.id);
    expect(after.completedAt).not.toBeNull();
    expect(await prisma.permit.count({ where: { applicationId: f.id } })).toBe(0);
    const types = (await prisma.statusEvent.findMany({ where: { applicationId: f.id } })).map((e) => e.type);
    expect(types).toEqual(["registered_directly"]);
    expect(types).not.toContain("moved_out");
  });

  it("direct registration is refused for any other filing", async () => {
    const f = await createFiling(w, { status: "accepted" });
    expect((await expectDomainError(runAction(prisma, w.staff.head, IP, registerDirectlyDef, { applicationId: f.id, version: f.version }))).code).toBe(
      "invalid_state",
    );
  });
});
