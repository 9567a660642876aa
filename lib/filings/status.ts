import type { ApplicationStatus } from "@/lib/generated/prisma/enums";

export type { ApplicationStatus };

export const STATUS_LABELS: Record<ApplicationStatus, string> = {
  draft: "草稿",
  submitted: "已提交，待受理",
  supplement_requested: "待补正材料",
  accepted: "已受理，审核中",
  approved: "已准予迁入，待迁出",
  moved_out: "已迁出，待落户",
  registered: "已落户",
  refused: "不予批准",
  withdrawn: "已撤回",
};

/** Not yet decided: the resident may still withdraw (落户自愿). */
export const OPEN_STATUSES: ApplicationStatus[] = ["submitted", "supplement_requested", "accepted"];
/** An open filing for the same person blocks a duplicate. */
export const ACTIVE_STATUSES: ApplicationStatus[] = ["submitted", "supplement_requested", "accepted", "approved", "moved_out"];
export const DECIDED_STATUSES: ApplicationStatus[] = ["approved", "moved_out", "registered", "refused"];

/** Timeline event types, with the Chinese the resident reads. */
export const EVENT_LABELS: Record<string, string> = {
  submitted: "提交申请",
  resubmitted: "补正后重新提交",
  accepted: "派出所已受理",
  supplement_requested: "派出所要求补正材料（一次性告知）",
  approved: "准予迁入，已签发准迁证",
  refused: "不予批准",
  withdrawn: "申请人撤回申请",
  moved_out: "原籍已办理迁出",
  registered: "落户完成",
  registered_directly: "已直接办理城镇居民登记（原籍，无需准迁证和迁出）",
  corrected: "所长更正决定",
  supplement_expired: "补正期限届满",
  supplement_corrected: "所长更正补正告知",
  supplement_withdrawn: "所长撤回补正告知",
  move_out_confirmed: "原籍派出所已在系统内确认迁出",
  move_out_returned: "原籍派出所退回迁出申请",
  move_out_requested: "已重新发送原籍派出所办理迁出",
};
