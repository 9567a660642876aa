"use client";

import { useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { ErrorSummary, Field, fieldAria, issueFor } from "@/components/forms/field";
import type { FieldIssue } from "@/lib/errors";
import { createCollectiveHouseholdAction, updateCollectiveHouseholdAction } from "./actions";
import { SelectOptions } from "@/components/forms/select-options";

type Values = { name: string; stationId: string; address: string; approvingOffice: string; approvedAt: string; active: boolean };

/** Create or edit a community collective household; nothing typed is lost on an error. */
export function CollectiveForm({ id, initial, stations }: { id?: string; initial: Values; stations: Array<{ id: string; name: string }> }) {
  const router = useRouter();
  const [v, setV] = useState<Values>(initial);
  const [pending, start] = useTransition();
  const [err, setErr] = useState<{ message: string; issues: FieldIssue[] } | null>(null);
  const [saved, setSaved] = useState(false);
  const busy = useRef(false);
  const set = <K extends keyof Values>(k: K, val: Values[K]) => setV((x) => ({ ...x, [k]: val }));
  const e = (path: string) => issueFor(err?.issues, path);

  return (
    <form
      className="space-y-3"
      noValidate
      onSubmit={(ev) => {
        ev.preventDefault();
        if (busy.current) return;
        busy.current = true;
        setErr(null);
        setSaved(false);
        start(async () => {
          try {
            const r = id ? await updateCollectiveHouseholdAction({ id, ...v }) : await createCollectiveHouseholdAction(v);
            if (r.ok) {
              setSaved(true);
              if (!id) setV(initial);
              router.refresh();
            } else setErr({ message: r.message, issues: r.issues });
          } finally {
            busy.current = false;
          }
        });
      }}
    >
      <ErrorSummary message={err?.message} />
      {saved && (
        <p role="status" className="rounded bg-green-50 p-2 text-green-900">
          已保存。
        </p>
      )}
      <Field id="ch-name" label="集体户名称" error={e("name")}>
        <input
          id="ch-name"
          className="input"
          value={v.name}
          maxLength={100}
          onChange={(x) => set("name", x.target.value)}
          {...fieldAria("ch-name", e("name"))}
        />
      </Field>
      <Field id="ch-station" label="所属派出所" error={e("stationId")}>
        <select
          id="ch-station"
          className="input"
          value={v.stationId}
          onChange={(x) => set("stationId", x.target.value)}
          {...fieldAria("ch-station", e("stationId"))}
        >
          <SelectOptions placeholder="请选择派出所" options={stations} />
        </select>
      </Field>
      <Field id="ch-address" label="地址" error={e("address")}>
        <input
          id="ch-address"
          className="input"
          value={v.address}
          maxLength={200}
          onChange={(x) => set("address", x.target.value)}
          {...fieldAria("ch-address", e("address"))}
        />
      </Field>
      <Field id="ch-office" label="批准机关" error={e("approvingOffice")}>
        <input
          id="ch-office"
          className="input"
          value={v.approvingOffice}
          maxLength={100}
          onChange={(x) => set("approvingOffice", x.target.value)}
          {...fieldAria("ch-office", e("approvingOffice"))}
        />
      </Field>
      <Field id="ch-date" label="批准日期" error={e("approvedAt")}>
        <input
          id="ch-date"
          type="date"
          className="input"
          value={v.approvedAt}
          onChange={(x) => set("approvedAt", x.target.value)}
          {...fieldAria("ch-date", e("approvedAt"))}
        />
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" className="h-5 w-5" checked={v.active} onChange={(x) => set("active", x.target.checked)} />
        在用（可选作落户的集体户）
      </label>
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "正在保存…" : id ? "保存修改" : "登记集体户"}
      </button>
    </form>
  );
}
