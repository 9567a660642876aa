"use client";

import { useState } from "react";
import { refuseAction, correctionAction } from "@/app/clerk/actions";
import { Field, fieldAria, issueFor } from "@/components/forms/field";
import { CriteriaFindings, findingsFor } from "@/components/forms/criteria-findings";
import { useActionForm } from "@/components/forms/use-action-form";
import { ActionError, ConfirmedDecisionForm, SubmitButton } from "./action-bits";

export type ReasonOption = { code: string; label: string; clause: string };

function ReasonChoices({
  reasons,
  chosen,
  setChosen,
  error,
  legend,
  unavailable = {},
}: {
  reasons: ReasonOption[];
  chosen: string[];
  setChosen: (c: string[]) => void;
  error?: string;
  legend: string;
  /** Reasons the server would refuse now, with why (e.g. no supplement notice has run out). */
  unavailable?: Record<string, string>;
}) {
  return (
    <fieldset aria-describedby={error ? "reasons-error" : undefined}>
      <legend className="label">{legend}</legend>
      <ul className="space-y-1">
        {reasons.map((r) => (
          <li key={r.code}>
            <label className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                className="mt-0.5 h-5 w-5"
                name="reasonCodes"
                value={r.code}
                checked={chosen.includes(r.code)}
                disabled={!!unavailable[r.code]}
                aria-describedby={unavailable[r.code] ? `reason-${r.code}-off` : undefined}
                onChange={(e) => setChosen(e.target.checked ? [...chosen, r.code] : chosen.filter((c) => c !== r.code))}
              />
              <span>
                {r.label} <span className="text-slate-600">（依据{r.clause}）</span>
                {unavailable[r.code] && (
                  <span id={`reason-${r.code}-off`} className="block text-amber-900">
                    {unavailable[r.code]}
                  </span>
                )}
              </span>
            </label>
          </li>
        ))}
      </ul>
      {error && (
        <p id="reasons-error" className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/**
 * 不予批准: one or more reasons allowed by the rule set, each with its clause, and a note. A note
 * resting on a forbidden criterion (e.g. 未购房) is refused by the server with the clause.
 */
export function RefuseForm({
  applicationId,
  version,
  reasons,
  reference,
  supplementExpired = false,
  remedies,
}: {
  applicationId: string;
  version: number;
  reasons: ReasonOption[];
  reference?: string | null;
  /** The one notice's time limit ran out unanswered: 「未在规定期限内补正材料」 may be chosen. */
  supplementExpired?: boolean;
  /** The remedies sentence printed on the decision letter. */
  remedies: string;
}) {
  const form = useActionForm(refuseAction);
  const { err: error, clearIssue, edit } = form;
  const [chosen, setChosen] = useState<string[]>([]);
  const [note, setNote] = useState("");
  const [sentNote, setSentNote] = useState("");
  const noteError = issueFor(error?.issues, "note");
  const unavailable: Record<string, string> = supplementExpired ? {} : { supplement_not_provided: "未发出补正告知或补正期限尚未届满，不能选择此理由。" };
  const picked = reasons.filter((r) => chosen.includes(r.code));
  return (
    <ConfirmedDecisionForm
      titleId="refuse-title"
      title="不予批准"
      tone="red"
      testId="refuse"
      form={form}
      submit={{ text: "不予批准", pendingText: "正在提交…", tone: "danger" }}
      confirm={{
        title: "确认作出不予批准决定？",
        tone: "danger",
        preview: [
          `您的落户申请 ${reference ?? ""} 不予批准。`,
          ...(picked.length ? picked.map((r) => `理由：${r.label}（依据${r.clause}）`) : ["（尚未选择理由：提交时将被拒绝）"]),
          `说明：${note || "（未填写）"}`,
          `不予批准决定书（可打印），写明：${remedies}`,
        ],
      }}
      onConfirm={(close) => {
        setSentNote(note);
        form.submit({ applicationId, version, reasonCodes: chosen, note }, close);
      }}
    >
      <p className="text-sm text-slate-600">只能依据规则集列明的理由作出；不得以购房、投资纳税、积分或退出农村土地权益等作为条件（二(二)、三(五)）。</p>
      <ReasonChoices
        reasons={reasons}
        chosen={chosen}
        setChosen={(c) => {
          setChosen(c);
          clearIssue("reasonCodes");
        }}
        error={issueFor(error?.issues, "reasonCodes")}
        legend="不予批准的理由（至少一项）"
        unavailable={unavailable}
      />
      <Field id="refuse-note" label="说明（将告知申请人）" error={noteError}>
        <textarea
          id="refuse-note"
          className="input"
          rows={3}
          maxLength={1000}
          value={note}
          onChange={edit("note", setNote)}
          {...fieldAria("refuse-note", noteError)}
        />
      </Field>
      <CriteriaFindings text={sentNote} findings={findingsFor(error?.findings, "note")} idPrefix="refuse-finding" />
    </ConfirmedDecisionForm>
  );
}

/** A station head's correction: reopen a refusal, or revoke an approval with allowed reasons. */
export function CorrectionForm({
  applicationId,
  version,
  kind,
  reasons,
}: {
  applicationId: string;
  version: number;
  kind: "reopen" | "revoke";
  reasons: ReasonOption[];
}) {
  const { submit: run, pending, err: error } = useActionForm(correctionAction);
  const [chosen, setChosen] = useState<string[]>([]);
  const [note, setNote] = useState("");
  const [sentNote, setSentNote] = useState("");
  const noteError = issueFor(error?.issues, "note");
  return (
    <form
      className="space-y-3 rounded border border-amber-300 bg-amber-50 p-3"
      aria-labelledby="correct-title"
      onSubmit={(e) => {
        e.preventDefault();
        setSentNote(note);
        run({ applicationId, version, kind, reasonCodes: chosen, note });
      }}
    >
      <h3 id="correct-title" className="font-semibold">
        所长更正决定
      </h3>
      <p className="text-sm text-slate-700">
        {kind === "reopen" ? "撤销不予批准决定，申请回到“已受理”重新审核，决定期限重新计算。" : "撤销准予迁入决定并作废准迁证，改为不予批准。"}
        更正将记入时间线和审计记录。
      </p>
      {kind === "revoke" && (
        <ReasonChoices reasons={reasons} chosen={chosen} setChosen={setChosen} error={issueFor(error?.issues, "reasonCodes")} legend="撤销理由（至少一项）" />
      )}
      <Field id="correct-note" label="更正理由" error={noteError}>
        <textarea
          id="correct-note"
          className="input"
          rows={3}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          {...fieldAria("correct-note", noteError)}
        />
      </Field>
      <CriteriaFindings text={sentNote} findings={findingsFor(error?.findings, "note")} idPrefix="correct-finding" />
      <ActionError error={error} />
      <SubmitButton
        pending={pending}
        text={kind === "reopen" ? "撤销决定，重新审核" : "撤销准予迁入"}
        pendingText="正在提交…"
        tone="secondary"
        testId="correct"
      />
    </form>
  );
}
