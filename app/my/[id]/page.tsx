import Link from "next/link";
import { DateText } from "@/components/date-text";
import { relationWords } from "@/lib/filings/relation-words";
import { redirect } from "next/navigation";
import { requirePageUser, pageError, runQuery } from "@/lib/auth/guard";
import { myFilingPageQuery } from "@/lib/filings/load-resident-pages";
import { CURRENT_STEP_LABELS } from "@/lib/filings/filing-timeline";
import { OPEN_STATUSES, STATUS_LABELS } from "@/lib/filings/status";
import { SETTLED_RIGHTS } from "@/lib/filings/settled-rights";
import { noticeItems } from "@/lib/filings/supplement-notice";
import { docTypeLabel } from "@/lib/filings/upload-document";
import { workingDaysLeft } from "@/lib/calendar/working-days";
import { countyName } from "@/lib/places";
import { CHANNEL_LABELS } from "@/lib/schemas/eligibility";
import { maskIdNumber } from "@/lib/schemas/id-number";
import { receiptsFor } from "@/lib/receipts/download-receipt";
import { RECEIPT_TITLES } from "@/lib/receipts/render-receipt-pdf";
import { SuccessBanner } from "@/components/success-banner";
import { TitledCard } from "@/components/ui/titled-card";
import { PolicyPoints } from "@/components/filing/policy-points";

export const metadata = { title: "申请详情" };

function dateTime(d: Date) {
  const s = new Date(d.getTime() + 8 * 3600_000).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 16)}`;
}

export default async function FilingPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> }) {
  const { id } = await params;
  const { done } = await searchParams;
  const user = await requirePageUser(["resident"], `/my/${encodeURIComponent(id)}`);
  const { app, details } = await runQuery(user, myFilingPageQuery, id).catch(pageError);
  if (!details) redirect(`/apply/${app.id}`);
  const { timeline, notice, cal } = details;
  const items = notice ? noticeItems(notice.items, app.members) : [];
  const left = app.dueAt ? workingDaysLeft(new Date(), app.dueAt, cal) : null;
  const permitUsable = app.permit && !app.permit.revokedAt && ["approved", "moved_out", "registered"].includes(app.status);
  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm text-slate-600">
          <Link href="/my" className="text-brand-700 underline">
            我的申请
          </Link>{" "}
          / {app.reference}
        </p>
        <h1 className="page-title mt-1">申请 {app.reference}</h1>
        <SuccessBanner done={done} />
        <p className="text-lg">
          当前状态：<strong data-testid="filing-status">{STATUS_LABELS[app.status]}</strong>
        </p>
        <p className="text-sm text-slate-700">
          {CHANNEL_LABELS[app.channel]} · {countyName(app.destinationCounty)} · {app.destinationAddress} · {app.station?.name}
        </p>
      </div>

      {app.dueAt && CURRENT_STEP_LABELS[app.status] && (
        <div className="card" data-testid="current-step">
          <p>
            当前步骤：<strong>{CURRENT_STEP_LABELS[app.status]}</strong>，办理时限{" "}
            <strong>
              <DateText date={app.dueAt} />
            </strong>
            {left !== null && (left >= 0 ? `（还有 ${left} 个工作日）` : `（已超期 ${-left} 个工作日）`)}
          </p>
        </div>
      )}

      {app.status === "supplement_requested" && notice && (
        <section className="rounded-lg border-2 border-amber-400 bg-amber-50 p-4" data-testid="supplement-notice" aria-labelledby="notice-title">
          <h2 id="notice-title" className="text-lg font-semibold">
            补正告知（一次性告知）
            {notice.status === "corrected" && (
              <span className="ml-2 text-base font-normal text-sky-900" data-testid="notice-corrected">
                （已更正，以本告知为准）
              </span>
            )}
          </h2>
          <p className="text-sm">
            派出所于 <DateText date={notice.correctedAt ?? notice.requestedAt} /> {notice.status === "corrected" ? "更正告知" : "告知"}，请在{" "}
            {notice.dueAt ? <DateText date={notice.dueAt} /> : "规定期限"} 前补齐以下全部内容：
          </p>
          <ol className="mt-2 list-decimal pl-5">
            {items.map((it) => (
              <li key={it.index}>
                {it.memberName}：{it.label}
                {it.clarification && <span className="text-slate-700">（说明：{it.clarification}）</span>}
              </li>
            ))}
          </ol>
          {notice.note && <p className="mt-2 text-sm">说明：{notice.note}</p>}
          <Link href={`/my/${app.id}/supplement`} className="btn-primary mt-3">
            去补正
          </Link>
        </section>
      )}

      {permitUsable && app.permit && (
        <section className="card border-green-300" data-testid="permit">
          <h2 className="text-lg font-semibold">准予迁入证明</h2>
          <p>
            编号：<strong>{app.permit.number}</strong>，签发日期 <DateText date={app.permit.issuedAt} />
            ，迁入：<span data-testid="permit-destination">{app.permit.destinationAddress}</span>
          </p>
          <div className="mt-3 flex flex-wrap gap-3">
            <a href={`/api/permits/${app.id}`} className="btn-primary">
              下载准迁证（PDF）
            </a>
            <Link href={`/verify/${app.permit.number}`} className="btn-secondary">
              核验真伪
            </Link>
          </div>
        </section>
      )}
      {app.permit?.revokedAt && (
        <p className="rounded border border-red-300 bg-red-50 p-3">
          准予迁入证明 {app.permit.number} 已于 <DateText date={app.permit.revokedAt} /> 撤销。
        </p>
      )}

      {receiptsFor(app).length > 0 && (
        <section className="card" aria-labelledby="receipts-title" data-testid="receipts">
          <h2 id="receipts-title" className="text-lg font-semibold">
            回执
          </h2>
          <p className="text-sm text-slate-700">可打印或保存，办理和咨询时出示。</p>
          <ul className="mt-2 flex flex-wrap gap-3">
            {receiptsFor(app).map((k) => (
              <li key={k}>
                <a href={`/api/receipts/${app.id}?kind=${k}`} className="btn-secondary" target="_blank" rel="noopener">
                  {RECEIPT_TITLES[k]}（PDF）
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}

      {app.status === "registered" && (
        <section className="card" aria-labelledby="rights" data-testid="settled-rights">
          <h2 id="rights" className="text-lg font-semibold">
            落户后您可以享有的政策（方案三）
          </h2>
          <PolicyPoints points={SETTLED_RIGHTS} />
        </section>
      )}

      <section className="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title" className="mb-3 text-lg font-semibold">
          办理进度
        </h2>
        <ol className="relative space-y-4 border-l-2 border-slate-200 pl-5" data-testid="timeline">
          {timeline.map((e) => (
            <li key={e.id}>
              <p className="font-medium">{e.label}</p>
              <p className="text-sm text-slate-600">{dateTime(e.at)}</p>
              {e.permitNumber && <p className="text-sm">准迁证编号：{e.permitNumber}</p>}
              {e.reasons.length > 0 && (
                <ul className="text-sm">
                  {e.reasons.map((r) => (
                    <li key={r.code}>
                      理由：{r.label}
                      {r.clause ? `（方案${r.clause}）` : ""}
                    </li>
                  ))}
                </ul>
              )}
              {e.note && <p className="text-sm text-slate-700">说明：{e.note}</p>}
              {e.dueAt && (
                <p className="text-sm text-slate-600">
                  下一步办理时限：
                  <DateText date={e.dueAt} />
                </p>
              )}
            </li>
          ))}
        </ol>
      </section>

      <TitledCard id="people-title" title="申请人员与材料">
        <ul className="space-y-2">
          {app.members.map((m) => (
            <li key={m.id}>
              <p>
                {m.name}（{relationWords(m.relation)}）<span className="text-sm text-slate-600">{maskIdNumber(m.idNumber)}</span>
              </p>
              <ul className="ml-4 text-sm">
                {app.documents
                  .filter((d) => d.memberId === m.id)
                  .map((d) => (
                    <li key={d.id}>
                      {docTypeLabel(d.docType)}：
                      <a href={`/api/files/${d.id}`} target="_blank" rel="noopener" className="text-brand-700 underline">
                        {d.fileName}
                      </a>
                    </li>
                  ))}
              </ul>
            </li>
          ))}
        </ul>
      </TitledCard>

      {OPEN_STATUSES.includes(app.status) && (
        <p>
          <Link href={`/my/${app.id}/withdraw`} className="text-red-700 underline">
            撤回申请
          </Link>
          <span className="ml-2 text-sm text-slate-600">落户遵循本人意愿，未作出决定前可撤回。</span>
        </p>
      )}
    </div>
  );
}
