import Link from "next/link";
import { requirePageUser, runQuery } from "@/lib/auth/guard";
import { myInboxQuery } from "@/lib/filings/load-resident-pages";
import { StepForm } from "@/components/filing/step-form";
import { markReadAction } from "../actions";
import { receiptKindForMessage } from "@/lib/receipts/download-receipt";
import { RECEIPT_TITLES } from "@/lib/receipts/render-receipt-pdf";

export const metadata = { title: "我的消息" };

export default async function InboxPage() {
  const user = await requirePageUser(["resident"], "/my/inbox");
  const messages = await runQuery(user, myInboxQuery);
  const unread = messages.filter((m) => !m.readAt).length;
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="page-title">我的消息</h1>
      <p className="text-sm text-slate-600">申请的每一步变化都会在这里通知您，同时发送短信到您的注册手机。</p>
      {unread > 0 && <StepForm action={markReadAction} submitLabel="全部标为已读" variant="secondary" pendingLabel="正在处理…" />}
      {messages.length === 0 ? (
        <p className="text-slate-600">暂无消息。</p>
      ) : (
        <ul className="space-y-3" data-testid="inbox">
          {messages.map((m) => (
            <li key={m.id} className={`card ${m.readAt ? "" : "border-l-4 border-l-brand-600"}`}>
              <p className="font-medium">
                {!m.readAt && <span className="sr-only">未读：</span>}
                {m.title}
              </p>
              <p className="text-sm text-slate-700">{m.body}</p>
              <p className="mt-1 text-xs text-slate-500">
                {new Date(m.createdAt.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ")}
                {m.applicationId && (
                  <Link href={`/my/${m.applicationId}`} className="ml-3 text-brand-700 underline">
                    查看申请
                  </Link>
                )}
                {m.applicationId && receiptKindForMessage(m.title) && (
                  <a
                    href={`/api/receipts/${m.applicationId}?kind=${receiptKindForMessage(m.title)}`}
                    className="ml-3 text-brand-700 underline"
                    target="_blank"
                    rel="noopener"
                  >
                    {RECEIPT_TITLES[receiptKindForMessage(m.title)!]}（PDF）
                  </a>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
