"use client";

import { useId, useRef, useState } from "react";
import { fetchAction, useActionForm } from "@/components/forms/use-action-form";
import type { ChecklistDocument } from "@/lib/filings/document-checklist";

type Props = {
  applicationId: string;
  memberId: string;
  /** Document types this line accepts (the first is the default). */
  docTypes: Array<{ code: string; label: string }>;
  title: string;
  hint?: string;
  /** The files already uploaded for this line (a type import only: the checklist module stays on the server). */
  documents: ChecklistDocument[];
  satisfied: boolean;
  /** Largest file, for the hint and a check before sending. */
  maxBytes: number;
  maxLabel: string;
  testId?: string;
  /**
   * For a 户口簿: the other persons of the filing; the resident ticks who is listed on this
   * booklet, and the one upload counts for each of them.
   */
  sharedWith?: Array<{ id: string; name: string }>;
};

function size(n: number) {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}

/**
 * One line of the documents checklist: the files uploaded for it, upload / replace / remove.
 * Uploads go to /api/files (type checked from the bytes on the server); errors are shown next
 * to the line and nothing already uploaded is touched.
 */
export function DocumentSlot({ applicationId, memberId, docTypes, title, hint, documents, satisfied, maxBytes, maxLabel, testId, sharedWith }: Props) {
  const own = documents.find((d) => d.memberId === memberId);
  const [covers, setCovers] = useState<string[]>(() => [...(own?.coversMemberIds ?? [])]);
  const nameOf = (id: string | null | undefined) => sharedWith?.find((p) => p.id === id)?.name;
  const inputId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [docType, setDocType] = useState(docTypes[0].code);
  const [replaceId, setReplaceId] = useState<string | null>(null);
  // A file refused before sending (too large); the server's answers come from the form hook.
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const [busyText, setBusyText] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const files = useActionForm((req: { url: string; init: RequestInit; failed: string | ((status: number) => string); offline?: string }) =>
    fetchAction(req.url, req.init, req.failed, req.offline),
  );
  const busy = files.pending ? busyText : null;
  const error = tooLarge ?? files.err?.message ?? null;

  function upload(file: File) {
    setTooLarge(null);
    setDone(null);
    if (file.size > maxBytes) {
      setTooLarge(`文件过大：单个文件不能超过 ${maxLabel}。请压缩图片或分页扫描后再上传。`);
      return;
    }
    setBusyText("正在上传…");
    const body = new FormData();
    body.set("applicationId", applicationId);
    body.set("memberId", memberId);
    body.set("docType", docType);
    if (replaceId) body.set("replaceId", replaceId);
    for (const id of covers) body.append("coversMemberIds", id);
    body.set("file", file);
    files.submit(
      {
        url: "/api/files",
        init: { method: "POST", body },
        failed: (status) => (status === 413 ? `文件过大：单个文件不能超过 ${maxLabel}。` : "上传失败，请重试。"),
        offline: "网络异常，上传未完成，请重试。",
      },
      () => {
        setReplaceId(null);
        setDone(`已上传：${file.name}`);
      },
    );
    if (fileRef.current) {
      fileRef.current.value = "";
      // Keep the keyboard and screen-reader user here (the input is only aria-disabled while sending).
      fileRef.current.focus();
    }
  }

  function changeCoverage(next: string[]) {
    setCovers(next);
    if (!own) return; // applied with the next upload
    setTooLarge(null);
    setBusyText("正在保存…");
    files.submit({
      url: `/api/files/${encodeURIComponent(own.id)}`,
      init: { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ applicationId, coversMemberIds: next }) },
      failed: "保存失败，请重试。",
    });
  }

  function remove(id: string) {
    setTooLarge(null);
    setBusyText("正在删除…");
    files.submit({ url: `/api/files/${encodeURIComponent(id)}`, init: { method: "DELETE" }, failed: "删除失败，请重试。" });
  }

  return (
    <div className="rounded-md border border-slate-200 bg-white p-3" data-testid={testId} data-satisfied={satisfied}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <p className="font-medium">{title}</p>
          {hint && <p className="text-sm text-slate-600">{hint}</p>}
        </div>
        <span className={`rounded px-2 py-1 text-sm ${satisfied ? "bg-green-100 text-green-800" : "bg-amber-100 text-amber-900"}`}>
          {satisfied ? "已上传" : "待上传"}
        </span>
      </div>
      {documents.length > 0 && (
        <ul className="mt-2 space-y-1 text-sm">
          {documents.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <a href={`/api/files/${d.id}`} target="_blank" rel="noopener" className="text-brand-700 underline">
                {d.fileName}
              </a>
              <span className="text-slate-500">{size(d.size)}</span>
              {d.memberId && d.memberId !== memberId && <span className="text-slate-600">（与{nameOf(d.memberId) ?? "家庭成员"}共用的户口簿）</span>}
              <button
                type="button"
                className="text-brand-700 underline"
                disabled={!!busy}
                onClick={() => {
                  setReplaceId(d.id);
                  fileRef.current?.click();
                }}
              >
                替换<span className="sr-only">{d.fileName}</span>
              </button>
              <button type="button" className="text-red-700 underline" disabled={!!busy} onClick={() => remove(d.id)}>
                删除<span className="sr-only">{d.fileName}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {sharedWith && sharedWith.length > 0 && (
        <fieldset className="mt-3 text-sm" data-testid={testId ? `covers-${testId}` : undefined}>
          <legend className="font-medium">这本户口簿上还登记有（勾选后，他们无需再上传户口簿）：</legend>
          <div className="mt-1 flex flex-wrap gap-x-5 gap-y-2">
            {sharedWith.map((p) => (
              <label key={p.id} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  className="h-5 w-5"
                  checked={covers.includes(p.id)}
                  disabled={!!busy}
                  onChange={(e) => changeCoverage(e.target.checked ? [...covers, p.id] : covers.filter((x) => x !== p.id))}
                />
                {p.name}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <div className="mt-3 flex flex-wrap items-center gap-3">
        {docTypes.length > 1 && (
          <label className="text-sm">
            <span className="sr-only">材料类型</span>
            <select className="input py-1" value={docType} onChange={(e) => setDocType(e.target.value)} aria-label={`${title}的材料类型`}>
              {docTypes.map((t) => (
                <option key={t.code} value={t.code}>
                  {t.label}
                </option>
              ))}
            </select>
          </label>
        )}
        <label
          htmlFor={inputId}
          onClick={() => setReplaceId(null)}
          className="btn-secondary cursor-pointer focus-within:outline focus-within:outline-2 focus-within:outline-amber-500"
        >
          {documents.length ? "再上传一个文件" : "选择文件上传"}
          <input
            id={inputId}
            ref={fileRef}
            type="file"
            accept="image/jpeg,image/png,application/pdf"
            className="sr-only"
            aria-label={`上传${title}`}
            aria-disabled={busy ? true : undefined}
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f && !busy) upload(f);
            }}
          />
        </label>
        <span role="status" className="text-sm text-slate-600">
          {busy ?? done ?? ""}
        </span>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
