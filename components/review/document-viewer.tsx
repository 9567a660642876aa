"use client";

import { useState } from "react";
import { reviewDocumentAction } from "@/app/clerk/actions";
import { DOCUMENT_LABELS } from "@/lib/schemas/eligibility";
import { displayFileName } from "@/lib/storage/display-file-name";
import { useActionForm } from "@/components/forms/use-action-form";
import { ActionError } from "./action-bits";

type Doc = { id: string; docType: string; fileName: string; mimeType: string; size: number; reviewStatus?: string | null; reviewReason?: string | null };
type Reason = { code: string; label: string };

/** Same wording as lib/filings/upload-document's docTypeLabel (that module is server-only). */
const docTypeLabel = (t: string) => (t === "supplement_attachment" ? "补正附件" : ((DOCUMENT_LABELS as Record<string, string>)[t] ?? t));
const kb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/**
 * Each document viewable in the page: images and PDFs load only when the clerk opens them
 * (GET /api/files/<documentId>, audited per file) — so opening the filing writes one audit
 * event, not one per hidden preview. With `check`, each document can be marked verified, or
 * rejected with a reason from the rule set's list.
 */
export function DocumentViewer({ docs, applicationId, check }: { docs: Doc[]; applicationId?: string; check?: { reasons: Reason[] } | null }) {
  if (docs.length === 0) return <p className="text-sm text-slate-600">未上传材料。</p>;
  return (
    <ul className="space-y-2">
      {docs.map((d) => (
        <DocumentItem key={d.id} d={d} applicationId={applicationId} check={check ?? null} />
      ))}
    </ul>
  );
}

function DocumentItem({ d, applicationId, check }: { d: Doc; applicationId?: string; check: { reasons: Reason[] } | null }) {
  const [open, setOpen] = useState(false);
  // Inline (sandboxed) only here, in the viewer; every other link downloads the file.
  const src = `/api/files/${encodeURIComponent(d.id)}?view=inline`;
  const title = `${docTypeLabel(d.docType)}：${displayFileName(d.fileName)}`;
  const reasonLabel = check?.reasons.find((r) => r.code === d.reviewReason)?.label ?? d.reviewReason;
  return (
    <li data-testid="document-item">
      <details className="rounded border border-slate-200 bg-white" data-testid="document" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <summary className="cursor-pointer px-3 py-2 text-sm">
          <span className="font-medium">{docTypeLabel(d.docType)}</span>
          <span className="ml-2 text-slate-600">
            {displayFileName(d.fileName)}（{kb(d.size)}）
          </span>
          {d.reviewStatus === "verified" && (
            <span className="ml-2 rounded bg-green-100 px-2 text-xs font-semibold text-green-900" data-testid="doc-verified">
              已核验
            </span>
          )}
          {d.reviewStatus === "rejected" && (
            <span className="ml-2 rounded bg-red-100 px-2 text-xs font-semibold text-red-900" data-testid="doc-rejected">
              不合格：{reasonLabel}
            </span>
          )}
        </summary>
        {open && (
          <div className="border-t border-slate-200 p-2">
            {d.mimeType.startsWith("image/") ? (
              // An authorized, per-request file: next/image's optimizer must not cache it.
              // eslint-disable-next-line @next/next/no-img-element
              <img src={src} alt={title} className="mx-auto max-h-[80vh] max-w-full" />
            ) : d.mimeType === "application/pdf" ? (
              <iframe src={src} title={title} className="h-[70vh] w-full" />
            ) : null}
            <a href={src} target="_blank" rel="noopener noreferrer" className="mt-1 inline-block text-sm text-brand-700 underline">
              在新窗口打开
            </a>
          </div>
        )}
      </details>
      {check && applicationId && <DocumentCheck applicationId={applicationId} documentId={d.id} reasons={check.reasons} label={docTypeLabel(d.docType)} />}
    </li>
  );
}

function DocumentCheck({ applicationId, documentId, reasons, label }: { applicationId: string; documentId: string; reasons: Reason[]; label: string }) {
  const { submit: run, pending, err: error } = useActionForm(reviewDocumentAction);
  const [reasonCode, setReasonCode] = useState("");
  const sel = `reject-${documentId}`;
  return (
    <div className="mt-1 flex flex-wrap items-center gap-2 text-sm" data-testid="document-check">
      <button
        type="button"
        className="btn-secondary px-2 py-1 text-sm"
        disabled={pending}
        onClick={() => run({ applicationId, documentId, verdict: "verified" })}
        data-testid="verify-document"
      >
        核验通过
      </button>
      <label htmlFor={sel} className="sr-only">
        {label}不合格的理由
      </label>
      <select id={sel} className="input w-auto py-1 text-sm" value={reasonCode} onChange={(e) => setReasonCode(e.target.value)} data-testid="reject-reason">
        <option value="">不合格理由…</option>
        {reasons.map((r) => (
          <option key={r.code} value={r.code}>
            {r.label}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="btn-secondary px-2 py-1 text-sm"
        disabled={pending || !reasonCode}
        title={reasonCode ? undefined : "请先选择不合格的理由"}
        onClick={() => run({ applicationId, documentId, verdict: "rejected", reasonCode })}
        data-testid="reject-document"
      >
        标记不合格
      </button>
      <ActionError error={error} />
    </div>
  );
}
