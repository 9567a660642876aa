import type { Db } from "@/lib/db/types";
import type { SessionUser } from "@/lib/auth/roles";
import { countyScope } from "@/lib/auth/scope";
import { notFound } from "@/lib/errors";
import { countyName, isCountyCode } from "@/lib/places";

/**
 * What a dashboard covers. A city official sees the whole city, a row per county-level unit,
 * and may open any county; a county official sees their county only — another county, by
 * URL or in a CSV export, is "not found" (404), never its numbers.
 */
export type DashboardScope = { kind: "city" } | { kind: "county"; countyCode: string; countyName: string };

export function resolveDashboardScope(user: SessionUser, requestedCounty?: string | null): DashboardScope {
  const own = countyScope(user);
  const county = (code: string): DashboardScope => ({ kind: "county", countyCode: code, countyName: countyName(code) });
  if (own) {
    if (requestedCounty && requestedCounty !== own) throw notFound("统计页面");
    return county(own);
  }
  if (!requestedCounty) return { kind: "city" };
  if (!isCountyCode(requestedCounty)) throw notFound("统计页面");
  return county(requestedCounty);
}

/** A row of a dashboard table: a county-level unit (city view) or a police station (county view). */
export type Unit = { code: string; name: string; active: boolean };

/** The rows a scope breaks down into, in display order. Unit codes are county codes or station ids. */
export async function scopeUnits(db: Db, scope: DashboardScope): Promise<Unit[]> {
  if (scope.kind === "city") {
    const counties = await db.county.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { code: true, name: true } });
    return counties.map((c) => ({ code: c.code, name: c.name, active: true }));
  }
  const stations = await db.policeStation.findMany({
    where: { countyCode: scope.countyCode },
    orderBy: [{ code: "asc" }],
    select: { id: true, name: true, active: true },
  });
  return stations.map((s) => ({ code: s.id, name: s.name, active: s.active }));
}

export const scopeLabel = (scope: DashboardScope) => (scope.kind === "city" ? "三门峡市" : scope.countyName);
export const unitLabel = (scope: DashboardScope) => (scope.kind === "city" ? "县（市、区）" : "派出所");

/** A station's name without the bureau it belongs to (三门峡市公安局湖滨分局前进派出所 → 前进派出所), for chart labels. */
export function shortUnitName(name: string): string {
  const short = name.replace(/^.*(分局|公安局)/, "");
  return short || name;
}
