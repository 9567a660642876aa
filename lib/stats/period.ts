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
  /** A range of days chosen by the official (not a calendar year or month). */
  custom?: boolean;
};

export const FIRST_YEAR = 2015;
export const LAST_YEAR = 2100;

const optionalInt = (min: number, max: number, message: string) =>
  z.preprocess(
    (v) => (v === "" || v === null || v === undefined ? undefined : v),
    z.coerce.number({ error: message }).int(message).min(min, message).max(max, message).optional(),
  );

const optionalDay = (message: string) =>
  z.preprocess(
    (v) => (v === "" || v === null || v === undefined ? undefined : v),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, message)
      .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), message)
      .optional(),
  );

/** A year, a month of it, or any range of days (from … to, both included). */
export const periodSchema = z
  .object({
    year: optionalInt(FIRST_YEAR, LAST_YEAR, `年份应在${FIRST_YEAR}—${LAST_YEAR}之间`),
    month: optionalInt(1, 12, "月份应为1—12"),
    from: optionalDay("开始日期格式应为YYYY-MM-DD"),
    to: optionalDay("结束日期格式应为YYYY-MM-DD"),
  })
  .superRefine((v, ctx) => {
    if (!!v.from !== !!v.to)
      ctx.addIssue({
        code: "custom",
        path: [v.from ? "to" : "from"],
        message: "请同时填写开始和结束日期",
      });
    if (v.from && v.to) {
      if (v.from > v.to)
        ctx.addIssue({
          code: "custom",
          path: ["to"],
          message: "结束日期不能早于开始日期",
        });
      if (v.from < `${FIRST_YEAR}-01-01` || v.to > `${LAST_YEAR}-12-31`)
        ctx.addIssue({
          code: "custom",
          path: ["from"],
          message: `日期应在${FIRST_YEAR}—${LAST_YEAR}年之间`,
        });
    }
  });

const pad = (n: number) => String(n).padStart(2, "0");

export function currentBeijingYear(now = new Date()): number {
  return Number(beijingDate(now).slice(0, 4));
}

export function makePeriod(year: number, month: number | null = null): Period {
  const from = month ? `${year}-${pad(month)}-01` : `${year}-01-01`;
  const to = month ? (month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`) : `${year + 1}-01-01`;
  return {
    year,
    month,
    from,
    to,
    start: startOfBeijingDay(from),
    end: startOfBeijingDay(to),
    label: month ? `${year}年${month}月` : `${year}年`,
  };
}

const addDay = (ymd: string) => new Date(Date.parse(`${ymd}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** A range of days, both included ("2025-03-15" … "2025-04-20"); its year is the year of its last day. */
export function makeRangePeriod(fromDay: string, toDayIncl: string): Period {
  const to = addDay(toDayIncl);
  return {
    year: Number(toDayIncl.slice(0, 4)),
    month: null,
    from: fromDay,
    to,
    start: startOfBeijingDay(fromDay),
    end: startOfBeijingDay(to),
    label: `${fromDay}至${toDayIncl}`,
    custom: true,
  };
}

export function periodFrom(input: z.output<typeof periodSchema>, now = new Date()): Period {
  if (input.from && input.to) return makeRangePeriod(input.from, input.to);
  return makePeriod(input.year ?? currentBeijingYear(now), input.month ?? null);
}

/** The period is its whole calendar year. */
export const isWholeYear = (p: Period) => p.from === `${p.year}-01-01` && p.to === `${p.year + 1}-01-01`;

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

const nextMonth = (ymd: string) => {
  const y = Number(ymd.slice(0, 4));
  const m = Number(ymd.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${pad(m + 1)}-01`;
};

/**
 * A day range [from, to) as the rollups store it: whole months read from the month rows, the
 * days before the first and after the last whole month from the day rows.
 */
export function splitRange(from: string, to: string): { months: [string, string] | null; days: Array<[string, string]> } {
  const m0 = from.endsWith("-01") ? from : nextMonth(from);
  const m1 = `${to.slice(0, 7)}-01`;
  if (m0 >= m1) return { months: null, days: from < to ? [[from, to]] : [] };
  const days: Array<[string, string]> = [];
  if (from < m0) days.push([from, m0]);
  if (m1 < to) days.push([m1, to]);
  return { months: [m0, m1], days };
}
