import Link from "next/link";
import type { QueueRow } from "@/lib/review/queue";
import { CHANNEL_SHORT_LABELS, formatDate } from "@/lib/review/labels";
import { StatusBadge } from "./status-badge";
import { DueBadge } from "./due-badge";

/**
 * The rows of the queue as a list of cards: readable on a 360 px phone and as columns on a
 * desktop. ID numbers arrive masked; the link carries only the filing's id.
 */
export function QueueList({
  rows,
  meId,
  empty = "没有符合条件的申请。",
  selectForm,
  showStation = false,
}: {
  rows: Array<QueueRow & { matched?: string[] }>;
  meId: string;
  empty?: string;
  /** A station head's bulk-assign form id: each row gets a checkbox belonging to it. */
  selectForm?: string;
  /** Show the destination station (the 迁出确认 tab lists other stations' filings). */
  showStation?: boolean;
}) {
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
            {selectForm && (
              <input
                type="checkbox"
                name="applicationIds"
                value={r.id}
                form={selectForm}
                className="mr-2 h-5 w-5 align-middle"
                aria-label={`选择 ${r.reference ?? r.applicantName}`}
                data-testid="select-row"
              />
            )}
            <Link href={`/clerk/filings/${r.id}`} className="font-mono text-base font-semibold text-brand-700 underline underline-offset-2">
              {r.reference ?? "（无编号）"}
            </Link>
            <div className="mt-1 flex flex-wrap gap-1">
              <StatusBadge status={r.status} />
              {r.supplementAnswered && (
                <span className="rounded bg-amber-200 px-2 py-0.5 text-xs font-semibold text-amber-950" data-testid="supplement-answered">
                  补正已提交
                </span>
              )}
              {r.moveOutReturned && <span className="rounded bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900">迁出被退回</span>}
            </div>
          </div>
          <div className="mt-2 text-sm sm:mt-0">
            <p>
              <span className="font-medium text-slate-900" data-testid="applicant-name">
                {r.applicantName}
              </span>
              <span className="ml-2 font-mono text-slate-600">{r.applicantIdMasked}</span>
              {r.personsCount > 1 && <span className="ml-2 text-slate-600">等{r.personsCount}人</span>}
            </p>
            <p className="text-slate-600">
              {CHANNEL_SHORT_LABELS[r.channel]} · 提交于 {formatDate(r.submittedAt)}
              {r.decidedAt && ` · 决定于 ${formatDate(r.decidedAt)}`}
              {showStation && r.stationName && ` · 迁入地：${r.stationName}`}
            </p>
            {r.matched && r.matched.length > 0 && (
              <p className="text-slate-800" data-testid="match-reason">
                匹配：{r.matched.join("；")}
              </p>
            )}
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
