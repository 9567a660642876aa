import { STATUS_LABELS, type ApplicationStatus } from "@/lib/filings/status";

/** Colours of a state badge (text and background that keep a 4.5:1 contrast). */
const STATUS_TONE: Readonly<Record<ApplicationStatus, string>> = {
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

export function StatusBadge({ status }: { status: ApplicationStatus }) {
  return <span className={`inline-block rounded px-2 py-0.5 text-sm font-medium ${STATUS_TONE[status]}`}>{STATUS_LABELS[status]}</span>;
}
