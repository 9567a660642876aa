import type { Db } from "@/lib/db/types";
import type { WorkCalendar } from "./working-days";

let cached: { at: number; cal: WorkCalendar } | null = null;
const TTL_MS = 60_000;

/** The holiday calendar from the database, cached for a minute (admins rarely change it). */
export async function loadCalendar(db: Db, opts?: { fresh?: boolean }): Promise<WorkCalendar> {
  if (!opts?.fresh && cached && Date.now() - cached.at < TTL_MS) return cached.cal;
  const rows = await db.calendarDay.findMany({ select: { date: true, kind: true } });
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const r of rows) (r.kind === "workday" ? workdays : holidays).add(r.date.toISOString().slice(0, 10));
  cached = { at: Date.now(), cal: { holidays, workdays } };
  return cached.cal;
}

export function invalidateCalendarCache() {
  cached = null;
}
