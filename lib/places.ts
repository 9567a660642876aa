/**
 * County-level units of Sanmenxia (RULES.md "Places"). The two management zones have no
 * official division code, so they carry internal codes that cannot clash with GB/T 2260.
 */
export type CountyKind = "district" | "county" | "city" | "zone";

export type County = { readonly code: string; readonly name: string; readonly kind: CountyKind };

/** 三门峡市 division code. */
export const CITY_CODE = "411200";

export const COUNTY_CODES = ["411202", "411203", "411221", "411224", "411281", "411282", "SMX-SFQ", "SMX-KFQ"] as const;

export type CountyCode = (typeof COUNTY_CODES)[number];

/** In the order of RULES.md (also the display order). */
export const COUNTIES: readonly (County & { readonly code: CountyCode })[] = [
  { code: "411202", name: "湖滨区", kind: "district" },
  { code: "411203", name: "陕州区", kind: "district" },
  { code: "411221", name: "渑池县", kind: "county" },
  { code: "411224", name: "卢氏县", kind: "county" },
  { code: "411281", name: "义马市", kind: "city" },
  { code: "411282", name: "灵宝市", kind: "city" },
  { code: "SMX-SFQ", name: "城乡一体化示范区", kind: "zone" },
  { code: "SMX-KFQ", name: "经济开发区", kind: "zone" },
];

const NAMES: ReadonlyMap<string, string> = new Map(COUNTIES.map((c) => [c.code, c.name]));

export function isCountyCode(code: unknown): code is CountyCode {
  return typeof code === "string" && NAMES.has(code);
}

/** The Chinese name of a county-level unit; the code itself when unknown (never throws in a view). */
export function countyName(code: string): string {
  return NAMES.get(code) ?? code;
}
