import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKit, error, type Kit } from "./filing-test-kit";
import { loadGuide } from "@/lib/filings/load-guide";
import { updateStationDef } from "@/lib/admin/police-stations";

let kit: Kit;
beforeAll(async () => {
  kit = await createKit();
});
afterAll(async () => kit?.close());

/** An admin saves 前进派出所 on the stations page as it is but for `changes`. */
async function saveQianjin(changes: { officeHours?: string; guideNote?: string }) {
  const st = kit.stations.get("411202-01")!;
  const input = { id: st.id, code: st.code, name: st.name, countyCode: st.countyCode, address: st.address, phone: st.phone ?? "", active: true, ...changes };
  return kit.run(await kit.admin(), updateStationDef, input);
}

describe("办事指南 (/guide)", () => {
  it("lists every county's stations with what admins keep on the stations page, each channel's documents from the rule set, and the time limits", async () => {
    const st = kit.stations.get("411202-01")!;
    await saveQianjin({ officeHours: "工作日 8:30—12:00、14:30—17:30", guideNote: "周六上午值班" });
    const g = await loadGuide(kit.prisma);
    expect(g.counties.length).toBeGreaterThanOrEqual(6);
    expect(g.counties.every((c) => c.stations.length > 0)).toBe(true);
    const mine = g.counties.flatMap((c) => c.stations).find((s) => s.id === st.id)!;
    expect(mine).toMatchObject({ officeHours: "工作日 8:30—12:00、14:30—17:30", guideNote: "周六上午值班" });
    const collective = g.channels.find((c) => c.channel === "collective")!;
    expect(collective.documents.join()).toContain("劳动合同");
    const residence = g.channels.find((c) => c.channel === "residence")!;
    expect(residence.variants.map((v) => v.label)).toContain("租赁住房");
    expect(g.timeLimits).toMatchObject({ acceptanceWorkingDays: 5, decisionWorkingDays: 20 });
  });

  it("refuses a guide note that sets a condition the plan forbids (二(二)), and keeps the station as it was", async () => {
    const st = kit.stations.get("411202-01")!;
    const before = await kit.prisma.policeStation.findUniqueOrThrow({ where: { id: st.id } });
    const e = await error(saveQianjin({ guideNote: "办理落户须提供购房合同" }));
    expect(e.code).toBe("forbidden_criterion");
    expect(e.details).toMatchObject({ criterion: "home_purchase", clause: "二(二)" });
    expect((await kit.prisma.policeStation.findUniqueOrThrow({ where: { id: st.id } })).guideNote).toBe(before.guideNote);
  });
});
