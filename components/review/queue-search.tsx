"use client";

import { useRef, useState, useTransition } from "react";
import { searchQueueAction } from "@/app/clerk/actions";
import type { SearchRow, SearchKind } from "@/lib/review/queue";
import { QueueList } from "./queue-list";

const KIND_LABELS: Record<SearchKind, string> = {
  reference: "受理编号",
  id_number: "身份证号码",
  phone: "手机号码",
  digits: "编号尾号、身份证号码或手机号码片段",
  name: "姓名",
};

/**
 * Search by reference number, name or ID number. The term is POSTed to a server action and
 * never put into the URL (no ID number in browser history, proxies or server logs).
 */
export function QueueSearch({ meId, children }: { meId: string; children: React.ReactNode }) {
  const [q, setQ] = useState("");
  const [pending, start] = useTransition();
  const [result, setResult] = useState<{ kind: SearchKind; rows: SearchRow[]; more: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (busy.current) return;
    busy.current = true;
    setError(null);
    start(async () => {
      try {
        const r = await searchQueueAction({ q });
        if (r.ok) setResult(r.data);
        else setError(r.issues[0]?.message ?? r.message);
      } catch {
        setError("网络或系统异常，请稍后重试。");
      } finally {
        busy.current = false;
      }
    });
  }

  return (
    <div>
      <form onSubmit={submit} method="post" role="search" className="mb-4 flex flex-wrap items-end gap-2" noValidate>
        <div className="min-w-0 flex-1">
          <label htmlFor="queue-q" className="label">
            查找申请
          </label>
          <input
            id="queue-q"
            name="q"
            type="search"
            className="input"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            autoComplete="off"
            placeholder="姓名（可输入部分）、受理编号尾号、身份证号码或手机号码"
            aria-describedby={error ? "queue-q-error" : "queue-q-hint"}
            aria-invalid={error ? true : undefined}
            maxLength={50}
          />
          <p id="queue-q-hint" className="sr-only">
            可按姓名的一部分、受理编号的末几位、身份证号码（完整或部分）、手机号码查找，并说明每件申请因何匹配；查询内容不会出现在网址中。
          </p>
        </div>
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? "正在查找…" : "查找"}
        </button>
        {result && (
          <button
            type="button"
            className="btn-secondary"
            onClick={() => {
              setResult(null);
              setQ("");
            }}
          >
            返回队列
          </button>
        )}
        {error && (
          <p id="queue-q-error" className="field-error w-full" role="alert">
            {error}
          </p>
        )}
      </form>
      {result ? (
        <section aria-live="polite" aria-label="查找结果">
          <h2 className="mb-2 text-lg font-semibold">
            按{KIND_LABELS[result.kind]}查找：{result.rows.length} 件{result.more ? "（结果较多，仅显示前50件，请输入更多内容缩小范围）" : ""}
          </h2>
          <QueueList rows={result.rows} meId={meId} empty="本所没有与之匹配的申请。" />
        </section>
      ) : (
        children
      )}
    </div>
  );
}
