"use client";

import { ActionForm } from "@/components/forms/action-form";
import { InputField } from "@/components/forms/field-controls";
import { saveSettlementPlanAction } from "./actions";
import { useEditForm } from "@/components/forms/use-edit-form";

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
  const f = useEditForm(initial, saveSettlementPlanAction);
  return (
    <ActionForm form={f} saved={(done) => `已保存方案 ${done.documentNumber}。`} submit="保存方案" label="录入落户工作方案">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {FIELDS.map(([k, label, hint]) => (
          <InputField key={k} id={`p-${k}`} label={label} hint={hint} {...f.field(k)} />
        ))}
      </div>
    </ActionForm>
  );
}
