import { z } from "zod";
import { beijingDate, startOfBeijingDay } from "@/lib/calendar/working-days";

/**
 * The period a dashboard shows: a calendar year, or one month of it, in Beijing days.
 * `from`/`to` are "YYYY-MM-DD" (to exclusive) for the DATE columns of DailyCounter;
 * `start`/`end` are the same bounds as instants for the timestamp columns of filings.
 */
export type Period = {
  year: number;
  month: number | null;
  from: string;
  to: string;
  start: Date;
  end: Date;
  label: string;
};

export const FIRST_YEAR = 2015;
export const LAST_YEAR = 2100;

const optionalInt = (min: number, max: number, message: string) =>
  z.preprocess((v) => (v === "" || v === null || v === undefined ? undefined : v), z.coerce.number({ error: message }).int(message).min(min, message).max(max, message).optional());

export const periodSchema = z.object({
  year: optionalInt(FIRST_YEAR, LAST_YEAR, `年份应在${FIRST_YEAR}—${LAST_YEAR}之间`),
  month: optionalInt(1, 12, "月份应为1—12"),
});

const pad = (n: number) => String(n).padStart(2, "0");

export function currentBeijingYear(now = new Date()): number {
  return Number(beijingDate(now).slice(0, 4));
}

export function makePeriod(year: number, month: number | null = null): Period {
  const from = month ? `${year}-${pad(month)}-01` : `${year}-01-01`;
  const to = month ? (month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`) : `${year + 1}-01-01`;
  return { year, month, from, to, start: startOfBeijingDay(from), end: startOfBeijingDay(to), label: month ? `${year}年${month}月` : `${year}年` };
}

export function periodFrom(input: z.output<typeof periodSchema>, now = new Date()): Period {
  return makePeriod(input.year ?? currentBeijingYear(now), input.month ?? null);
}

/** A DATE column value for a "YYYY-MM-DD" day (Prisma maps @db.Date to midnight UTC). */
export const dateOnly = (ymd: string) => new Date(`${ymd}T00:00:00Z`);

/** How far into its year a day is: elapsed and remaining days (Beijing calendar, today counted as elapsed). */
export function yearProgress(year: number, now = new Date()): { daysInYear: number; elapsed: number; remaining: number } {
  const daysInYear = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000;
  const today = beijingDate(now);
  if (today < `${year}-01-01`) return { daysInYear, elapsed: 0, remaining: daysInYear };
  if (today >= `${year + 1}-01-01`) return { daysInYear, elapsed: daysInYear, remaining: 0 };
  const elapsed = (Date.parse(`${today}T00:00:00Z`) - Date.UTC(year, 0, 1)) / 86_400_000 + 1;
  return { daysInYear, elapsed, remaining: daysInYear - elapsed };
}
