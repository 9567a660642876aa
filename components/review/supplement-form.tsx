"use client";

import { useState } from "react";
import { supplementAction } from "@/app/clerk/actions";
import { Field, fieldAria, issueFor } from "@/components/forms/field";
import { relationLabel } from "@/lib/filings/member-relations";
import { useReviewAction } from "./use-review-action";
import { ActionError, SubmitButton } from "./action-bits";

type Member = { id: string; name: string; relation: string };
type Missing = { memberId: string | null; label: string; clause: string };

/**
 * 一次性告知: the notice lists every missing document the rules check found (always included)
 * plus the clerk's own items and a note — sent as ONE notice with the rule set's time limit.
 */
export function SupplementForm({ applicationId, version, missing, members, supplementDays }: { applicationId: string; version: number; missing: Missing[]; members: Member[]; supplementDays: number }) {
  const { run, pending, error } = useReviewAction(supplementAction);
  const [extra, setExtra] = useState<Array<{ memberId: string; label: string }>>([]);
  const [note, setNote] = useState("");
  const [confirmed, setConfirmed] = useState(false);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const nameOf = (id: string | null) => {
    const m = members.find((x) => x.id === id) ?? members.find((x) => x.relation === "self");
    return m ? `${m.name}（${relationLabel(m.relation)}）` : "申请人";
  };
  const noteError = issueFor(error?.issues, "note");
  const listError = issueFor(error?.issues, "extraItems");

  return (
    <form
      className="space-y-3 rounded border border-slate-200 p-3"
      aria-labelledby="supplement-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (!confirmed) {
          setConfirmError("请确认本告知已列明需要补正的全部内容");
          return;
        }
        setConfirmError(null);
        run({ applicationId, version, extraItems: extra, note });
      }}
    >
      <h3 id="supplement-title" className="font-semibold">
        一次性告知补正
      </h3>
      <p className="text-sm text-slate-600">
        一次告知申请人需要补正的全部内容；每件申请只能告知一次。补正期限为 {supplementDays} 个工作日，申请人重新提交后受理期限重新计算。
      </p>
      <div>
        <h4 className="text-sm font-semibold">规则核验发现缺少的材料（自动列入）</h4>
        {missing.length === 0 ? (
          <p className="text-sm text-slate-600">无。如需申请人补正其他内容，请在下方添加。</p>
        ) : (
          <ol className="list-decimal pl-5 text-sm" data-testid="supplement-prefilled">
            {missing.map((m, i) => (
              <li key={i}>
                {nameOf(m.memberId)}：{m.label}（{m.clause}）
              </li>
            ))}
          </ol>
        )}
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">另需补正的事项</legend>
        {extra.map((x, i) => {
          const id = `extra-${i}`;
          const err = issueFor(error?.issues, `extraItems.${i}.label`) ?? issueFor(error?.issues, `extraItems.${i}.memberId`);
          return (
            <div key={i} className="grid gap-2 rounded bg-slate-50 p-2 sm:grid-cols-[12rem_1fr_auto] sm:items-end">
              <div>
                <label htmlFor={`${id}-member`} className="label">
                  涉及人员
                </label>
                <select id={`${id}-member`} className="input" value={x.memberId} onChange={(e) => setExtra(extra.map((y, k) => (k === i ? { ...y, memberId: e.target.value } : y)))}>
                  <option value="">申请人</option>
                  {members
                    .filter((m) => m.relation !== "self")
                    .map((m) => (
                      <option key={m.id} value={m.id}>
                        {m.name}（{relationLabel(m.relation)}）
                      </option>
                    ))}
                </select>
              </div>
              <Field id={`${id}-label`} label={`补正事项 ${i + 1}`} error={err}>
                <input
                  id={`${id}-label`}
                  className="input"
                  value={x.label}
                  maxLength={200}
                  onChange={(e) => setExtra(extra.map((y, k) => (k === i ? { ...y, label: e.target.value } : y)))}
                  {...fieldAria(`${id}-label`, err)}
                />
              </Field>
              <button type="button" className="btn-secondary" onClick={() => setExtra(extra.filter((_, k) => k !== i))}>
                删除此项
              </button>
            </div>
          );
        })}
        {listError && <p className="field-error">{listError}</p>}
        {extra.length < 20 && (
          <button type="button" className="btn-secondary" onClick={() => setExtra([...extra, { memberId: "", label: "" }])}>
            添加补正事项
          </button>
        )}
      </fieldset>
      <Field id="supplement-note" label="补正说明（可选）" error={noteError} hint="例如：材料须清晰完整、加盖公章等。">
        <textarea id="supplement-note" className="input" rows={3} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} {...fieldAria("supplement-note", noteError, "hint")} />
      </Field>
      <div>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-0.5 h-5 w-5" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} aria-describedby={confirmError ? "supplement-confirm-error" : undefined} />
          我已核对，本告知已列明需要补正的全部内容（一次性告知）。
        </label>
        {confirmError && (
          <p id="supplement-confirm-error" className="field-error" role="alert">
            {confirmError}
          </p>
        )}
      </div>
      <ActionError error={error} />
      <SubmitButton pending={pending} text="发出补正告知" pendingText="正在发出…" testId="send-supplement" />
    </form>
  );
}
