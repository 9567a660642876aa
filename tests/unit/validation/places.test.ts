import { describe, it, expect } from "vitest";
import { CITY_CODE, COUNTIES, COUNTY_CODES, countyName, isCountyCode } from "@/lib/places";

describe("places", () => {
  it("lists the eight county-level units of Sanmenxia in RULES.md order", () => {
    expect(CITY_CODE).toBe("411200");
    expect(COUNTIES.map((c) => [c.code, c.name, c.kind])).toEqual([
      ["411202", "湖滨区", "district"],
      ["411203", "陕州区", "district"],
      ["411221", "渑池县", "county"],
      ["411224", "卢氏县", "county"],
      ["411281", "义马市", "city"],
      ["411282", "灵宝市", "city"],
      ["SMX-SFQ", "城乡一体化示范区", "zone"],
      ["SMX-KFQ", "经济开发区", "zone"],
    ]);
    expect(COUNTIES.map((c) => c.code)).toEqual([...COUNTY_CODES]);
  });

  it("names a county and recognises its code", () => {
    expect(countyName("411282")).toBe("灵宝市");
    expect(countyName("SMX-KFQ")).toBe("经济开发区");
    expect(countyName("999999")).toBe("999999");
    expect(isCountyCode("411221")).toBe(true);
    expect(isCountyCode("411200")).toBe(false);
    expect(isCountyCode(411221)).toBe(false);
  });
});
