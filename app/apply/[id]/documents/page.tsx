import Link from "next/link";
import { runQuery } from "@/lib/auth/guard";
import { assessMyDraftQuery } from "@/lib/filings/load-resident-pages";
import { relationWords } from "@/lib/filings/relation-words";
import { draftForPage } from "../../draft-page";
import { DOCUMENT_LABELS } from "@/lib/schemas/eligibility";
import { MAX_UPLOAD_BYTES, formatBytes } from "@/lib/storage/upload-limits";
import { ALLOWED_TYPE_LABEL } from "@/lib/storage/sniff-file-type";
import { DocumentSlot } from "@/components/filing/document-slot";

export const metadata = { title: "上传材料" };

export default async function DocumentsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, draft } = await draftForPage(id, "documents");
  const { checklist, tasks } = await runQuery(user, assessMyDraftQuery, draft);
  const blocked = tasks.find((t) => t.key === "documents")?.status === "cannot_start";
  return (
    <div className="space-y-6">
      <div>
        <h1 className="page-title">上传材料</h1>
        <p className="text-slate-700">
          以下清单由规则核验（规则版本 {checklist.ruleSetVersion}）按您的申请和每位随迁人员逐人列出，一次告知全部所需材料。请上传{ALLOWED_TYPE_LABEL}
          ，单个文件不超过 {formatBytes(MAX_UPLOAD_BYTES)}；提交前可随时替换或删除。
        </p>
        <p className="mt-2 font-medium" data-testid="missing-count">
          {blocked ? "材料清单暂时无法计算（见下方提示）。" : checklist.complete ? "材料已齐全。" : `还缺 ${checklist.missingCount} 项材料。`}
        </p>
      </div>
      {blocked && (
        <p className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
          请先完成“申请人信息”和本通道的“情况说明”，系统才能算出完整的材料清单。
          <Link href={`/apply/${draft.id}`} className="ml-2 text-brand-700 underline">
            返回任务列表
          </Link>
        </p>
      )}
      {checklist.persons.map((p) => (
        <section key={p.memberId ?? "self"} aria-labelledby={`p-${p.memberId}`} className="space-y-3">
          <h2 id={`p-${p.memberId}`} className="text-lg font-semibold">
            {p.name}（{relationWords(p.relation)}）
          </h2>
          {p.reasons.length > 0 && (
            <ul className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
              {p.reasons.map((r) => (
                <li key={r.code}>
                  {r.message}（方案{r.clause}）
                </li>
              ))}
            </ul>
          )}
          {p.outcome === "invalid" && <p className="text-sm text-slate-600">该人员的信息尚未填写完整，材料清单将在填写完整后显示。</p>}
          {p.slots.map((s) => (
            <DocumentSlot
              key={s.code}
              testId={`slot-${p.relation}-${s.code}`}
              applicationId={draft.id}
              memberId={p.memberId ?? ""}
              title={s.label}
              hint={`依据：方案${s.clause}`}
              docTypes={s.alternatives.map((c) => ({ code: c, label: DOCUMENT_LABELS[c] }))}
              documents={s.documents}
              satisfied={s.satisfied}
              maxBytes={MAX_UPLOAD_BYTES}
              maxLabel={formatBytes(MAX_UPLOAD_BYTES)}
              sharedWith={
                // Tick boxes on the booklet one uploads; a slot met by someone else's booklet shows that file instead.
                s.code === "hukou_booklet" && checklist.persons.length > 1 && s.documents.every((d) => d.memberId === p.memberId)
                  ? checklist.persons.filter((o) => o.memberId !== p.memberId && o.memberId).map((o) => ({ id: o.memberId!, name: o.name }))
                  : undefined
              }
            />
          ))}
        </section>
      ))}
      <div className="flex flex-wrap gap-3">
        {checklist.complete ? (
          <Link href={`/apply/${draft.id}/check`} className="btn-primary">
            继续：核对并提交
          </Link>
        ) : (
          <Link href={`/apply/${draft.id}`} className="btn-secondary">
            稍后再传，返回任务列表
          </Link>
        )}
      </div>
    </div>
  );
}
