import Link from "next/link";
import { requirePageUser, pageError, runQuery } from "@/lib/auth/guard";
import { mySubmittedQuery } from "@/lib/filings/load-resident-pages";
import { addWorkingDays } from "@/lib/calendar/working-days";
import { DateText } from "@/components/date-text";
import { notFound } from "next/navigation";

export const metadata = { title: "申请已提交" };

/** The confirmation: the reference number and what happens next, with the dates the station must meet. */
export default async function SubmittedPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(["resident"], `/apply/${encodeURIComponent(id)}/submitted`);
  const { app, event, limits, cal } = await runQuery(user, mySubmittedQuery, id).catch(pageError);
  if (!app.reference || !app.submittedAt || !cal) notFound();
  const acceptDue = event?.dueAt ?? app.dueAt;
  const decisionDue = acceptDue && limits ? addWorkingDays(acceptDue, limits.decisionWorkingDays, cal) : null;
  return (
    <div className="space-y-5">
      <div className="rounded-lg bg-green-700 p-6 text-center text-white" role="status">
        <h1 className="text-2xl font-bold">申请已提交</h1>
        <p className="mt-2">您的受理编号</p>
        <p className="text-2xl font-bold tracking-wide" data-testid="reference">
          {app.reference}
        </p>
      </div>
      <section className="card space-y-3" data-testid="what-next">
        <h2 className="text-lg font-semibold">接下来会怎样</h2>
        <ol className="list-decimal space-y-2 pl-5">
          <li>
            <strong>{app.station?.name ?? "派出所"}</strong>将在 <strong data-testid="acceptance-due">{acceptDue ? <DateText date={acceptDue} /> : "—"}</strong>{" "}
            前（{limits?.acceptanceWorkingDays ?? 5}个工作日内，节假日顺延）决定是否受理。材料不全的，会一次性告知需要补正的全部内容。
          </li>
          <li>
            受理后 {limits?.decisionWorkingDays ?? 20} 个工作日内作出决定
            {decisionDue ? (
              <>
                （按期受理时最迟约 <DateText date={decisionDue} />）
              </>
            ) : (
              ""
            )}
            。
          </li>
          <li>准予迁入的，您可在网上下载《准予迁入证明》（含二维码，可公开核验真伪），再办理原籍迁出和落户。</li>
        </ol>
        <p className="text-sm text-slate-600">
          每一步都会通过短信和站内消息通知您。提交日期：
          <DateText date={app.submittedAt} />。
        </p>
      </section>
      <div className="flex flex-wrap gap-3">
        <Link href={`/my/${app.id}`} className="btn-primary">
          查看办理进度
        </Link>
        <Link href="/my" className="btn-secondary">
          我的申请
        </Link>
      </div>
    </div>
  );
}
