"use client";

import { useState } from "react";
import { ErrorSummary, Field, fieldAria } from "@/components/forms/field";
import { saveTransferTargetsAction } from "../actions";
import { useActionForm } from "../_ui/use-action-form";

const PLAN_MIN = 46_000;

/** Every county's share of one year's transfer target, saved together; the sum is shown as it is typed. */
export function TargetsForm({ year, counties, initial }: { year: number; counties: Array<{ code: string; name: string }>; initial: Record<string, string> }) {
  const [v, setV] = useState<Record<string, string>>(initial);
  const f = useActionForm(saveTransferTargetsAction);
  const sum = counties.reduce((s, c) => s + (Number(v[c.code]) || 0), 0);
  return (
    <form className="space-y-3" noValidate onSubmit={(e) => (e.preventDefault(), f.submit({ year, targets: v }))}>
      <ErrorSummary message={f.err?.message} />
      {f.done && (
        <p role="status" className="rounded bg-green-50 p-2 text-green-900">
          已保存{f.done.belowPlan ? "。注意：各单位目标合计低于全市46,000人的年度目标。" : "。"}
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        {counties.map((c) => (
          <Field key={c.code} id={`t-${c.code}`} label={`${c.name}（人）`} error={f.issue(`targets.${c.code}`)}>
            <input id={`t-${c.code}`} className="input" inputMode="numeric" value={v[c.code] ?? ""} onChange={(e) => setV({ ...v, [c.code]: e.target.value.replace(/[,，\s]/g, "") })} {...fieldAria(`t-${c.code}`, f.issue(`targets.${c.code}`))} />
          </Field>
        ))}
      </div>
      <p aria-live="polite" className={sum < PLAN_MIN ? "font-semibold text-amber-800" : "font-semibold"}>
        合计 {sum.toLocaleString("zh-CN")} 人{sum < PLAN_MIN ? `，低于《实施方案》全市每年不少于 ${PLAN_MIN.toLocaleString("zh-CN")} 人的目标` : ""}
      </p>
      <button type="submit" className="btn-primary" disabled={f.pending}>
        {f.pending ? "正在保存…" : `保存${year}年目标`}
      </button>
    </form>
  );
}
