"use client";

import { useState } from "react";
import { ErrorSummary, Field, fieldAria } from "@/components/forms/field";
import { saveTargetsWithReasonAction } from "./actions";
import { useActionForm } from "@/components/forms/use-action-form";

/**
 * The city's breakdown of one year's transfers among the county-level units, saved together;
 * the sum is shown as it is typed. Below the plan's yearly average the server refuses it unless
 * a reason is given.
 */
export function TargetsForm({
  year,
  planAverage,
  planNumber,
  counties,
  initial,
}: {
  year: number;
  planAverage: number;
  planNumber: string;
  counties: Array<{ code: string; name: string }>;
  initial: Record<string, string>;
}) {
  const [v, setV] = useState<Record<string, string>>(initial);
  const [reason, setReason] = useState("");
  const f = useActionForm(saveTargetsWithReasonAction);
  const sum = counties.reduce((s, c) => s + (Number(v[c.code]) || 0), 0);
  const below = sum < planAverage;
  return (
    <form className="space-y-3" noValidate onSubmit={(e) => (e.preventDefault(), f.submit({ year, targets: v, reason }))} aria-label={`${year}年转户目标分解`}>
      <ErrorSummary message={f.err?.message} />
      {f.done && (
        <p role="status" className="rounded bg-green-50 p-2 text-green-900">
          已保存
          {f.done.belowPlan ? "（合计低于方案年均目标，理由已记入审计日志）" : ""}。
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {counties.map((c) => (
          <Field key={c.code} id={`t-${c.code}`} label={`${c.name}（人）`} error={f.issue(`targets.${c.code}`)}>
            <input
              id={`t-${c.code}`}
              className="input"
              inputMode="numeric"
              value={v[c.code] ?? ""}
              onChange={(e) => setV({ ...v, [c.code]: e.target.value.replace(/[,，\s]/g, "") })}
              {...fieldAria(`t-${c.code}`, f.issue(`targets.${c.code}`))}
            />
          </Field>
        ))}
      </div>
      <p aria-live="polite" className={below ? "font-semibold text-amber-800" : "font-semibold"}>
        合计 {sum.toLocaleString("zh-CN")} 人{below ? `，低于方案${planNumber}全市年均 ${planAverage.toLocaleString("zh-CN")} 人的目标：保存时须填写理由` : ""}
      </p>
      {below && (
        <Field id="t-reason" label="低于方案目标的理由（必填，至少10个字）" error={f.issue("reason")}>
          <textarea
            id="t-reason"
            className="input"
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            {...fieldAria("t-reason", f.issue("reason"))}
          />
        </Field>
      )}
      <button type="submit" className="btn-primary" disabled={f.pending}>
        {f.pending ? "正在保存…" : `保存${year}年分解目标`}
      </button>
    </form>
  );
}
