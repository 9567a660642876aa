"use client";

import { useState } from "react";
import { acceptAction, approveAction } from "@/app/clerk/actions";
import { Field, fieldAria, issueFor } from "@/components/forms/field";
import { CriteriaFindings, findingsFor } from "@/components/forms/criteria-findings";
import type { ActionResult } from "@/lib/errors";
import { useReviewAction } from "./use-review-action";
import { ActionError, ConfirmPanel, SubmitButton } from "./action-bits";

type Props = { applicationId: string; version: number; disabledReason?: string | null; reference?: string | null };

function DecisionNoteForm({ action, title, text, pendingText, hint, testId, preview, ...p }: Props & {
  action: (input: unknown) => Promise<ActionResult<unknown>>;
  title: string;
  text: string;
  pendingText: string;
  hint: string;
  testId: string;
  /** What the resident will receive. */
  preview: string[];
}) {
  const { run, pending, error } = useReviewAction(action);
  const [note, setNote] = useState("");
  const [sentNote, setSentNote] = useState("");
  const [asking, setAsking] = useState(false);
  const id = `${testId}-note`;
  const noteError = issueFor(error?.issues, "note");
  return (
    <form
      className="space-y-3 rounded border border-slate-200 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (!p.disabledReason) setAsking(true);
      }}
      aria-labelledby={`${testId}-title`}
    >
      <h3 id={`${testId}-title`} className="font-semibold">
        {title}
      </h3>
      <p className="text-sm text-slate-600">{hint}</p>
      {p.disabledReason && (
        <p id={`${testId}-disabled-reason`} className="text-sm text-amber-900" data-testid={`${testId}-disabled-reason`}>
          {p.disabledReason}
        </p>
      )}
      <Field id={id} label="备注（可选）" error={noteError}>
        <textarea id={id} className="input" rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} {...fieldAria(id, noteError)} />
      </Field>
      <CriteriaFindings text={sentNote} findings={findingsFor(error?.findings, "note")} idPrefix={`${testId}-finding`} />
      <ActionError error={error} />
      {asking ? (
        <ConfirmPanel
          title={`确认${title}？`}
          preview={[...preview, ...(note ? [`备注：${note}`] : [])]}
          pending={pending}
          confirmText={`确认${text}`}
          onConfirm={() => {
            setSentNote(note);
            run({ applicationId: p.applicationId, version: p.version, note }, () => setAsking(false));
          }}
          onCancel={() => setAsking(false)}
          testId={testId}
        />
      ) : (
        <SubmitButton pending={pending} text={text} pendingText={pendingText} testId={testId} disabledReason={p.disabledReason} />
      )}
    </form>
  );
}

export function AcceptForm(p: Props) {
  return (
    <DecisionNoteForm
      {...p}
      action={acceptAction}
      title="受理"
      text="受理"
      pendingText="正在受理…"
      hint="材料齐全、符合法定形式的，予以受理；决定期限自受理之日起计算。"
      testId="accept"
      preview={[`您的落户申请 ${p.reference ?? ""} 已受理，并告知作出决定的期限（规则集规定的工作日）。`]}
    />
  );
}

export function ApproveForm(p: Props & { originStationName?: string | null }) {
  return (
    <DecisionNoteForm
      {...p}
      action={approveAction}
      title="准予迁入"
      text="准予迁入并签发准迁证"
      pendingText="正在签发…"
      hint="签发准予迁入证明（准迁证）并生成编号，申请转入“待迁出”。"
      testId="approve"
      preview={[
        `您的落户申请 ${p.reference ?? ""} 已准予迁入，并告知准予迁入证明编号（可登录下载准迁证）。`,
        p.originStationName ? `原籍在本市：由${p.originStationName}在系统内办理迁出，申请人无需前往原籍。` : "原籍在市外：请申请人持准迁证到原户籍地公安机关办理迁出。",
      ]}
    />
  );
}
