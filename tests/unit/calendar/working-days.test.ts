import { describe, it, expect } from "vitest";
import { addWorkingDays, beijingDate, isWorkingDay, workingDaysBetween, type WorkCalendar } from "@/lib/calendar/working-days";
import { NATIONAL_CALENDAR } from "@/lib/calendar/holidays-data";

const cal: WorkCalendar = {
  holidays: new Set(NATIONAL_CALENDAR.filter((d) => d.kind === "holiday").map((d) => d.date)),
  workdays: new Set(NATIONAL_CALENDAR.filter((d) => d.kind === "workday").map((d) => d.date)),
};
const empty: WorkCalendar = { holidays: new Set(), workdays: new Set() };
// 10:00 Beijing time on a given day.
const at = (ymd: string) => new Date(`${ymd}T10:00:00+08:00`);

describe("working days with the national calendar", () => {
  it("weekends are off, weekdays on, holidays off, make-up Saturdays/Sundays on", () => {
    expect(isWorkingDay("2026-11-27", cal)).toBe(true); // Friday
    expect(isWorkingDay("2026-11-28", cal)).toBe(false); // Saturday
    expect(isWorkingDay("2026-10-01", cal)).toBe(false); // National Day
    expect(isWorkingDay("2026-10-10", cal)).toBe(true); // make-up Saturday
    expect(isWorkingDay("2026-01-04", cal)).toBe(true); // make-up Sunday after New Year
    expect(isWorkingDay("2026-02-16", cal)).toBe(false); // Spring Festival Monday
  });

  it("5 working days from a Friday end the next Friday (submission day not counted)", () => {
    const due = addWorkingDays(at("2026-11-27"), 5, cal);
    expect(beijingDate(due)).toBe("2026-12-04");
    // The end of that day, Beijing time.
    expect(due.toISOString()).toBe("2026-12-04T15:59:59.999Z");
  });

  it("the National Day week is skipped and the make-up Saturday counts", () => {
    // Submitted Tue 2026-09-29: Wed 30 (1), Oct 1-7 holiday, Thu 8 (2), Fri 9 (3), Sat 10 make-up (4), Mon 12 (5)
    expect(beijingDate(addWorkingDays(at("2026-09-29"), 5, cal))).toBe("2026-10-12");
    // Without the calendar it would be Tue Oct 6.
    expect(beijingDate(addWorkingDays(at("2026-09-29"), 5, empty))).toBe("2026-10-06");
  });

  it("Spring Festival: make-up Saturday Feb 14 counts, Feb 15-23 do not", () => {
    // Fri Feb 13 → Sat 14 (1, make-up), holidays to Mon 23, Tue 24 (2), Wed 25 (3)
    expect(beijingDate(addWorkingDays(at("2026-02-13"), 3, cal))).toBe("2026-02-25");
  });

  it("counts working days between dates, negative when overdue", () => {
    expect(workingDaysBetween(at("2026-11-27"), at("2026-12-04"), cal)).toBe(5);
    expect(workingDaysBetween(at("2026-12-04"), at("2026-11-27"), cal)).toBe(-5);
    expect(workingDaysBetween(at("2026-11-27"), at("2026-11-27"), cal)).toBe(0);
    expect(workingDaysBetween(at("2026-09-30"), at("2026-10-09"), cal)).toBe(2);
  });

  it("late evening in Beijing is already the next day in UTC terms but the same local date", () => {
    const lateEvening = new Date("2026-11-27T23:30:00+08:00");
    expect(beijingDate(lateEvening)).toBe("2026-11-27");
    expect(beijingDate(new Date("2026-11-27T00:10:00+08:00"))).toBe("2026-11-27");
  });
});
