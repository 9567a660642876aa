"use client";

import { ErrorSummary } from "@/components/forms/field";
import { SavedStatus } from "@/components/forms/action-form";
import { resetStaffPasswordAction, resetStaffTwoFactorAction, setStaffDisabledAction } from "../actions";
import { useActionForm } from "@/components/forms/use-action-form";

/**
 * Disable / enable an account, reset its password (the new one is shown once) and, for someone
 * who lost their authenticator, reset the second factor (set up again at the next sign-in).
 */
export function StaffAccountActions({ id, disabled, self, twoFactor }: { id: string; disabled: boolean; self: boolean; twoFactor: boolean }) {
  const toggle = useActionForm(setStaffDisabledAction);
  const reset = useActionForm(resetStaffPasswordAction, { refresh: false });
  const resetTotp = useActionForm(resetStaffTwoFactorAction);
  const pw = reset.done as { temporaryPassword: string } | null;
  return (
    <div className="space-y-3">
      <ErrorSummary message={toggle.err?.message ?? reset.err?.message ?? resetTotp.err?.message} />
      <p className="text-sm text-slate-700">两步验证：{twoFactor ? "已启用" : "未启用"}</p>
      <div className="flex flex-wrap gap-3">
        {!self && (
          <button
            type="button"
            className={disabled ? "btn-secondary" : "btn-danger"}
            disabled={toggle.pending}
            onClick={() => {
              if (disabled || window.confirm("停用后该账号立即不能登录和操作，确定停用吗？")) toggle.submit({ id, disabled: !disabled });
            }}
          >
            {toggle.pending ? "正在处理…" : disabled ? "启用账号" : "停用账号"}
          </button>
        )}
        <ConfirmedButton pending={reset.pending} confirm="重置后原密码立即失效，确定重置密码吗？" onConfirmed={() => reset.submit({ id })} label="重置密码" />
        {twoFactor && !self && (
          <ConfirmedButton
            pending={resetTotp.pending}
            confirm="重置后该账号的验证器立即失效、所有登录会话结束，下次登录时须重新设置两步验证。确定重置吗？"
            onConfirmed={() => resetTotp.submit({ id })}
            label="重置两步验证"
          />
        )}
      </div>
      {resetTotp.done && <SavedStatus>两步验证已重置：本人下次登录时将重新设置。</SavedStatus>}
      {pw && (
        <SavedStatus>
          新的临时密码：<strong className="font-mono text-lg">{pw.temporaryPassword}</strong>（只显示这一次，请当面交给本人）
        </SavedStatus>
      )}
    </div>
  );
}

/** A reset that the admin confirms first (it takes effect at once and cannot be undone). */
function ConfirmedButton({ pending, confirm, onConfirmed, label }: { pending: boolean; confirm: string; onConfirmed: () => void; label: string }) {
  return (
    <button type="button" className="btn-secondary" disabled={pending} onClick={() => window.confirm(confirm) && onConfirmed()}>
      {pending ? "正在重置…" : label}
    </button>
  );
}
