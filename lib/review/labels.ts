import type { ApplicationStatus, Channel } from "@/lib/generated/prisma/enums";
import { CHANNEL_SHORT_NAMES } from "@/lib/channels/registry";

/** Short channel names for lists (the long ones are CHANNEL_LABELS); both from the channel registry. Clauses come from the rule set. */
export const CHANNEL_SHORT_LABELS: Readonly<Record<Channel, string>> = CHANNEL_SHORT_NAMES;

/** Colours of a state badge (text and background that keep a 4.5:1 contrast). */
export const STATUS_TONE: Readonly<Record<ApplicationStatus, string>> = {
  draft: "bg-slate-100 text-slate-700",
  submitted: "bg-blue-100 text-blue-900",
  supplement_requested: "bg-amber-100 text-amber-900",
  accepted: "bg-indigo-100 text-indigo-900",
  approved: "bg-green-100 text-green-900",
  moved_out: "bg-teal-100 text-teal-900",
  registered: "bg-emerald-100 text-emerald-900",
  refused: "bg-red-100 text-red-900",
  withdrawn: "bg-slate-200 text-slate-800",
};

export const REVIEW_ACTION_LABELS: Readonly<Record<string, string>> = {
  claim: "认领",
  release: "退回待办",
  assign: "所长改派",
  accept: "受理",
  request_supplement: "一次性告知补正",
  approve: "准予迁入",
  refuse: "不予批准",
  record_move_out: "登记迁出",
  record_registration: "登记落户",
  correct: "所长更正决定",
  correct_notice: "所长更正补正告知",
  withdraw_notice: "所长撤回补正告知",
  confirm_move_out: "确认迁出（原籍）",
  return_move_out: "退回迁出申请（原籍）",
  resend_move_out: "重新发送迁出申请",
  verify_document: "核验材料",
  register_directly: "直接登记落户",
};

const DATE = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });
const DATE_TIME = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false });

/** 2026/11/27 in Beijing time. */
export function formatDate(d: Date | string | null | undefined): string {
  return d ? DATE.format(new Date(d)) : "—";
}

/** 2026/11/27 14:05 in Beijing time. */
export function formatDateTime(d: Date | string | null | undefined): string {
  return d ? DATE_TIME.format(new Date(d)) : "—";
}
