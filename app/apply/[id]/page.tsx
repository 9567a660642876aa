import Link from "next/link";
import { runQuery } from "@/lib/auth/guard";
import { assessMyDraftQuery } from "@/lib/filings/load-resident-pages";
import { draftForPage } from "../draft-page";
import { TASK_STATUS_LABELS } from "@/lib/filings/filing-tasks";
import { CHANNEL_LABELS, SUBTYPE_LABELS, type Subtype } from "@/lib/schemas/eligibility";
import { DateText } from "@/components/date-text";

export const metadata = { title: "填写落户申请" };

const TAG: Record<string, string> = {
  completed: "bg-green-100 text-green-800",
  not_started: "bg-amber-100 text-amber-900",
  cannot_start: "bg-slate-100 text-slate-600",
};

export default async function TaskListPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, draft } = await draftForPage(id, "");
  const { tasks, checklist } = await runQuery(user, assessMyDraftQuery, draft);
  const done = tasks.filter((t) => t.status === "completed").length;
  return (
    <div>
      <h1 className="page-title">落户申请（草稿）</h1>
      <p className="text-slate-700">
        {CHANNEL_LABELS[draft.channel]}
        {draft.subtype ? ` · ${SUBTYPE_LABELS[draft.subtype as Subtype] ?? draft.subtype}` : ""}
      </p>
      <p className="mt-1 text-sm text-slate-600">
        已完成 {done} / {tasks.length} 项 · 最近保存：
        <DateText date={draft.updatedAt} />
      </p>
      <ol className="mt-5 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="task-list">
        {tasks.map((t, i) => (
          <li key={t.key} className="flex flex-wrap items-center justify-between gap-2 p-4">
            <div>
              {t.status === "cannot_start" ? (
                <span className="font-medium text-slate-500">
                  {i + 1}. {t.title}
                </span>
              ) : (
                <Link href={t.href} className="font-medium text-brand-700 underline">
                  {i + 1}. {t.title}
                </Link>
              )}
              <p className="text-sm text-slate-600">
                {t.hint}
                {t.key === "documents" && checklist.missingCount > 0 && t.status !== "cannot_start" ? `（还缺 ${checklist.missingCount} 项）` : ""}
              </p>
            </div>
            <span className={`rounded px-2 py-1 text-sm ${TAG[t.status]}`} data-testid={`task-${t.key}-status`}>
              {TASK_STATUS_LABELS[t.status]}
            </span>
          </li>
        ))}
      </ol>
      <p className="mt-6 text-sm">
        <Link href={`/apply/${draft.id}/delete`} className="text-red-700 underline">
          放弃并删除此草稿
        </Link>
      </p>
    </div>
  );
}
