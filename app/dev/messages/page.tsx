import { notFound } from "next/navigation";
import { isDemoMode, listDemoMessages } from "@/lib/notify/list-demo-messages";

export const metadata = { title: "演示：已发送的短信", robots: { index: false } };
export const dynamic = "force-dynamic";

const STATUS: Record<string, string> = { pending: "待发送", sent: "已发送", dead: "发送失败" };
const fmt = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: false,
});

/** Demo mode only (404 otherwise): the SMS the portal sent, so a newcomer can read codes and notices. */
export default async function DevMessagesPage({ searchParams }: { searchParams: Promise<{ mobile?: string }> }) {
  if (!isDemoMode()) notFound();
  const { mobile } = await searchParams;
  const messages = await listDemoMessages({ mobile: /^1\d{10}$/.test(mobile ?? "") ? mobile : undefined });
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="page-title">演示：已发送的短信</h1>
      <p className="mb-4 text-sm text-slate-700">演示模式下，短信不会真的发出，而是显示在这里（最新的在最前）。正式环境中此页面不存在。</p>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="mobile" className="label">
            只看此手机号
          </label>
          <input id="mobile" name="mobile" inputMode="numeric" className="input" defaultValue={mobile ?? ""} maxLength={11} />
        </div>
        <button type="submit" className="btn-secondary">
          筛选
        </button>
      </form>
      {messages.length === 0 ? (
        <p className="card">还没有短信。</p>
      ) : (
        <ul className="space-y-3" data-testid="dev-messages">
          {messages.map((m) => (
            <li key={m.id} className="card" data-testid="dev-message">
              <p className="text-sm text-slate-700">
                {m.recipient} · <time dateTime={m.createdAt.toISOString()}>{fmt.format(m.createdAt)}</time> · {STATUS[m.status] ?? m.status}
              </p>
              <p className="font-medium">{m.subject}</p>
              <p className="break-words">{m.body}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
