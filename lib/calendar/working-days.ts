/**
 * Working days in China: Monday–Friday, minus public holidays, plus make-up working days
 * (调休, often a Saturday or Sunday). Dates are calendar days in Beijing time (UTC+8, no DST).
 */
import { beijingDate } from "@/lib/format";

export type WorkCalendar = {
  /** "YYYY-MM-DD" → holiday (day off) */
  holidays: ReadonlySet<string>;
  /** "YYYY-MM-DD" → make-up working day on a weekend */
  workdays: ReadonlySet<string>;
};

export const EMPTY_CALENDAR: WorkCalendar = { holidays: new Set(), workdays: new Set() };

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The Beijing calendar date of an instant, as "YYYY-MM-DD" (defined in lib/format.ts). */
export { beijingDate };

/** Midnight at the start of a Beijing calendar day, as an instant. */
export function startOfBeijingDay(ymd: string): Date {
  return new Date(Date.parse(`${ymd}T00:00:00Z`) - BEIJING_OFFSET_MS);
}

function shift(ymd: string, days: number): string {
  return new Date(Date.parse(`${ymd}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function isWorkingDay(ymd: string, cal: WorkCalendar): boolean {
  if (cal.workdays.has(ymd)) return true;
  if (cal.holidays.has(ymd)) return false;
  const dow = new Date(`${ymd}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/**
 * The due instant of a time limit of `n` working days starting the day after `from`
 * (the day of submission does not count): the end of the n-th working day, Beijing time.
 */
export function addWorkingDays(from: Date, n: number, cal: WorkCalendar): Date {
  let day = beijingDate(from);
  let left = n;
  while (left > 0) {
    day = shift(day, 1);
    if (isWorkingDay(day, cal)) left -= 1;
  }
  return new Date(startOfBeijingDay(shift(day, 1)).getTime() - 1);
}

/**
 * Working days from `from` to `to`: counting the working days after from's date up to and
 * including to's date. Negative when `to` is before `from` (overdue by that many).
 */
export function workingDaysBetween(from: Date, to: Date, cal: WorkCalendar): number {
  const a = beijingDate(from);
  const b = beijingDate(to);
  if (a > b) return -workingDaysBetween(to, from, cal);
  let day = a;
  let count = 0;
  while (day < b) {
    day = shift(day, 1);
    if (isWorkingDay(day, cal)) count += 1;
  }
  return count;
}

/** Working days left until a due instant (0 = due today, negative = overdue). */
export function workingDaysLeft(now: Date, due: Date, cal: WorkCalendar): number {
  return workingDaysBetween(now, due, cal);
}
