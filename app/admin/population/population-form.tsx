"use client";

import { ActionForm } from "@/components/forms/action-form";
import { InputField, SelectField } from "@/components/forms/field-controls";
import { useEditForm } from "@/components/forms/use-edit-form";
import { COUNTIES } from "@/lib/places";
import { savePopulationStatAction } from "../actions";

type Values = { countyCode: string; year: string; hukouTotal: string; hukouUrban: string; residentTotal: string; residentUrban: string };

const NUMBER_FIELDS = [
  ["hukouTotal", "户籍总人口"],
  ["hukouUrban", "城镇户籍人口"],
  ["residentTotal", "常住人口"],
  ["residentUrban", "城镇常住人口"],
] as const;

/** One county's year-end figures; saving again replaces them (the change is audited with before and after). */
export function PopulationForm({ initial }: { initial: Values }) {
  const f = useEditForm(initial, savePopulationStatAction);
  return (
    <ActionForm
      form={f}
      saved="已保存，城镇化率已按新数据计算。"
      submit="保存统计数据"
      label="录入人口统计数据"
      className="grid gap-3 sm:grid-cols-2"
      footClassName="sm:col-span-2"
    >
      <SelectField id="p-county" label="县（市、区）" placeholder="请选择" options={COUNTIES} {...f.field("countyCode")} />
      <InputField id="p-year" label="年度（年末数）" inputMode="numeric" {...f.field("year")} />
      {NUMBER_FIELDS.map(([k, label]) => (
        <InputField key={k} id={`p-${k}`} label={`${label}（人）`} inputMode="numeric" {...f.field(k)} onValue={(x) => f.set(k, x.replace(/[,，\s]/g, ""))} />
      ))}
    </ActionForm>
  );
}
