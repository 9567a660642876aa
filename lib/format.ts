/**
 * The one place for how dates and numbers read on the portal. Every date is shown in Beijing
 * time (UTC+8, no daylight saving), whatever the server's own time zone.
 */

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const DATE = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });
const DATE_TIME = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

/** The Beijing calendar date of an instant, as "YYYY-MM-DD" (for keys, inputs and comparisons). */
export function beijingDate(d: Date): string {
  return new Date(d.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

let today = { iso: "", fromMs: 0, untilMs: 0 };

/**
 * The Beijing date of `now` as "YYYY-MM-DD"; without it, today's (the day of a request). Today's
 * is kept until the next Beijing midnight: every eligibility request asks for it, and building
 * Dates per request showed up in the lean API's profile (Next wraps the Date constructor).
 */
export function beijingToday(now?: Date): string {
  if (now) return beijingDate(now);
  const nowMs = Date.now();
  if (nowMs >= today.fromMs && nowMs < today.untilMs) return today.iso;
  const fromMs = Math.floor((nowMs + BEIJING_OFFSET_MS) / DAY_MS) * DAY_MS - BEIJING_OFFSET_MS;
  today = { iso: new Date(fromMs + BEIJING_OFFSET_MS).toISOString().slice(0, 10), fromMs, untilMs: fromMs + DAY_MS };
  return today.iso;
}

/** Beijing local time "YYYY-MM-DD HH:mm:ss" (what an official expects in a spreadsheet or a log table). */
export function formatBeijing(d: Date): string {
  return new Date(d.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}

/** 2026/11/27 in Beijing time; "—" for no date. */
export function formatDate(d: Date | string | null | undefined): string {
  return d ? DATE.format(new Date(d)) : "—";
}

/** 2026/11/27 14:05 in Beijing time; "—" for no date. */
export function formatDateTime(d: Date | string | null | undefined): string {
  return d ? DATE_TIME.format(new Date(d)) : "—";
}

/** A whole number with Chinese digit grouping: 12,345 (rounded). */
export function formatInt(v: number): string {
  return Math.round(v).toLocaleString("zh-CN");
}

/** A count that may be missing: 12,345, or "—". */
export function formatCount(v: number | null | undefined): string {
  return v === null || v === undefined ? "—" : v.toLocaleString("zh-CN");
}
