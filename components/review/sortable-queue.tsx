"use client";

import { useMemo, useState } from "react";
import type { QueueRow } from "@/lib/review/queue";
import { QueueList } from "./queue-list";

const COLUMNS = [
  { key: "due", label: "办理期限" },
  { key: "submitted", label: "提交时间" },
  { key: "reference", label: "受理编号" },
  { key: "name", label: "姓名" },
  { key: "assignee", label: "办理民警" },
] as const;
type Key = (typeof COLUMNS)[number]["key"];

const time = (d: Date | string | null) => (d ? new Date(d).getTime() : Number.POSITIVE_INFINITY);
const value = (r: QueueRow, k: Key): number | string =>
  k === "due"
    ? time(r.dueAt)
    : k === "submitted"
      ? time(r.submittedAt)
      : k === "reference"
        ? (r.reference ?? "")
        : k === "name"
          ? r.applicantName
          : (r.assignedClerkName ?? "");

/**
 * The rows of one queue page, sortable by column (ascending / descending) in the browser. The
 * server's order (due date, keyset pages) stays the paging order; sorting applies to this page.
 */
export function SortableQueue({ rows, meId, selectForm, showStation }: { rows: QueueRow[]; meId: string; selectForm?: string; showStation?: boolean }) {
  const [sort, setSort] = useState<{ key: Key; desc: boolean } | null>(null);
  const sorted = useMemo(() => {
    if (!sort) return rows;
    const collator = new Intl.Collator("zh-CN");
    return [...rows].sort((a, b) => {
      const x = value(a, sort.key);
      const y = value(b, sort.key);
      const c = typeof x === "number" && typeof y === "number" ? x - y : collator.compare(String(x), String(y));
      return sort.desc ? -c : c;
    });
  }, [rows, sort]);
  return (
    <div>
      {rows.length > 1 && (
        <div role="toolbar" aria-label="本页排序" className="mb-2 flex flex-wrap items-center gap-1 text-sm">
          <span className="text-slate-600">本页排序：</span>
          {COLUMNS.map((c) => {
            const on = sort?.key === c.key;
            return (
              <button
                key={c.key}
                type="button"
                className={`rounded border px-2 py-1 ${on ? "border-brand-700 bg-white font-semibold" : "border-slate-300"}`}
                aria-pressed={on}
                onClick={() => setSort(on ? { key: c.key, desc: !sort!.desc } : { key: c.key, desc: false })}
                data-testid={`sort-${c.key}`}
              >
                {c.label}
                {on ? (sort!.desc ? " ↓" : " ↑") : ""}
              </button>
            );
          })}
        </div>
      )}
      <QueueList rows={sorted} meId={meId} selectForm={selectForm} showStation={showStation} />
    </div>
  );
}
