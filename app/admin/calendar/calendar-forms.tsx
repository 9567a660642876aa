"use client";

import { ActionForm } from "@/components/forms/action-form";
import { InputField, SelectField } from "@/components/forms/field-controls";
import { importNationalYearAction, removeCalendarDayAction, setCalendarDayAction } from "../actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { useEditForm } from "@/components/forms/use-edit-form";

const KINDS = [
  { value: "holiday", label: "放假（休息日）" },
  { value: "workday", label: "调休上班（周末上班）" },
];

/** Set one day: a holiday (day off) or a make-up working day on a weekend (调休上班). */
export function CalendarDayForm({ year }: { year: number }) {
  const f = useEditForm({ date: `${year}-`, kind: "holiday", name: "" }, setCalendarDayAction, { reset: true });
  return (
    <ActionForm form={f} saved="已保存，办理时限即按新的安排计算。" submit="保存" className="grid gap-3 sm:grid-cols-4 sm:items-end">
      <InputField id="c-date" label="日期" type="date" {...f.field("date")} />
      <SelectField id="c-kind" label="安排" options={KINDS} {...f.field("kind")} />
      <InputField id="c-name" label="节日名称" placeholder="如 春节" {...f.field("name")} />
    </ActionForm>
  );
}

export function RemoveDayButton({ date, label }: { date: string; label: string }) {
  const f = useActionForm(removeCalendarDayAction);
  return (
    <>
      <button
        type="button"
        className="text-red-700 underline disabled:opacity-50"
        disabled={f.pending}
        onClick={() => window.confirm(`删除 ${date}（${label}）的安排？`) && f.submit({ date })}
      >
        {f.pending ? "正在删除…" : "删除"}
        <span className="sr-only">
          {date} {label}
        </span>
      </button>
      {f.err && (
        <span role="alert" className="field-error block">
          {f.err.message}
        </span>
      )}
    </>
  );
}

export function ImportYearButton({ year }: { year: number }) {
  const f = useActionForm(importNationalYearAction);
  return (
    <span className="inline-flex flex-col">
      <button type="button" className="btn-secondary" disabled={f.pending} onClick={() => f.submit({ year })}>
        {f.pending ? "正在导入…" : `导入${year}年国务院节假日安排`}
      </button>
      {f.err && (
        <span role="alert" className="field-error">
          {f.err.message}
        </span>
      )}
    </span>
  );
}
