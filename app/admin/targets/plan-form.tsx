"use client";

import { useState } from "react";
import { ErrorSummary, Field, fieldAria } from "@/components/forms/field";
import { saveSettlementPlanAction } from "./actions";
import { useActionForm } from "@/components/forms/use-action-form";

type PlanValues = Record<
  "documentNumber" | "title" | "startYear" | "endYear" | "baselineYear" | "transfersPerYear" | "rateRisePerYear" | "endRate" | "gapNarrowing",
  string
>;

const FIELDS: Array<[keyof PlanValues, string, string?]> = [
  ["documentNumber", "文号", "如 三政办〔2019〕24号；同一文号再次保存即为修改"],
  ["title", "方案名称"],
  ["startYear", "起始年份"],
  ["endYear", "截止年份"],
  ["baselineYear", "基期年份", "两率差距与之比较的年份，如 2015"],
  ["transfersPerYear", "年均转户（人）", "方案期内全市年均转户人数"],
  ["rateRisePerYear", "户籍人口城镇化率年均提高（百分点）"],
  ["endRate", "期末全市户籍人口城镇化率（%）", "方案未规定可留空"],
  ["gapNarrowing", "期末两率差距较基期缩小（百分点）", "方案未规定可留空"],
];

/** Records a settlement plan: its document number, years and targets. */
export function PlanForm({ initial }: { initial: PlanValues }) {
  const [v, setV] = useState<PlanValues>(initial);
  const f = useActionForm(saveSettlementPlanAction);
  return (
    <form className="space-y-3" noValidate onSubmit={(e) => (e.preventDefault(), f.submit(v))} aria-label="录入落户工作方案">
      <ErrorSummary message={f.err?.message} />
      {f.done && (
        <p role="status" className="rounded bg-green-50 p-2 text-green-900">
          已保存方案 {f.done.documentNumber}。
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {FIELDS.map(([k, label, hint]) => (
          <Field key={k} id={`p-${k}`} label={label} hint={hint} error={f.issue(k)}>
            <input
              id={`p-${k}`}
              className="input"
              value={v[k]}
              onChange={(e) => setV({ ...v, [k]: e.target.value })}
              {...fieldAria(`p-${k}`, f.issue(k), hint)}
            />
          </Field>
        ))}
      </div>
      <button type="submit" className="btn-primary" disabled={f.pending}>
        {f.pending ? "正在保存…" : "保存方案"}
      </button>
    </form>
  );
}
