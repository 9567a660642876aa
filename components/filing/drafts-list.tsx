import Link from "next/link";
import { CHANNEL_LABELS, type Channel } from "@/lib/schemas/eligibility";
import { DateText } from "@/components/date-text";

export type DraftRow = { id: string; channel: Channel; updatedAt: Date; draftStep: string | null };

/** A resident's unsubmitted drafts, each with a link back to the step it was left at. */
export function DraftsList({ drafts, linkClassName = "text-brand-700 underline" }: { drafts: readonly DraftRow[]; linkClassName?: string }) {
  return (
    <ul className="divide-y divide-slate-200">
      {drafts.map((d) => (
        <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
          <span>
            {CHANNEL_LABELS[d.channel]}
            <span className="block text-sm text-slate-600">
              最近保存：
              <DateText date={d.updatedAt} />
            </span>
          </span>
          <Link href={`/apply/${d.id}${d.draftStep ? `/${d.draftStep}` : ""}`} className={linkClassName}>
            继续填写
          </Link>
        </li>
      ))}
    </ul>
  );
}
