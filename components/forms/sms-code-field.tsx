"use client";

import { useEffect, useState, useTransition } from "react";
import { Field, fieldAria } from "./field";

export type SendCodeResult = { ok: boolean; message: string; waitSeconds?: number; demoLink?: boolean };

/**
 * 短信验证码: the code input and a 获取验证码 button that sends `send` the values of the fields
 * `fieldIds` (default the mobile number), read at click time, so the rest of the form is never reset.
 */
export function SmsCodeField({
  send,
  fieldIds = ["mobile"],
  error,
  label = "短信验证码",
  hint = "6位数字，5分钟内有效",
}: {
  send: (values: Record<string, string>) => Promise<SendCodeResult>;
  fieldIds?: string[];
  error?: string;
  label?: string;
  hint?: string;
}) {
  const [status, setStatus] = useState<SendCodeResult | null>(null);
  const [wait, setWait] = useState(0);
  const [pending, start] = useTransition();
  useEffect(() => {
    if (wait <= 0) return;
    const t = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(t);
  }, [wait]);
  const onClick = () => {
    const inputs = fieldIds.map((id) => document.getElementById(id) as HTMLInputElement | null);
    const values = Object.fromEntries(fieldIds.map((id, i) => [id, inputs[i]?.value ?? ""]));
    const el = inputs.find((i) => i && !i.value.trim()) ?? inputs[0];
    start(async () => {
      const r = await send(values);
      setStatus(r);
      if (r.waitSeconds) setWait(r.waitSeconds);
      if (!r.ok) el?.focus();
      else document.getElementById("smsCode")?.focus();
    });
  };
  return (
    <Field id="smsCode" label={label} hint={hint} error={error}>
      <div className="flex gap-2">
        <input
          id="smsCode"
          name="smsCode"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          className="input min-w-0 flex-1"
          {...fieldAria("smsCode", error, "hint")}
        />
        <button type="button" className="btn-secondary shrink-0 whitespace-nowrap" onClick={onClick} disabled={pending || wait > 0}>
          {pending ? "正在发送…" : wait > 0 ? `重新获取（${wait}秒）` : status?.ok ? "重新获取" : "获取验证码"}
        </button>
      </div>
      <p role="status" aria-live="polite" className={`mt-1 text-sm ${status && !status.ok ? "text-red-700" : "text-slate-700"}`}>
        {status?.message ?? ""}
        {status?.demoLink && (
          <>
            {" "}
            演示模式：短信显示在
            <a href="/dev/messages" target="_blank" rel="noopener" className="ml-1 text-brand-700 underline">
              演示短信页（新窗口）
            </a>
          </>
        )}
      </p>
    </Field>
  );
}
