"use client";

import { useState } from "react";
import { ErrorSummary, Field, fieldAria } from "@/components/forms/field";
import { createStationAction, updateStationAction } from "../actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { SelectOptions } from "@/components/forms/select-options";

type Values = { code: string; name: string; countyCode: string; address: string; phone: string; active: boolean; officeHours?: string; guideNote?: string };

/** Create or edit a police station; nothing typed is lost on an error. */
export function StationForm({ id, initial, counties }: { id?: string; initial: Values; counties: Array<{ value: string; label: string }> }) {
  const [v, setV] = useState<Values>(initial);
  const set = <K extends keyof Values>(k: K, val: Values[K]) => setV((x) => ({ ...x, [k]: val }));
  const f = useActionForm(async (input: Values) => (id ? updateStationAction({ id, ...input }) : createStationAction(input)), {
    onOk: () => !id && setV(initial),
  });
  const text = (k: "code" | "name" | "address" | "phone" | "officeHours" | "guideNote", label: string, hint?: string) => (
    <Field id={`st-${k}`} label={label} error={f.issue(k)} hint={hint}>
      <input id={`st-${k}`} className="input" value={v[k] ?? ""} onChange={(e) => set(k, e.target.value)} {...fieldAria(`st-${k}`, f.issue(k), hint)} />
    </Field>
  );
  return (
    <form className="space-y-3" noValidate onSubmit={(e) => (e.preventDefault(), f.submit(v))}>
      <ErrorSummary message={f.err?.message} issues={f.err?.issues} fieldId={(p) => `st-${p === "countyCode" ? "county" : p}`} />
      {f.done && (
        <p role="status" className="rounded bg-green-50 p-2 text-green-900">
          已保存。
        </p>
      )}
      {text("code", "派出所代码", "如 411202-04")}
      {text("name", "派出所名称")}
      <Field id="st-county" label="所属县（市、区）" error={f.issue("countyCode")}>
        <select
          id="st-county"
          className="input"
          value={v.countyCode}
          onChange={(e) => set("countyCode", e.target.value)}
          {...fieldAria("st-county", f.issue("countyCode"))}
        >
          <SelectOptions placeholder="请选择" options={counties} />
        </select>
      </Field>
      {text("address", "地址")}
      {text("phone", "电话（可选）")}
      {text("officeHours", "办公时间（可选，显示在办事指南）", "如 工作日 8:30—12:00、14:30—17:30")}
      {text("guideNote", "给群众的说明（可选，显示在办事指南）", "如 停车、无障碍通道、周末值班等")}
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          className="h-5 w-5"
          checked={v.active}
          onChange={(e) => set("active", e.target.checked)}
          aria-describedby={f.issue("active") ? "st-active-error" : undefined}
        />
        在用（接收落户申请）
      </label>
      {f.issue("active") && (
        <p id="st-active-error" className="field-error" role="alert">
          {f.issue("active")}
        </p>
      )}
      <button type="submit" className="btn-primary" disabled={f.pending}>
        {f.pending ? "正在保存…" : id ? "保存修改" : "新增派出所"}
      </button>
    </form>
  );
}
