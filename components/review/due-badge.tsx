import type { DueInfo } from "@/lib/review/queue-tabs";
import { formatDate } from "@/lib/review/labels";

/** Working days left to the due date; red with a warning sign when ≤ 1 working day or overdue. */
export function DueBadge({ due, dueAt }: { due: DueInfo | null; dueAt: Date | string | null }) {
  if (!due || !dueAt) return <span className="text-slate-500">—</span>;
  return (
    <span
      className={due.urgent ? "inline-flex items-center gap-1 rounded bg-red-100 px-2 py-0.5 font-semibold text-red-800" : "text-slate-800"}
      data-urgent={due.urgent ? "true" : undefined}
      data-testid="due-badge"
    >
      {due.urgent && <span aria-hidden="true">⚠</span>}
      {due.urgent && <span className="sr-only">紧急：</span>}
      {due.label}
      <span className="font-normal text-slate-600">（{formatDate(dueAt)}）</span>
    </span>
  );
}
