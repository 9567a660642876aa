import { beijingDate } from "@/lib/calendar/working-days";

/**
 * A calendar date (Beijing day) as `<time>` that never breaks inside (2026-12-01 stayed whole
 * on a 375 px phone only by luck before). Server and client safe: no data, no state.
 */
export function DateText({ date, className }: { date: Date; className?: string }) {
  const ymd = beijingDate(date);
  return (
    <time dateTime={ymd} className={`whitespace-nowrap${className ? ` ${className}` : ""}`}>
      {ymd}
    </time>
  );
}
