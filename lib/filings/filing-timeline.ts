import type { Db } from "@/lib/db/types";
import { getRuleSet } from "@/lib/rules/rule-set-service";
import { EVENT_LABELS } from "./status";

export type TimelineEntry = {
  id: string;
  type: string;
  label: string;
  at: Date;
  note: string | null;
  /** The due date of the step this event started, when it has one. */
  dueAt: Date | null;
  /** Refusals: the allowed reasons with their clauses. */
  reasons: Array<{ code: string; label: string; clause: string }>;
  permitNumber: string | null;
};

/** Every step of a filing, oldest first, in the resident's words. */
export async function loadTimeline(db: Db, applicationId: string, ruleSetId: string | null): Promise<TimelineEntry[]> {
  const [events, refusals] = await Promise.all([
    db.statusEvent.findMany({ where: { applicationId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.reviewAction.findMany({
      where: { applicationId, action: { in: ["refuse", "revoke", "correct"] } },
      orderBy: { createdAt: "asc" },
      select: { reasonCodes: true, createdAt: true },
    }),
  ]);
  const reasonLabels = new Map<string, { label: string; clause: string }>();
  if (refusals.some((r) => r.reasonCodes.length) && ruleSetId) {
    const rs = await getRuleSet(db, ruleSetId).catch(() => null);
    for (const r of rs?.data.refusalReasons ?? []) reasonLabels.set(r.code, { label: r.label, clause: r.clause });
  }
  const codes = refusals.flatMap((r) => r.reasonCodes);
  return events.map((e) => {
    const data = (e.data ?? {}) as Record<string, unknown>;
    return {
      id: e.id,
      type: e.type,
      label: EVENT_LABELS[e.type] ?? e.type,
      at: e.createdAt,
      note: e.note,
      dueAt: e.dueAt,
      // The event carries its reasons (code, label, clause); older events only the review action's codes.
      reasons: Array.isArray(data.reasons)
        ? (data.reasons as Array<Record<string, unknown>>).map((r) => ({
            code: String(r.code ?? ""),
            label: String(r.label ?? r.code ?? ""),
            clause: String(r.clause ?? ""),
          }))
        : e.type === "refused"
          ? [...new Set(codes)].map((c) => ({ code: c, label: reasonLabels.get(c)?.label ?? c, clause: reasonLabels.get(c)?.clause ?? "" }))
          : [],
      permitNumber: typeof data.permitNumber === "string" ? data.permitNumber : null,
    };
  });
}

/** What the current step waits for, in the resident's words (the due date belongs to it). */
export const CURRENT_STEP_LABELS: Record<string, string> = {
  draft: "填写申请",
  submitted: "派出所受理",
  supplement_requested: "您补正材料",
  accepted: "派出所审核决定",
  approved: "原籍派出所办理迁出",
  moved_out: "迁入地派出所办理落户",
};
