"use client";

import { useState } from "react";
import { ErrorSummary, Field, fieldAria } from "@/components/forms/field";
import { importNationalYearAction, removeCalendarDayAction, setCalendarDayAction } from "../actions";
import { useActionForm } from "@/components/forms/use-action-form";

/** Set one day: a holiday (day off) or a make-up working day on a weekend (调休上班). */
export function CalendarDayForm({ year }: { year: number }) {
  const empty = { date: `${year}-`, kind: "holiday", name: "" };
  const [v, setV] = useState(empty);
  const f = useActionForm(setCalendarDayAction, { onOk: () => setV(empty) });
  return (
    <form className="grid gap-3 sm:grid-cols-4 sm:items-end" noValidate onSubmit={(e) => (e.preventDefault(), f.submit(v))}>
      <div className="sm:col-span-4">
        <ErrorSummary message={f.err?.message} />
        {f.done && (
          <p role="status" className="rounded bg-green-50 p-2 text-green-900">
            已保存，办理时限即按新的安排计算。
          </p>
        )}
      </div>
      <Field id="c-date" label="日期" error={f.issue("date")}>
        <input
          id="c-date"
          type="date"
          className="input"
          value={v.date}
          onChange={(e) => setV({ ...v, date: e.target.value })}
          {...fieldAria("c-date", f.issue("date"))}
        />
      </Field>
      <Field id="c-kind" label="安排" error={f.issue("kind")}>
        <select id="c-kind" className="input" value={v.kind} onChange={(e) => setV({ ...v, kind: e.target.value })} {...fieldAria("c-kind", f.issue("kind"))}>
          <option value="holiday">放假（休息日）</option>
          <option value="workday">调休上班（周末上班）</option>
        </select>
      </Field>
      <Field id="c-name" label="节日名称" error={f.issue("name")}>
        <input
          id="c-name"
          className="input"
          value={v.name}
          onChange={(e) => setV({ ...v, name: e.target.value })}
          placeholder="如 春节"
          {...fieldAria("c-name", f.issue("name"))}
        />
      </Field>
      <button type="submit" className="btn-primary" disabled={f.pending}>
        {f.pending ? "正在保存…" : "保存"}
      </button>
    </form>
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
