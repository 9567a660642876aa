"use client";

import { ActionForm } from "@/components/forms/action-form";
import { InputField, TextareaField } from "@/components/forms/field-controls";
import { saveTargetsWithReasonAction } from "./actions";
import { useEditForm } from "@/components/forms/use-edit-form";

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
  const f = useEditForm({ targets: initial, reason: "" }, (input) => saveTargetsWithReasonAction({ year, ...input }));
  const v = f.values.targets;
  const sum = counties.reduce((s, c) => s + (Number(v[c.code]) || 0), 0);
  const below = sum < planAverage;
  return (
    <ActionForm
      form={f}
      saved={(done) => <>已保存{done.belowPlan ? "（合计低于方案年均目标，理由已记入审计日志）" : ""}。</>}
      submit={`保存${year}年分解目标`}
      label={`${year}年转户目标分解`}
    >
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {counties.map((c) => (
          <InputField
            key={c.code}
            id={`t-${c.code}`}
            label={`${c.name}（人）`}
            inputMode="numeric"
            error={f.issue(`targets.${c.code}`)}
            value={v[c.code] ?? ""}
            onValue={(x) => f.set("targets", { ...v, [c.code]: x.replace(/[,，\s]/g, "") })}
          />
        ))}
      </div>
      <p aria-live="polite" className={below ? "font-semibold text-amber-800" : "font-semibold"}>
        合计 {sum.toLocaleString("zh-CN")} 人{below ? `，低于方案${planNumber}全市年均 ${planAverage.toLocaleString("zh-CN")} 人的目标：保存时须填写理由` : ""}
      </p>
      {below && <TextareaField id="t-reason" label="低于方案目标的理由（必填，至少10个字）" rows={2} {...f.field("reason")} />}
    </ActionForm>
  );
}
