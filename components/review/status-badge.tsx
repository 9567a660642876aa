import { STATUS_LABELS, type ApplicationStatus } from "@/lib/filings/status";
import { STATUS_TONE } from "@/lib/review/labels";

export function StatusBadge({ status }: { status: ApplicationStatus }) {
  return <span className={`inline-block rounded px-2 py-0.5 text-sm font-medium ${STATUS_TONE[status]}`}>{STATUS_LABELS[status]}</span>;
}
