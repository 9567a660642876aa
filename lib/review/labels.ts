import type { Channel } from "@/lib/generated/prisma/enums";
import { CHANNEL_SHORT_NAMES } from "@/lib/channels/registry";

/** Short channel names for lists (the long ones are CHANNEL_LABELS); both from the channel registry. Clauses come from the rule set. */
export const CHANNEL_SHORT_LABELS: Readonly<Record<Channel, string>> = CHANNEL_SHORT_NAMES;

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

/** Dates are formatted in lib/format.ts; kept here for the pages that import them with the labels. */
export { formatDate, formatDateTime } from "@/lib/format";
