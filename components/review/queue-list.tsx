import Link from "next/link";
import type { QueueRow } from "@/lib/review/queue";
import { CHANNEL_SHORT_LABELS, formatDate } from "@/lib/review/labels";
import { StatusBadge } from "./status-badge";
import { DueBadge } from "./due-badge";

/**
 * The rows of the queue as a list of cards: readable on a 360 px phone and as columns on a
 * desktop. ID numbers arrive masked; the link carries only the filing's id.
 */
export function QueueList({ rows, meId, empty = "没有符合条件的申请。" }: { rows: QueueRow[]; meId: string; empty?: string }) {
  if (rows.length === 0) return <p className="card text-slate-700">{empty}</p>;
  return (
    <ol className="space-y-2" aria-label="申请列表" data-testid="queue-list">
      {rows.map((r) => (
        <li
          key={r.id}
          className={`rounded-lg border bg-white p-3 shadow-sm sm:grid sm:grid-cols-[12rem_1fr_13rem] sm:items-center sm:gap-3 ${r.due?.urgent ? "border-red-400 border-l-4" : "border-slate-200"}`}
          data-testid="queue-row"
        >
          <div>
            <Link href={`/clerk/filings/${r.id}`} className="font-mono text-base font-semibold text-brand-700 underline underline-offset-2">
              {r.reference ?? "（无编号）"}
            </Link>
            <div className="mt-1">
              <StatusBadge status={r.status} />
            </div>
          </div>
          <div className="mt-2 text-sm sm:mt-0">
            <p>
              <span className="font-medium text-slate-900">{r.applicantName}</span>
              <span className="ml-2 font-mono text-slate-600">{r.applicantIdMasked}</span>
              {r.personsCount > 1 && <span className="ml-2 text-slate-600">等{r.personsCount}人</span>}
            </p>
            <p className="text-slate-600">
              {CHANNEL_SHORT_LABELS[r.channel]} · 提交于 {formatDate(r.submittedAt)}
              {r.decidedAt && ` · 决定于 ${formatDate(r.decidedAt)}`}
            </p>
          </div>
          <div className="mt-2 text-sm sm:mt-0 sm:text-right">
            <DueBadge due={r.due} dueAt={r.dueAt} />
            <p className="text-slate-600">
              {r.assignedClerkId ? (r.assignedClerkId === meId ? "由我办理" : `由${r.assignedClerkName ?? "其他民警"}办理`) : "未认领"}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
