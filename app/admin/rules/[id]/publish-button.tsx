"use client";

import { ErrorSummary } from "@/components/forms/field";
import { publishRuleSetAction } from "../../actions";
import { useActionForm } from "@/components/forms/use-action-form";

export function PublishButton({ id, version }: { id: string; version: string }) {
  const f = useActionForm(publishRuleSetAction);
  return (
    <div className="space-y-2">
      <ErrorSummary message={f.err?.message} issues={f.err?.issues} />
      <button
        type="button"
        className="btn-primary"
        disabled={f.pending}
        onClick={() => window.confirm(`发布版本 ${version}？发布后不可修改。`) && f.submit({ id })}
      >
        {f.pending ? "正在发布…" : "发布此版本"}
      </button>
    </div>
  );
}
