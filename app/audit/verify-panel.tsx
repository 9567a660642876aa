"use client";

import { useRef, useState } from "react";
import { ErrorSummary } from "@/components/forms/field";
import { InputField } from "@/components/forms/field-controls";
import { useEditForm } from "@/components/forms/use-edit-form";
import type { ChainBreak, ChainBreakKind, ChainCursor, ChainReport } from "@/lib/audit/verify-chain";
import { MAX_BREAKS, chainReport } from "@/lib/audit/chain-report";
import type { ActionResult } from "@/lib/errors";
import { verifyChainStepAction } from "./actions";

const CHAIN_BREAK_LABELS: Readonly<Record<ChainBreakKind, string>> = {
  content_changed: "该事件的内容与其哈希值不符（内容被修改）",
  link_broken: "该事件记录的前一哈希与上一事件不符（前面的事件被删除、插入或修改）",
  anchor_mismatch: "该事件的哈希与此前记下的锚点不符（链被整体重算）",
  anchor_missing: "此前记下的锚点事件已不存在",
  checkpoint_mismatch: "该事件的哈希与系统定期记录的检查点不符（链被整体重算）",
  checkpoint_missing: "检查点记录的事件已不存在（事件被删除）",
};

const when = (d: Date | null) => (d ? new Date(d).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" }) : "—");

/** "Verify" the tamper-evident chain, optionally against an anchor (id + hash) noted from an earlier report. */
export function VerifyPanel() {
  const [progress, setProgress] = useState<{ checked: number; total: number } | null>(null);
  const mode = useRef<"full" | "incremental">("incremental");
  const [modeShown, setModeShown] = useState<"full" | "incremental">("incremental");
  const choose = (m: "full" | "incremental") => {
    mode.current = m;
    setModeShown(m);
  };
  // Step by step (each a short guarded request), carrying the cursor; breaks are collected here.
  const f = useEditForm(
    { anchorId: "", anchorHash: "" },
    async (anchor): Promise<ActionResult<ChainReport>> => {
      const started = Date.now();
      let cursor: ChainCursor | undefined;
      const breaks: ChainBreak[] = [];
      for (;;) {
        const r = await verifyChainStepAction({ ...anchor, cursor, mode: mode.current });
        if (!r.ok) return r;
        breaks.push(...r.data.breaks);
        cursor = r.data.cursor;
        setProgress({ checked: cursor.checked, total: cursor.total });
        if (r.data.done) return { ok: true, data: chainReport(cursor, breaks, Date.now() - started) };
      }
    },
    { refresh: false },
  );
  const report = f.done;

  return (
    <section className="card space-y-3" aria-labelledby="verify-title">
      <h2 id="verify-title" className="text-lg font-semibold">
        校验审计链
      </h2>
      <p className="text-sm text-slate-700">
        每条审计记录都带有对其内容和上一条记录哈希计算的 SHA-256
        哈希。系统定期把链尾记为“检查点”（应用的数据库角色只能新增、不能修改检查点）。快速校验核对每个检查点，并重新计算上一个检查点之后的记录；完整校验重新计算整条链并显示进度。两者都报告第一个断开的环节。也可填写此前记下的“锚点”（序号和哈希）。
      </p>
      <form
        className="grid gap-3 sm:grid-cols-[10rem_1fr_auto] sm:items-end"
        noValidate
        onSubmit={(ev) => {
          ev.preventDefault();
          f.send();
        }}
      >
        <InputField id="anchor-id" label="锚点序号（可选）" inputMode="numeric" {...f.field("anchorId")} />
        <InputField id="anchor-hash" label="锚点哈希（可选）" className="input font-mono text-sm" {...f.field("anchorHash")} />
        <div className="flex flex-wrap gap-2">
          <button type="submit" className="btn-primary" disabled={f.pending} onClick={() => choose("incremental")} data-testid="verify-incremental">
            {f.pending && modeShown === "incremental" ? "正在校验…" : "校验审计链（自上个检查点）"}
          </button>
          <button type="submit" className="btn-secondary" disabled={f.pending} onClick={() => choose("full")} data-testid="verify-full">
            {f.pending && modeShown === "full" ? "正在校验…" : "完整校验（全部记录）"}
          </button>
        </div>
      </form>
      <ErrorSummary message={f.err?.message} />
      {f.pending && progress && (
        <div>
          <progress className="w-full" max={progress.total || 1} value={progress.checked} aria-label="校验进度" />
          <p className="text-sm text-slate-700">
            已校验 {progress.checked.toLocaleString("zh-CN")} / {progress.total.toLocaleString("zh-CN")} 条
          </p>
        </div>
      )}
      <div aria-live="polite">
        {report && (
          <div
            data-testid="verify-result"
            data-ok={report.ok}
            className={`rounded border-l-4 p-3 ${report.ok ? "border-green-600 bg-green-50" : "border-red-600 bg-red-50"}`}
          >
            {report.ok ? (
              <p className="font-semibold">审计链完整：已校验 {report.checked.toLocaleString("zh-CN")} 条记录，未发现篡改。</p>
            ) : (
              <>
                <p className="font-semibold">
                  审计链已断开：已校验 {report.checked.toLocaleString("zh-CN")} 条记录，发现 {report.breaks.length}
                  {report.breaks.length >= MAX_BREAKS ? " 处以上" : " 处"}异常。
                </p>
                {report.firstBroken && (
                  <p className="mt-1">
                    第一个断开的环节：序号 <strong data-testid="first-broken-id">{report.firstBroken.id}</strong>（{when(report.firstBroken.at)}，
                    {report.firstBroken.action ?? "—"}）——{CHAIN_BREAK_LABELS[report.firstBroken.kind]}
                  </p>
                )}
                {report.breaks.length > 1 && (
                  <ul className="mt-1 list-disc pl-5 text-sm">
                    {report.breaks.slice(1).map((b) => (
                      <li key={`${b.id}-${b.kind}`}>
                        序号 {b.id}：{CHAIN_BREAK_LABELS[b.kind]}
                      </li>
                    ))}
                  </ul>
                )}
              </>
            )}
            <p className="mt-2 break-all text-sm text-slate-700">
              链尾（请记下作为下次校验的锚点）：序号 <span className="font-mono">{report.headId ?? "—"}</span>，哈希{" "}
              <span className="font-mono">{report.headHash}</span>；用时 {report.durationMs} 毫秒。
            </p>
          </div>
        )}
      </div>
    </section>
  );
}
