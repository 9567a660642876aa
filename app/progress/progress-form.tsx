"use client";

import { useActionState, useEffect, useRef } from "react";
import { lookupProgressAction, sendProgressCodeAction, type ProgressState } from "./actions";
import { ErrorSummary, issueFor } from "@/components/forms/field";
import { InputField } from "@/components/forms/input-field";
import { SmsCodeField } from "@/components/forms/sms-code-field";

function day(iso: string) {
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
function dayTime(iso: string) {
  const s = new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 16)}`;
}

export function ProgressForm() {
  const [state, action, pending] = useActionState<ProgressState, FormData>(lookupProgressAction, {});
  const err = (p: string) => issueFor(state.issues, p);
  const result = useRef<HTMLElement>(null);
  useEffect(() => {
    if (state.view) {
      result.current?.focus();
      result.current?.scrollIntoView({ block: "start" });
    }
  }, [state.view]);
  const v = state.view;
  return (
    <div className="space-y-5">
      <form action={action} className="card space-y-4" noValidate>
        <ErrorSummary message={state.message} issues={state.issues} />
        <InputField
          id="reference"
          name="reference"
          label="申请编号"
          hint="如 SMX-2026-000123"
          error={err("reference")}
          autoComplete="off"
          defaultValue={state.values?.reference}
        />
        <InputField id="name" name="name" label="申请人姓名" error={err("name")} autoComplete="name" defaultValue={state.values?.name} />
        <SmsCodeField
          send={sendProgressCodeAction}
          fieldIds={["reference", "name"]}
          error={err("smsCode")}
          hint="发送到办理该申请时使用的手机，6位数字，5分钟内有效"
        />
        <button type="submit" className="btn-primary w-full" disabled={pending}>
          {pending ? "正在查询…" : "查询进度"}
        </button>
      </form>
      {v && (
        <section ref={result} tabIndex={-1} aria-labelledby="progress-title" className="card space-y-3" data-testid="progress-result">
          <h2 id="progress-title" className="text-xl font-semibold">
            申请 {v.reference}
          </h2>
          <p className="text-lg">
            当前状态：<strong data-testid="progress-status">{v.statusLabel}</strong>
          </p>
          <p className="text-slate-700">
            {v.channelLabel} · {v.countyName}
          </p>
          {v.nextStep && (
            <p>
              下一步：<strong>{v.nextStep}</strong>
              {v.dueAt && (
                <>
                  ，办理时限 <strong>{day(v.dueAt)}</strong>
                </>
              )}
            </p>
          )}
          {v.station && (
            <p className="text-slate-700">
              办理单位：{v.station.name}（{v.station.address}）
              {v.station.phone && (
                <>
                  ，电话{" "}
                  <a href={`tel:${v.station.phone}`} className="text-brand-700 underline">
                    {v.station.phone}
                  </a>
                </>
              )}
            </p>
          )}
          <h3 className="font-semibold">办理经过</h3>
          <ol className="space-y-2 border-l-2 border-slate-300 pl-4">
            {v.timeline.map((t, i) => (
              <li key={i}>
                <span className="font-medium">{t.label}</span>
                <span className="block text-sm text-slate-700">
                  {dayTime(t.at)}
                  {t.dueAt && `，时限 ${day(t.dueAt)}`}
                </span>
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
