import { z } from "zod";
import { defineAction } from "@/lib/auth/run-action";
import type { Db } from "@/lib/db/types";
import { beijingDate } from "./working-days";

/**
 * From November on, deadlines run into next year: without next year's holiday arrangement
 * (放假调休安排) entered, New Year's Day would count as a working day. Returns the year to
 * enter, or null when it is entered (or it is not yet November).
 */
export async function missingNextYearCalendar(db: Db, now = new Date()): Promise<number | null> {
  const [y, m] = beijingDate(now).split("-").map(Number);
  if (m < 11) return null;
  const next = y + 1;
  const n = await db.calendarDay.count({ where: { date: { gte: new Date(`${next}-01-01T00:00:00Z`), lt: new Date(`${next + 1}-01-01T00:00:00Z`) } } });
  return n > 0 ? null : next;
}

export function calendarWarningText(year: number): string {
  return `${year}年的节假日和调休安排尚未录入：办理期限跨入${year}年时，元旦等假日会被算作工作日。请管理员在“节假日日历”中录入国务院公布的${year}年安排。`;
}

/** For the pages of admins, station heads and clerks: the year whose calendar is missing, or null. Not audited (no personal data). */
export const calendarStatusDef = defineAction(
  { roles: ["admin", "clerk"], action: "calendar.status", schema: z.object({}), auditEvent: false },
  async (ctx) => ({
    missingYear: await missingNextYearCalendar(ctx.tx),
  }),
);
