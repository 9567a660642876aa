import { redirect } from "next/navigation";
import { requirePageUser, pageError, runQuery } from "@/lib/auth/guard";
import { mySupplementQuery } from "@/lib/filings/load-resident-pages";
import { noticeItems } from "@/lib/filings/supplement-notice";
import { SUPPLEMENT_ATTACHMENT } from "@/lib/filings/upload-document";
import { DateText } from "@/components/date-text";
import { DOCUMENT_LABELS } from "@/lib/schemas/eligibility";
import { MAX_UPLOAD_BYTES, formatBytes } from "@/lib/storage/upload-limits";
import { DocumentSlot } from "@/components/filing/document-slot";
import { TextArea } from "@/components/filing/step-form";
import { MyFilingForm } from "../my-filing-form";
import { resubmitAction } from "../../actions";

export const metadata = { title: "补正材料" };

/** The ONE supplement notice: upload or correct exactly its items, then resubmit. */
export default async function SupplementPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(["resident"], `/my/${encodeURIComponent(id)}/supplement`);
  const { app, notice, ruleSet } = await runQuery(user, mySupplementQuery, id).catch(pageError);
  if (!notice || !ruleSet) redirect(`/my/${app.id}`);
  const items = noticeItems(notice.items, app.members, ruleSet.data);
  const fresh = app.documents.filter((d) => d.noticeId === notice.id);
  const textItems = items.filter((it) => !it.documentCode);
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <div>
        <h1 className="page-title">补正材料：{app.reference}</h1>
        {notice.status === "corrected" && (
          <p className="mb-2 rounded bg-sky-50 p-3 text-sm text-sky-900" data-testid="notice-corrected">
            派出所所长已于 <DateText date={notice.correctedAt ?? notice.requestedAt} /> 更正本告知，请以下列事项为准。
          </p>
        )}
        <p className="text-slate-700">
          请在 {notice.dueAt ? <DateText date={notice.dueAt} /> : "规定期限"} 前补齐以下全部事项。只需补正所列内容，其他已提交的信息和材料不必重复提交。
        </p>
        {notice.note && <p className="mt-2 rounded bg-amber-50 p-3 text-sm">派出所说明：{notice.note}</p>}
      </div>
      <ol className="space-y-4" data-testid="supplement-items">
        {items.map((it) => (
          <li key={it.index} className="space-y-2">
            <p className="font-medium">
              {it.index + 1}. {it.memberName}：{it.label}
              {it.clause ? <span className="text-sm text-slate-500">（方案{it.clause}）</span> : null}
            </p>
            {it.clarification && <p className="text-sm text-slate-700">派出所说明：{it.clarification}</p>}
            <DocumentSlot
              testId={`supplement-slot-${it.index}`}
              applicationId={app.id}
              memberId={it.memberId ?? ""}
              title={it.documentCode ? DOCUMENT_LABELS[it.documentCode] : "补正附件（可选）"}
              docTypes={
                it.documentCode ? it.alternatives.map((c) => ({ code: c, label: DOCUMENT_LABELS[c] })) : [{ code: SUPPLEMENT_ATTACHMENT, label: "补正附件" }]
              }
              documents={fresh.filter(
                (d) =>
                  d.memberId === it.memberId && (it.documentCode ? (it.alternatives as string[]).includes(d.docType) : d.docType === SUPPLEMENT_ATTACHMENT),
              )}
              satisfied={fresh.some(
                (d) =>
                  d.memberId === it.memberId && (it.documentCode ? (it.alternatives as string[]).includes(d.docType) : d.docType === SUPPLEMENT_ATTACHMENT),
              )}
              maxBytes={MAX_UPLOAD_BYTES}
              maxLabel={formatBytes(MAX_UPLOAD_BYTES)}
            />
          </li>
        ))}
      </ol>
      <MyFilingForm
        action={resubmitAction}
        applicationId={app.id}
        submitLabel="提交补正"
        pendingLabel="正在提交…"
        testId="resubmit-form"
        backLabel="返回申请详情"
      >
        {textItems.map((it) => (
          <TextArea
            key={it.index}
            name={`response-${it.index}`}
            label={`第${it.index + 1}项补正说明（${it.label}）`}
            hint="请说明更正后的信息，或说明已上传的附件"
            maxLength={1000}
          />
        ))}
      </MyFilingForm>
    </div>
  );
}
