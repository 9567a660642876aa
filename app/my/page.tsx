import Link from "next/link";
import { requirePageUser, runQuery } from "@/lib/auth/guard";
import { myFilingsQuery } from "@/lib/filings/load-resident-pages";
import { STATUS_LABELS } from "@/lib/filings/status";
import { CHANNEL_LABELS } from "@/lib/schemas/eligibility";
import { DateText } from "@/components/date-text";
import { countyName } from "@/lib/places";
import { SuccessBanner } from "@/components/success-banner";
import { TitledCard } from "@/components/ui/titled-card";
import { DraftsList } from "@/components/filing/drafts-list";

export const metadata = { title: "我的申请" };

export default async function MyFilingsPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const { done } = await searchParams;
  const user = await requirePageUser(["resident"], "/my");
  const { filings, drafts, unread } = await runQuery(user, myFilingsQuery);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="page-title mb-0">我的申请</h1>
        <div className="flex flex-wrap gap-3">
          <Link href="/my/inbox" className="btn-secondary">
            消息
            {unread > 0 && (
              <span className="rounded-full bg-gov-red px-2 text-sm text-white" data-testid="unread">
                {unread}
              </span>
            )}
          </Link>
          <Link href="/apply" className="btn-primary">
            我要申请
          </Link>
        </div>
      </div>
      <SuccessBanner done={done} />
      <p className="text-slate-700">您好，{user.realName}。</p>
      {drafts.length > 0 && (
        <TitledCard id="drafts" title="未提交的草稿">
          <DraftsList drafts={drafts} />
        </TitledCard>
      )}
      <section aria-labelledby="filed">
        <h2 id="filed" className="mb-2 text-lg font-semibold">
          已提交的申请
        </h2>
        {filings.length === 0 ? (
          <p className="text-slate-600">还没有提交过申请。</p>
        ) : (
          <ul className="space-y-3" data-testid="my-filings">
            {filings.map((f) => (
              <li key={f.id} className="card">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div>
                    <Link href={`/my/${f.id}`} className="font-semibold text-brand-700 underline">
                      {f.reference}
                    </Link>
                    <p className="text-sm text-slate-700">
                      {CHANNEL_LABELS[f.channel]} · {countyName(f.destinationCounty)} · {f.personsCount}人
                    </p>
                    <p className="text-sm text-slate-600">
                      提交：{f.submittedAt ? <DateText date={f.submittedAt} /> : "—"}
                      {f.dueAt ? (
                        <>
                          {" "}
                          · 当前步骤办理时限：
                          <DateText date={f.dueAt} />
                        </>
                      ) : (
                        ""
                      )}
                    </p>
                  </div>
                  <span className="rounded bg-slate-100 px-2 py-1 text-sm">{STATUS_LABELS[f.status]}</span>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
