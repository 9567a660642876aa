import Link from "next/link";
import { requestIp, requirePageUser, pageError } from "@/lib/auth/guard";
import { TwoFactorHint } from "@/components/two-factor-hint";
import { runAction } from "@/lib/auth/run-action";
import { getPrisma } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import { CHANNELS } from "@/lib/schemas/eligibility";
import { viewQueueDef } from "@/lib/review/view-queue";
import { QUEUE_TABS, QUEUE_TAB_LABELS, type QueueTab } from "@/lib/review/queue-tabs";
import { CHANNEL_SHORT_LABELS } from "@/lib/review/labels";
import { QueueList } from "@/components/review/queue-list";
import { QueueSearch } from "@/components/review/queue-search";

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
    data = await runAction(getPrisma(), user, await requestIp(), viewQueueDef, params);
  } catch (e) {
    if (isDomainError(e) && e.code === "rate_limited") {
      return <p className="card text-red-800" role="alert">{e.message}</p>;
    }
    pageError(e);
  }
  const station = user.stationId ? await getPrisma().policeStation.findUnique({ where: { id: user.stationId }, select: { name: true } }) : null;
  const channel = params.channel && (CHANNELS as readonly string[]).includes(params.channel) ? params.channel : undefined;
  const mine = params.mine === "1";

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
        {station?.name ?? "（未分配派出所）"} · {user.realName}
        {user.isStationHead ? "（所长）" : ""}
      </p>

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

        <h2 className="sr-only">{QUEUE_TAB_LABELS[data.tab]}</h2>
        <p className="mb-2 text-sm text-slate-600">
          {data.tab === "decided" ? "按决定时间排列，最近的在前。" : "按办理期限排列，最紧迫的在前；红色标记为剩余不超过1个工作日或已超期。"}
        </p>
        <QueueList rows={data.rows} meId={user.id} />

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
