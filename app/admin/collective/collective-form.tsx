"use client";

import { ActionForm } from "@/components/forms/action-form";
import { CheckboxField, InputField, SelectField } from "@/components/forms/field-controls";
import { formValues, type StoredValues } from "@/components/forms/form-values";
import { useEditForm } from "@/components/forms/use-edit-form";
import { createCollectiveHouseholdAction, updateCollectiveHouseholdAction } from "./actions";

const EMPTY = { name: "", stationId: "", address: "", approvingOffice: "", approvedAt: "", active: true };

/** Create or edit a community collective household (`initial`: the stored one); nothing typed is lost on an error. */
export function CollectiveForm({
  id,
  initial,
  stations,
}: {
  id?: string;
  initial?: StoredValues<typeof EMPTY>;
  stations: Array<{ id: string; name: string }>;
}) {
  const f = useEditForm(
    formValues(EMPTY, initial),
    async (input) => (id ? updateCollectiveHouseholdAction({ id, ...input }) : createCollectiveHouseholdAction(input)),
    { reset: !id },
  );
  return (
    <ActionForm form={f} saved="已保存。" submit={id ? "保存修改" : "登记集体户"}>
      <InputField id="ch-name" label="集体户名称" maxLength={100} {...f.field("name")} />
      <SelectField id="ch-station" label="所属派出所" placeholder="请选择派出所" options={stations} {...f.field("stationId")} />
      <InputField id="ch-address" label="地址" maxLength={200} {...f.field("address")} />
      <InputField id="ch-office" label="批准机关" maxLength={100} {...f.field("approvingOffice")} />
      <InputField id="ch-date" label="批准日期" type="date" {...f.field("approvedAt")} />
      <CheckboxField
        id="ch-active"
        label="在用（可选作落户的集体户）"
        className="flex items-center gap-2 text-sm"
        checked={f.values.active}
        onChecked={(x) => f.set("active", x)}
      />
    </ActionForm>
  );
}
