"use client";

import { useActionState } from "react";
import { signInAction, type SignInState } from "./actions";
import { AlertMessage } from "@/components/forms/alert-message";

export function SignInForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {});
  if (state.ticket) {
    // Step 2: the account has two-factor sign-in on.
    return (
      <form action={action} className="space-y-4" noValidate>
        <AlertMessage message={state.message} />
        <input type="hidden" name="ticket" value={state.ticket} />
        <input type="hidden" name="next" value={state.next ?? next ?? ""} />
        <p className="text-sm text-slate-700">
          账号 {state.login} 已启用两步验证。请打开手机上的身份验证器，输入当前显示的6位数字；手机不在身边时可输入一个恢复码。
        </p>
        <div>
          <label htmlFor="code" className="label">
            验证码或恢复码
          </label>
          <input id="code" name="code" className="input" inputMode="numeric" autoComplete="one-time-code" required autoFocus maxLength={32} />
        </div>
        <button type="submit" className="btn-primary w-full" disabled={pending}>
          {pending ? "正在验证…" : "验证并登录"}
        </button>
      </form>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <AlertMessage message={state.message} />
      <input type="hidden" name="next" value={next ?? ""} />
      <div>
        <label htmlFor="login" className="label">
          手机号或用户名
        </label>
        <input id="login" name="login" className="input" autoComplete="username" required defaultValue={state.login} />
      </div>
      <div>
        <label htmlFor="password" className="label">
          密码
        </label>
        <input id="password" name="password" type="password" className="input" autoComplete="current-password" required />
      </div>
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? "正在登录…" : "登录"}
      </button>
    </form>
  );
}
