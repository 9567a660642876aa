import { describe, expect, it } from "vitest";
import { runAction } from "@/lib/auth/run-action";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/errors";
import { createCollectiveHouseholdDef, listStationCollectiveHouseholds, updateCollectiveHouseholdDef } from "@/lib/collective/collective-households";
import { createFiling, withWorld, type World } from "./fixtures";

let prisma: PrismaClient;
let w: World;

withWorld((x) => ({ prisma, w } = x));

describe("community collective households", () => {
  it("a station sees its own households with the number of people registered into each", async () => {
    const [h] = await listStationCollectiveHouseholds(prisma, w.stations.qianjin);
    expect(h.name).toBe("湖滨区前进街道社区集体户");
    const f = await createFiling(w, { channel: "collective", status: "registered", members: [{ relation: "spouse" }], dueAt: null });
    await prisma.application.update({ where: { id: f.id }, data: { collectiveHouseholdId: h.id } });
    const [again] = await listStationCollectiveHouseholds(prisma, w.stations.qianjin);
    expect(again.members).toBe(2);
    expect((await listStationCollectiveHouseholds(prisma, w.stations.daying)).map((x) => x.name)).toEqual(["陕州区大营镇社区集体户"]);
  });

  it("an admin registers and edits a household (audited); others cannot", async () => {
    const input = {
      name: "湖滨区涧河街道社区集体户",
      stationId: w.stations.qianjin,
      address: "湖滨区涧河街道办事处",
      approvingOffice: "三门峡市公安局湖滨分局",
      approvedAt: "2024-05-01",
      active: true,
    };
    const denied = await runAction(prisma, w.staff.head, "ip", createCollectiveHouseholdDef, input).catch((e: DomainError) => e);
    expect((denied as DomainError).code).toBe("not_found");
    const { id } = await runAction(prisma, w.staff.admin, "ip", createCollectiveHouseholdDef, input);
    const row = await prisma.collectiveHousehold.findUniqueOrThrow({ where: { id } });
    expect(row.countyCode).toBe("411202");
    const dup = await runAction(prisma, w.staff.admin, "ip", createCollectiveHouseholdDef, input).catch((e: DomainError) => e);
    expect((dup as DomainError).issues[0].path).toBe("name");
    const bad = await runAction(prisma, w.staff.admin, "ip", createCollectiveHouseholdDef, { ...input, name: "", approvedAt: "2024-02-30" }).catch(
      (e: DomainError) => e,
    );
    expect((bad as DomainError).issues.map((i) => i.path).sort()).toEqual(["approvedAt", "name"]);
    await runAction(prisma, w.staff.admin, "ip", updateCollectiveHouseholdDef, { ...input, id, active: false, stationId: w.stations.daying });
    const moved = await prisma.collectiveHousehold.findUniqueOrThrow({ where: { id } });
    expect(moved).toMatchObject({ active: false, countyCode: "411203", stationId: w.stations.daying });
    expect(await prisma.auditEvent.count({ where: { entityId: id, action: { in: ["collective.create", "collective.update"] } } })).toBe(2);
    // Inactive households are not offered for registration.
    expect((await listStationCollectiveHouseholds(prisma, w.stations.daying, { activeOnly: true })).map((x) => x.id)).not.toContain(id);
  });
});
