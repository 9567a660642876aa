import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { defineAction } from "@/lib/auth/run-action";
import { invalidateCalendarCache } from "@/lib/calendar/load-calendar";
import { NATIONAL_CALENDAR } from "@/lib/calendar/holidays-data";
import { DomainError, notFound } from "@/lib/errors";

/**
 * The holiday calendar (国务院办公厅节假日安排): public holidays and make-up working days (调休)
 * per year, kept as data because the State Council publishes each year's arrangement in
 * November. Every working-day time limit reads it (lib/calendar), so a change drops the
 * cached calendar at once.
 *
 * Due dates already computed for open filings are not moved by a later change (they were
 * told to the resident); the next step's due date uses the new calendar.
 */

const ymdSchema = z
  .string({ error: "请填写日期" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为年-月-日")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "不是有效日期");

export const CALENDAR_KINDS = ["holiday", "workday"] as const;
export const CALENDAR_KIND_LABELS = { holiday: "放假（休息日）", workday: "调休上班（工作日）" } as const;

export const calendarDaySchema = z
  .object({
    date: ymdSchema,
    kind: z.enum(CALENDAR_KINDS, { error: "请选择放假或调休上班" }),
    name: z.string({ error: "请填写节日名称" }).trim().min(1, "请填写节日名称").max(40, "名称不能超过40个字"),
  })
  .superRefine((v, ctx) => {
    const dow = new Date(`${v.date}T00:00:00Z`).getUTCDay();
    // A make-up working day is a weekend day worked; on a weekday it would change nothing.
    if (v.kind === "workday" && dow !== 0 && dow !== 6)
      ctx.addIssue({ code: "custom", path: ["date"], message: "调休上班日应为周六或周日（工作日本来就上班）" });
  });
export const calendarDateSchema = z.object({ date: ymdSchema });
export const calendarYearSchema = z.object({ year: z.coerce.number({ error: "请选择年份" }).int().min(2000, "年份不正确").max(2100, "年份不正确") });

const dateOnly = (ymd: string) => new Date(`${ymd}T00:00:00Z`);

export async function listCalendarYear(db: Db, year: number) {
  const rows = await db.calendarDay.findMany({
    where: { date: { gte: dateOnly(`${year}-01-01`), lt: dateOnly(`${year + 1}-01-01`) } },
    orderBy: { date: "asc" },
  });
  return rows.map((r) => ({ date: r.date.toISOString().slice(0, 10), kind: r.kind as (typeof CALENDAR_KINDS)[number], name: r.name }));
}

/** The years that have entries, and the built-in national arrangements not yet loaded. */
export async function calendarYears(db: Db) {
  const rows = await db.$queryRaw<Array<{ year: number; n: number }>>`
    SELECT EXTRACT(YEAR FROM "date")::int AS year, COUNT(*)::int AS n FROM "CalendarDay" GROUP BY 1 ORDER BY 1`;
  const builtIn = [...new Set(NATIONAL_CALENDAR.map((d) => Number(d.date.slice(0, 4))))];
  return { years: rows, importable: builtIn.filter((y) => !rows.some((r) => r.year === y)) };
}

export const setCalendarDayDef = defineAction({ roles: ["admin"], action: "admin.calendar.set", schema: calendarDaySchema }, async (ctx, input) => {
  const before = await ctx.tx.calendarDay.findUnique({ where: { date: dateOnly(input.date) } });
  await ctx.tx.calendarDay.upsert({
    where: { date: dateOnly(input.date) },
    create: { date: dateOnly(input.date), kind: input.kind, name: input.name },
    update: { kind: input.kind, name: input.name },
  });
  invalidateCalendarCache();
  ctx.audit({
    entityType: "calendar_day",
    entityId: input.date,
    details: { before: before ? { kind: before.kind, name: before.name } : null, after: { kind: input.kind, name: input.name } },
  });
  return { date: input.date };
});

export const removeCalendarDayDef = defineAction({ roles: ["admin"], action: "admin.calendar.remove", schema: calendarDateSchema }, async (ctx, input) => {
  const before = await ctx.tx.calendarDay.findUnique({ where: { date: dateOnly(input.date) } });
  if (!before) throw notFound("该日期的节假日安排");
  await ctx.tx.calendarDay.delete({ where: { date: dateOnly(input.date) } });
  invalidateCalendarCache();
  ctx.audit({ entityType: "calendar_day", entityId: input.date, details: { before: { kind: before.kind, name: before.name } } });
  return { date: input.date };
});

/** Loads a year's national arrangement shipped with the portal (days already set are kept). */
export const importNationalYearDef = defineAction({ roles: ["admin"], action: "admin.calendar.import", schema: calendarYearSchema }, async (ctx, { year }) => {
  const days = NATIONAL_CALENDAR.filter((d) => d.date.startsWith(`${year}-`));
  if (!days.length)
    throw new DomainError("validation_failed", `系统未内置${year}年的节假日安排，请逐日录入。`, { issues: [{ path: "year", message: "没有内置安排" }] });
  const res = await ctx.tx.calendarDay.createMany({ data: days.map((d) => ({ date: dateOnly(d.date), kind: d.kind, name: d.name })), skipDuplicates: true });
  invalidateCalendarCache();
  ctx.audit({ entityType: "calendar_year", entityId: String(year), details: { added: res.count } });
  return { year, added: res.count };
});
