"use client";

import Link from "next/link";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/field";
import { confirmTotpAction, type TotpState } from "../actions";

export function TotpConfirmForm() {
  const [state, action, pending] = useActionState<TotpState, FormData>(confirmTotpAction, {});
  if (state.recoveryCodes) {
    return (
      <div role="status" className="rounded border border-green-300 bg-green-50 p-3" data-testid="recovery-codes">
        <p className="font-semibold">两步验证已启用。请保存下面的恢复码（只显示这一次，每个只能用一次）：</p>
        <ul className="mt-2 grid grid-cols-2 gap-1 font-mono">
          {state.recoveryCodes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <p className="mt-3">
          <Link href="/after-login" className="text-brand-700 underline">
            继续
          </Link>
        </p>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-3" noValidate>
      <ErrorSummary message={state.message} />
      <div>
        <label htmlFor="code" className="label">
          6位验证码
        </label>
        <input id="code" name="code" className="input" inputMode="numeric" autoComplete="one-time-code" maxLength={8} required />
      </div>
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? "正在验证…" : "启用两步验证"}
      </button>
    </form>
  );
}
