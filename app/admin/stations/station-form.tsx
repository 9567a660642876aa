"use client";

import { ActionForm } from "@/components/forms/action-form";
import { CheckboxField, InputField, SelectField } from "@/components/forms/field-controls";
import { formValues, type StoredValues } from "@/components/forms/form-values";
import { useEditForm } from "@/components/forms/use-edit-form";
import { COUNTIES } from "@/lib/places";
import { createStationAction, updateStationAction } from "../actions";

const EMPTY = { code: "", name: "", countyCode: "", address: "", phone: "", active: true, officeHours: "", guideNote: "" };

/** Create or edit a police station (`initial`: the stored station); nothing typed is lost on an error. */
export function StationForm({ id, initial }: { id?: string; initial?: StoredValues<typeof EMPTY> }) {
  const f = useEditForm(formValues(EMPTY, initial), async (input) => (id ? updateStationAction({ id, ...input }) : createStationAction(input)), {
    reset: !id,
  });
  const text = (k: "code" | "name" | "address" | "phone" | "officeHours" | "guideNote", label: string, hint?: string) => (
    <InputField id={`st-${k}`} label={label} hint={hint} {...f.field(k)} />
  );
  return (
    <ActionForm form={f} saved="已保存。" submit={id ? "保存修改" : "新增派出所"} fieldId={(p) => `st-${p === "countyCode" ? "county" : p}`}>
      {text("code", "派出所代码", "如 411202-04")}
      {text("name", "派出所名称")}
      <SelectField id="st-county" label="所属县（市、区）" placeholder="请选择" options={COUNTIES} {...f.field("countyCode")} />
      {text("address", "地址")}
      {text("phone", "电话（可选）")}
      {text("officeHours", "办公时间（可选，显示在办事指南）", "如 工作日 8:30—12:00、14:30—17:30")}
      {text("guideNote", "给群众的说明（可选，显示在办事指南）", "如 停车、无障碍通道、周末值班等")}
      <CheckboxField id="st-active" label="在用（接收落户申请）" checked={f.values.active} error={f.issue("active")} onChecked={(x) => f.set("active", x)} />
    </ActionForm>
  );
}
