import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { addWorkingDays, workingDaysLeft, type WorkCalendar } from "@/lib/calendar/working-days";

/** The clerk's queue tabs, in the order the page shows them. */
export const QUEUE_TABS = ["new", "accepted", "supplement", "move_out", "registration", "origin", "due_soon", "overdue", "decided"] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

export const QUEUE_TAB_LABELS: Readonly<Record<QueueTab, string>> = {
  new: "待受理",
  accepted: "已受理待决定",
  supplement: "待申请人补正",
  move_out: "待迁出",
  registration: "待落户",
  origin: "迁出确认",
  due_soon: "即将到期",
  overdue: "已超期",
  decided: "已作出决定",
};

/** States in which the station's own clock runs (受理 and decision time limits). */
export const STATION_CLOCK_STATUSES: readonly ApplicationStatus[] = ["submitted", "accepted"];

/**
 * How each tab selects and orders its rows. `due` tabs sort by due date (soonest first),
 * the decided tab by decision date (latest first); both are keyset-paginated on (key, id).
 */
export type TabSpec = {
  statuses: readonly ApplicationStatus[];
  order: "due" | "decided";
  /** Due-date window (instants), for due soon / overdue. */
  dueWindow?: (now: Date, cal: WorkCalendar) => { from?: Date; to?: Date };
  /** "origin": filings other stations approved whose move-out this station confirms (迁出确认). */
  side?: "origin";
};

/** Closed filings: nothing left for the station to do. */
export const CLOSED_DECIDED_STATUSES: readonly ApplicationStatus[] = ["registered", "refused"];

export const TAB_SPECS: Readonly<Record<QueueTab, TabSpec>> = {
  new: { statuses: ["submitted"], order: "due" },
  accepted: { statuses: ["accepted"], order: "due" },
  supplement: { statuses: ["supplement_requested"], order: "due" },
  move_out: { statuses: ["approved"], order: "due" },
  registration: { statuses: ["moved_out"], order: "due" },
  origin: { statuses: ["approved"], order: "due", side: "origin" },
  // Due in at most one working day and not yet overdue.
  due_soon: { statuses: STATION_CLOCK_STATUSES, order: "due", dueWindow: (now, cal) => ({ from: now, to: dueSoonLimit(now, cal) }) },
  overdue: { statuses: STATION_CLOCK_STATUSES, order: "due", dueWindow: (now) => ({ to: new Date(now.getTime() - 1) }) },
  decided: { statuses: CLOSED_DECIDED_STATUSES, order: "decided" },
};

/** The last instant that still counts as "due soon": the end of the next working day. */
export function dueSoonLimit(now: Date, cal: WorkCalendar): Date {
  return addWorkingDays(now, 1, cal);
}

export type DueInfo = {
  /** Working days left (0 = due today, negative = overdue by that many). */
  daysLeft: number;
  overdue: boolean;
  /** ≤ 1 working day left, or overdue: shown in red. */
  urgent: boolean;
  label: string;
};

/** What a row shows about its time limit, from the holiday calendar (make-up days count as working days). */
export function dueInfo(dueAt: Date, now: Date, cal: WorkCalendar): DueInfo {
  const overdue = dueAt.getTime() < now.getTime();
  const daysLeft = workingDaysLeft(now, dueAt, cal);
  // Overdue since a weekend or holiday: no working day has passed yet, still overdue.
  const label = overdue ? (daysLeft < 0 ? `已超期 ${-daysLeft} 个工作日` : "已超期") : daysLeft === 0 ? "今日到期" : `剩 ${daysLeft} 个工作日`;
  return { daysLeft, overdue, urgent: overdue || daysLeft <= 1, label };
}
