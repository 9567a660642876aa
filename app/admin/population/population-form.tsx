"use client";

import { useState } from "react";
import { ErrorSummary, Field, fieldAria } from "@/components/forms/field";
import { savePopulationStatAction } from "../actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { SelectOptions } from "@/components/forms/select-options";

type Values = { countyCode: string; year: string; hukouTotal: string; hukouUrban: string; residentTotal: string; residentUrban: string };

const NUMBER_FIELDS = [
  ["hukouTotal", "户籍总人口"],
  ["hukouUrban", "城镇户籍人口"],
  ["residentTotal", "常住人口"],
  ["residentUrban", "城镇常住人口"],
] as const;

/** One county's year-end figures; saving again replaces them (the change is audited with before and after). */
export function PopulationForm({ initial, counties }: { initial: Values; counties: Array<{ value: string; label: string }> }) {
  const [v, setV] = useState<Values>(initial);
  const f = useActionForm(savePopulationStatAction);
  return (
    <form className="grid gap-3 sm:grid-cols-2" noValidate onSubmit={(e) => (e.preventDefault(), f.submit(v))} aria-label="录入人口统计数据">
      <div className="sm:col-span-2">
        <ErrorSummary message={f.err?.message} />
        {f.done && (
          <p role="status" className="rounded bg-green-50 p-2 text-green-900">
            已保存，城镇化率已按新数据计算。
          </p>
        )}
      </div>
      <Field id="p-county" label="县（市、区）" error={f.issue("countyCode")}>
        <select
          id="p-county"
          className="input"
          value={v.countyCode}
          onChange={(e) => setV({ ...v, countyCode: e.target.value })}
          {...fieldAria("p-county", f.issue("countyCode"))}
        >
          <SelectOptions placeholder="请选择" options={counties} />
        </select>
      </Field>
      <Field id="p-year" label="年度（年末数）" error={f.issue("year")}>
        <input
          id="p-year"
          className="input"
          inputMode="numeric"
          value={v.year}
          onChange={(e) => setV({ ...v, year: e.target.value })}
          {...fieldAria("p-year", f.issue("year"))}
        />
      </Field>
      {NUMBER_FIELDS.map(([k, label]) => (
        <Field key={k} id={`p-${k}`} label={`${label}（人）`} error={f.issue(k)}>
          <input
            id={`p-${k}`}
            className="input"
            inputMode="numeric"
            value={v[k]}
            onChange={(e) => setV({ ...v, [k]: e.target.value.replace(/[,，\s]/g, "") })}
            {...fieldAria(`p-${k}`, f.issue(k))}
          />
        </Field>
      ))}
      <div className="sm:col-span-2">
        <button type="submit" className="btn-primary" disabled={f.pending}>
          {f.pending ? "正在保存…" : "保存统计数据"}
        </button>
      </div>
    </form>
  );
}
