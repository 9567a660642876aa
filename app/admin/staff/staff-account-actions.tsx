"use client";

import { ErrorSummary } from "@/components/forms/field";
import { SavedStatus } from "@/components/forms/action-form";
import { resetStaffPasswordAction, setStaffDisabledAction } from "../actions";
import { useActionForm } from "@/components/forms/use-action-form";

/** Disable / enable an account and reset its password (the new one is shown once). */
export function StaffAccountActions({ id, disabled, self }: { id: string; disabled: boolean; self: boolean }) {
  const toggle = useActionForm(setStaffDisabledAction);
  const reset = useActionForm(resetStaffPasswordAction, { refresh: false });
  const pw = reset.done as { temporaryPassword: string } | null;
  return (
    <div className="space-y-3">
      <ErrorSummary message={toggle.err?.message ?? reset.err?.message} />
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
        <button
          type="button"
          className="btn-secondary"
          disabled={reset.pending}
          onClick={() => {
            if (window.confirm("重置后原密码立即失效，确定重置密码吗？")) reset.submit({ id });
          }}
        >
          {reset.pending ? "正在重置…" : "重置密码"}
        </button>
      </div>
      {pw && (
        <SavedStatus>
          新的临时密码：<strong className="font-mono text-lg">{pw.temporaryPassword}</strong>（只显示这一次，请当面交给本人）
        </SavedStatus>
      )}
    </div>
  );
}
