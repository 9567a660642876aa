import Link from "next/link";
import { requirePageUser, pageError, runGuarded } from "@/lib/auth/guard";
import { TwoFactorHint } from "@/components/two-factor-hint";
import { isDomainError } from "@/lib/errors";
import { CHANNELS } from "@/lib/schemas/eligibility";
import { viewQueueDef } from "@/lib/review/view-queue";
import { QUEUE_TABS, QUEUE_TAB_LABELS, type QueueTab } from "@/lib/review/queue-tabs";
import { CHANNEL_SHORT_LABELS } from "@/lib/review/labels";
import { SortableQueue } from "@/components/review/sortable-queue";
import { QueueSearch } from "@/components/review/queue-search";
import { BulkAssignForm, SavedViews } from "@/components/review/station-head-tools";
import { savedViewHref } from "@/lib/review/saved-views";
import { calendarWarningText } from "@/lib/calendar/calendar-warning";
import { STATUS_LABELS } from "@/lib/filings/status";
import type { ClerkWorkload } from "@/lib/review/station-workload";
import { CLAIMABLE_STATUSES } from "@/lib/review/workflow";

export const metadata = { title: "受理工作台" };

type Params = { tab?: string; channel?: string; mine?: string; after?: string; before?: string };

/** Builds a queue URL: only the tab, the channel filter, "mine" and a cursor — never personal data. */
function queueHref(p: { tab: QueueTab; channel?: string; mine?: boolean; after?: string | null; before?: string | null }) {
  const s = new URLSearchParams({ tab: p.tab });
  if (p.channel) s.set("channel", p.channel);
  if (p.mine) s.set("mine", "1");
  if (p.after) s.set("after", p.after);
  if (p.before) s.set("before", p.before);
  return `/clerk?${s.toString()}`;
}

export default async function ClerkQueuePage({ searchParams }: { searchParams: Promise<Params> }) {
  const user = await requirePageUser(["clerk"], "/clerk");
  const params = await searchParams;
  let data;
  try {
    data = await runGuarded(user, viewQueueDef, params);
  } catch (e) {
    if (isDomainError(e) && e.code === "rate_limited") {
      return (
        <p className="card text-red-800" role="alert">
          {e.message}
        </p>
      );
    }
    pageError(e);
  }
  const channel = params.channel && (CHANNELS as readonly string[]).includes(params.channel) ? params.channel : undefined;
  const mine = params.mine === "1";
  // The station head assigns from the tabs of the station's own open filings.
  const bulk = !!data.workload && data.tab !== "decided" && data.tab !== "origin" && data.rows.length > 0;

  return (
    <div>
      <TwoFactorHint user={user} />
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="page-title mb-0">受理工作台</h1>
        <nav aria-label="工作台" className="flex gap-3 text-sm">
          <Link href="/clerk/collective" className="text-brand-700 underline">
            本所社区集体户
          </Link>
        </nav>
      </div>
      <p className="mb-4 text-slate-700">
        {data.stationName ?? "（未分配派出所）"} · {user.realName}
        {user.isStationHead ? "（所长）" : ""}
      </p>

      {data.calendarYear && (
        <p className="mb-3 rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950" role="alert" data-testid="calendar-warning">
          {calendarWarningText(data.calendarYear)}
        </p>
      )}
      {data.messages.length > 0 && (
        <section aria-labelledby="messages-title" className="mb-3 rounded border border-blue-200 bg-blue-50 p-3 text-sm">
          <h2 id="messages-title" className="font-semibold">
            新消息（{data.messages.length}）
          </h2>
          <ul className="mt-1 space-y-1" data-testid="clerk-messages">
            {data.messages.map((m) => (
              <li key={m.id}>
                {m.applicationId ? (
                  <Link href={`/clerk/filings/${m.applicationId}`} className="text-brand-700 underline">
                    {m.title}
                  </Link>
                ) : (
                  m.title
                )}
                <span className="ml-2 text-slate-700">{m.body}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {data.workload && <WorkloadPanel rows={data.workload} />}

      <QueueSearch meId={user.id}>
        <nav aria-label="按状态查看" className="mb-3 overflow-x-auto">
          <ul className="flex min-w-max gap-1 border-b border-slate-300">
            {QUEUE_TABS.map((t) => {
              const current = t === data.tab;
              const alarm = (t === "overdue" || t === "due_soon") && data.counts[t] > 0;
              return (
                <li key={t}>
                  <Link
                    href={queueHref({ tab: t, channel, mine })}
                    aria-current={current ? "page" : undefined}
                    className={`inline-block rounded-t-md px-3 py-2 text-sm ${current ? "border border-b-0 border-slate-300 bg-white font-semibold" : "text-brand-700 hover:bg-white"}`}
                    data-testid={`tab-${t}`}
                  >
                    {QUEUE_TAB_LABELS[t]}
                    <span className={`ml-1 rounded-full px-2 text-xs ${alarm ? "bg-red-700 text-white" : "bg-slate-200 text-slate-800"}`}>
                      {data.counts[t].toLocaleString("zh-CN")}
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>

        <form method="get" action="/clerk" className="mb-3 flex flex-wrap items-end gap-3">
          <input type="hidden" name="tab" value={data.tab} />
          <div>
            <label htmlFor="channel" className="label">
              落户通道
            </label>
            <select id="channel" name="channel" defaultValue={channel ?? ""} className="input">
              <option value="">全部通道</option>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {CHANNEL_SHORT_LABELS[c]}
                </option>
              ))}
            </select>
          </div>
          <label className="flex items-center gap-2 py-2 text-sm">
            <input type="checkbox" name="mine" value="1" defaultChecked={mine} className="h-5 w-5" />
            只看我认领的
          </label>
          <button type="submit" className="btn-secondary">
            筛选
          </button>
        </form>

        <SavedViews views={data.views.map((v) => ({ id: v.id, name: v.name, href: savedViewHref(v.query) }))} current={{ tab: data.tab, channel, mine }} />
        {bulk && <BulkAssignForm clerks={data.clerks} />}

        <h2 className="sr-only">{QUEUE_TAB_LABELS[data.tab]}</h2>
        <p className="mb-2 text-sm text-slate-600">
          {data.tab === "decided" ? "按决定时间排列，最近的在前。" : "按办理期限排列，最紧迫的在前；红色标记为剩余不超过1个工作日或已超期。"}
          {data.tab === "origin" && "以下申请的原籍在本所辖区，迁入地派出所已准予迁入：核对后在系统内确认迁出，申请人无需到所办理。"}
        </p>
        <SortableQueue rows={data.rows} meId={user.id} selectForm={bulk ? "bulk-assign" : undefined} showStation={data.tab === "origin"} />

        <nav aria-label="翻页" className="mt-4 flex flex-wrap gap-3">
          {data.prev && (
            <Link className="btn-secondary" href={queueHref({ tab: data.tab, channel, mine, before: data.prev })} rel="prev">
              上一页
            </Link>
          )}
          {(data.prev || params.after || params.before) && (
            <Link className="btn-secondary" href={queueHref({ tab: data.tab, channel, mine })}>
              回到第一页
            </Link>
          )}
          {data.next && (
            <Link className="btn-secondary" href={queueHref({ tab: data.tab, channel, mine, after: data.next })} rel="next" data-testid="next-page">
              下一页
            </Link>
          )}
        </nav>
      </QueueSearch>
    </div>
  );
}

/** 所长: each clerk's open filings per state and how many are overdue. */
function WorkloadPanel({ rows }: { rows: ClerkWorkload[] }) {
  return (
    <section aria-labelledby="workload-title" className="card mb-3 overflow-x-auto" data-testid="workload-panel">
      <h2 id="workload-title" className="mb-2 text-lg font-semibold">
        本所民警工作量
      </h2>
      <table className="min-w-full text-sm">
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th scope="col" className="py-1 pr-3">
              民警
            </th>
            {CLAIMABLE_STATUSES.map((s) => (
              <th key={s} scope="col" className="py-1 pr-3 text-right">
                {STATUS_LABELS[s]}
              </th>
            ))}
            <th scope="col" className="py-1 pr-3 text-right">
              合计
            </th>
            <th scope="col" className="py-1 text-right">
              已超期
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.clerkId ?? "none"} className="border-b border-slate-100" data-testid="workload-row">
              <th scope="row" className="py-1 pr-3 text-left font-medium">
                {r.name}
                {r.isStationHead ? "（所长）" : ""}
              </th>
              {CLAIMABLE_STATUSES.map((s) => (
                <td key={s} className="py-1 pr-3 text-right tabular-nums">
                  {r.byStatus[s] ?? 0}
                </td>
              ))}
              <td className="py-1 pr-3 text-right font-semibold tabular-nums">{r.total}</td>
              <td className={`py-1 text-right tabular-nums ${r.overdue > 0 ? "font-semibold text-red-800" : ""}`}>{r.overdue}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
