import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/roles";

/**
 * The review workflow as ONE table: for each clerk action, the states it may start from, the
 * state it leads to, the timeline event, the label, and who may take it. The action modules
 * (assertCanAct / transition), the pages (availableActions) and the tests all read it; no page
 * compares `status ===` for a review action.
 */

export const WORKFLOW_ACTIONS = [
  "claim",
  "release",
  "assign",
  "accept",
  "request_supplement",
  "approve",
  "refuse",
  "record_move_out",
  "confirm_move_out",
  "return_move_out",
  "resend_move_out",
  "record_registration",
  "register_directly",
  "reopen",
  "revoke",
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/**
 * Who may take an action:
 * - side: "destination" — a clerk of the filing's station; "origin" — a clerk of the origin station
 *   (move-out inside the city);
 * - holder: "free_or_mine" — unassigned or held by me (acting claims it), "free" — unassigned,
 *   "mine" — held by me, "any" — whoever holds it;
 * - stationHead: only the station head.
 */
export type WorkflowWho = {
  side: "destination" | "origin";
  holder: "free_or_mine" | "free" | "mine" | "any";
  stationHead?: boolean;
};

/** What the table needs to know about a filing. */
export type WorkflowFiling = {
  status: ApplicationStatus;
  stationId: string | null;
  assignedClerkId: string | null;
  /** The origin's station on this portal (move-out inside the city), else null. */
  originStationId?: string | null;
  /** The origin station returned the move-out request. */
  moveOutReturnedAt?: Date | string | null;
  /** False: registration without a move-out (e.g. registering at origin directly). */
  needsMoveOut?: boolean;
  /** A supplement notice is out and not yet answered (a later one may follow an answer). */
  hasOpenNotice?: boolean;
  /** A rural student registering as urban at origin (二(一)): registered directly, no permit, no move-out. */
  directRegistration?: boolean;
  /** Facts the page knows (from the rules panel) that make the server refuse an action. */
  missingDocuments?: number;
  allEligible?: boolean;
  duplicates?: number;
  /** The notice's time limit has run out without an answer (「未在规定期限内补正材料」 allowed). */
  supplementExpired?: boolean;
};

export type WorkflowEdge = {
  action: WorkflowAction;
  label: string;
  from: readonly ApplicationStatus[];
  /** null: the action changes who holds the filing, not its state. */
  to: ApplicationStatus | null;
  /** Timeline event written by transition(); null when no state change. */
  event: string | null;
  who: WorkflowWho;
  /** A further condition on the filing: the reason it is not available, or null. */
  when?: (f: WorkflowFiling) => string | null;
  /** Server-side preconditions the page can know: the reason the button is disabled, or null. */
  blockedBy?: (f: WorkflowFiling) => string | null;
};

/** Filings that still need a clerk: undecided ones, and approved ones until registration. */
export const CLAIMABLE_STATUSES: readonly ApplicationStatus[] = ["submitted", "supplement_requested", "accepted", "approved", "moved_out"];

const movesInsideCity = (f: WorkflowFiling) => !!f.originStationId && !f.moveOutReturnedAt;

export const WORKFLOW: Readonly<Record<WorkflowAction, WorkflowEdge>> = {
  claim: { action: "claim", label: "认领", from: CLAIMABLE_STATUSES, to: null, event: null, who: { side: "destination", holder: "free" } },
  release: { action: "release", label: "退回待办", from: CLAIMABLE_STATUSES, to: null, event: null, who: { side: "destination", holder: "mine" } },
  assign: {
    action: "assign",
    label: "所长改派",
    from: CLAIMABLE_STATUSES,
    to: null,
    event: null,
    who: { side: "destination", holder: "any", stationHead: true },
  },
  accept: {
    action: "accept",
    label: "受理",
    from: ["submitted"],
    to: "accepted",
    event: "accepted",
    who: { side: "destination", holder: "free_or_mine" },
    blockedBy: (f) => (f.missingDocuments ? `材料尚不齐全（缺${f.missingDocuments}项），请先发出一次性补正告知。` : null),
  },
  request_supplement: {
    action: "request_supplement",
    label: "一次性告知补正",
    from: ["submitted", "accepted"],
    to: "supplement_requested",
    event: "supplement_requested",
    who: { side: "destination", holder: "free_or_mine" },
    when: (f) => (f.hasOpenNotice ? "本申请已有尚未答复的补正告知。" : null),
  },
  approve: {
    action: "approve",
    label: "准予迁入",
    from: ["accepted"],
    to: "approved",
    event: "approved",
    who: { side: "destination", holder: "free_or_mine" },
    when: (f) => (f.directRegistration ? "在原籍办理城镇居民登记不是户口迁移：直接登记，不签发准迁证。" : null),
    blockedBy: (f) => (f.allEligible === false ? "规则核验未通过，不能准予迁入。" : f.duplicates ? "存在重复申请，请核实。" : null),
  },
  refuse: {
    action: "refuse",
    label: "不予批准",
    from: ["submitted", "supplement_requested", "accepted"],
    to: "refused",
    event: "refused",
    who: { side: "destination", holder: "free_or_mine" },
  },
  record_move_out: {
    action: "record_move_out",
    label: "登记迁出",
    from: ["approved"],
    to: "moved_out",
    event: "moved_out",
    who: { side: "destination", holder: "free_or_mine" },
    when: (f) => (f.needsMoveOut === false ? "本申请无需迁出。" : movesInsideCity(f) ? "迁出由原籍派出所在本系统内确认，无需手工登记。" : null),
  },
  confirm_move_out: {
    action: "confirm_move_out",
    label: "确认迁出",
    from: ["approved"],
    to: "moved_out",
    event: "move_out_confirmed",
    who: { side: "origin", holder: "any" },
    when: (f) => (movesInsideCity(f) ? null : "该申请不在本所迁出确认队列中。"),
  },
  return_move_out: {
    action: "return_move_out",
    label: "退回迁出申请",
    from: ["approved"],
    to: "approved",
    event: "move_out_returned",
    who: { side: "origin", holder: "any" },
    when: (f) => (movesInsideCity(f) ? null : "该申请不在本所迁出确认队列中。"),
  },
  resend_move_out: {
    action: "resend_move_out",
    label: "重新发送迁出申请",
    from: ["approved"],
    to: "approved",
    event: "move_out_requested",
    who: { side: "destination", holder: "free_or_mine" },
    when: (f) => (f.originStationId && f.moveOutReturnedAt ? null : "迁出申请未被退回。"),
  },
  record_registration: {
    action: "record_registration",
    label: "登记落户",
    from: ["moved_out"],
    to: "registered",
    event: "registered",
    who: { side: "destination", holder: "free_or_mine" },
  },
  register_directly: {
    action: "register_directly",
    label: "直接办理城镇居民登记",
    from: ["accepted"],
    to: "registered",
    event: "registered_directly",
    who: { side: "destination", holder: "free_or_mine" },
    when: (f) => (f.directRegistration ? null : "只有在原籍办理城镇居民登记的农村升学学生可直接登记。"),
    blockedBy: (f) => (f.allEligible === false ? "规则核验未通过，不能办理登记。" : f.duplicates ? "存在重复申请，请核实。" : null),
  },
  reopen: {
    action: "reopen",
    label: "撤销不予批准决定、重新审核",
    from: ["refused"],
    to: "accepted",
    event: "corrected",
    who: { side: "destination", holder: "any", stationHead: true },
  },
  revoke: {
    action: "revoke",
    label: "撤销准予迁入决定",
    from: ["approved"],
    to: "refused",
    event: "corrected",
    who: { side: "destination", holder: "any", stationHead: true },
  },
};

export type Availability = { ok: true } | { ok: false; reason: string; code: "not_found" | "forbidden" | "invalid_state" | "conflict" };

/**
 * May this user take this action on the filing now (state, side, holder, station head, the
 * edge's own condition)? The preconditions of `blockedBy` are left to the action itself.
 */
export function checkAction(action: WorkflowAction, f: WorkflowFiling, user: Pick<SessionUser, "id" | "role" | "stationId" | "isStationHead">): Availability {
  const e = WORKFLOW[action];
  if (user.role !== "clerk" || !user.stationId) return { ok: false, code: "not_found", reason: "无权办理该申请。" };
  const station = e.who.side === "origin" ? f.originStationId : f.stationId;
  if (station !== user.stationId) return { ok: false, code: "not_found", reason: "无权办理该申请。" };
  if (e.who.stationHead && !user.isStationHead) return { ok: false, code: "forbidden", reason: `只有所长可以${e.label}。` };
  if (!e.from.includes(f.status)) return { ok: false, code: "invalid_state", reason: `当前状态不能${e.label}。` };
  const held = f.assignedClerkId;
  if (e.who.holder === "free" && held) {
    return held === user.id
      ? { ok: false, code: "conflict", reason: "该申请已由您认领。" }
      : { ok: false, code: "conflict", reason: "该申请已由其他民警认领。" };
  }
  if (e.who.holder === "mine" && held !== user.id) return { ok: false, code: "conflict", reason: "该申请不是由您认领的。" };
  if (e.who.holder === "free_or_mine" && held && held !== user.id) return { ok: false, code: "conflict", reason: "该申请已由其他民警认领办理。" };
  const why = e.when?.(f);
  if (why) return { ok: false, code: "invalid_state", reason: why };
  return { ok: true };
}

export type AvailableAction = { action: WorkflowAction; label: string; to: ApplicationStatus | null; disabledReason: string | null };

/** What may this person do now: the actions to show, each with the reason it is disabled (or null). */
export function availableActions(f: WorkflowFiling, user: Pick<SessionUser, "id" | "role" | "stationId" | "isStationHead">): AvailableAction[] {
  return WORKFLOW_ACTIONS.filter((a) => checkAction(a, f, user).ok).map((a) => {
    const e = WORKFLOW[a];
    return { action: a, label: e.label, to: e.to, disabledReason: e.blockedBy?.(f) ?? null };
  });
}

/** A lookup of availableActions for pages: `can.accept`, `can.refuse` … */
export function actionMap(list: AvailableAction[]): Partial<Record<WorkflowAction, AvailableAction>> {
  return Object.fromEntries(list.map((a) => [a.action, a]));
}

/** The transition() fields of an edge, for a filing now in `current` (the timeline's fromStatus is exact). */
export function edgeTransition(action: WorkflowAction, current: ApplicationStatus): { from: ApplicationStatus[]; to: ApplicationStatus; event: string } {
  const e = WORKFLOW[action];
  if (!e.to || !e.event) throw new Error(`workflow: ${action} changes no state`);
  return { from: e.from.includes(current) ? [current] : [...e.from], to: e.to, event: e.event };
}

/** Queue tabs that hold filings still waiting for this station (for due dates and markers). */
export const WAITING_MOVE_OUT: readonly ApplicationStatus[] = ["approved"];
export const WAITING_REGISTRATION: readonly ApplicationStatus[] = ["moved_out"];
