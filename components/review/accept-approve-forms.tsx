"use client";

import { useState } from "react";
import { acceptAction, approveAction } from "@/app/clerk/actions";
import { Field, fieldAria, issueFor } from "@/components/forms/field";
import { CriteriaFindings, findingsFor } from "@/components/forms/criteria-findings";
import type { ActionResult } from "@/lib/errors";
import { useReviewAction } from "./use-review-action";
import { ActionError, SubmitButton } from "./action-bits";

type Props = { applicationId: string; version: number; disabledReason?: string | null };

function DecisionNoteForm({ action, title, text, pendingText, hint, testId, ...p }: Props & {
  action: (input: unknown) => Promise<ActionResult<unknown>>;
  title: string;
  text: string;
  pendingText: string;
  hint: string;
  testId: string;
}) {
  const { run, pending, error } = useReviewAction(action);
  const [note, setNote] = useState("");
  const [sentNote, setSentNote] = useState("");
  const id = `${testId}-note`;
  const noteError = issueFor(error?.issues, "note");
  return (
    <form
      className="space-y-3 rounded border border-slate-200 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        setSentNote(note);
        run({ applicationId: p.applicationId, version: p.version, note });
      }}
      aria-labelledby={`${testId}-title`}
    >
      <h3 id={`${testId}-title`} className="font-semibold">
        {title}
      </h3>
      <p className="text-sm text-slate-600">{hint}</p>
      {p.disabledReason && <p className="text-sm text-amber-900">{p.disabledReason}</p>}
      <Field id={id} label="备注（可选）" error={noteError}>
        <textarea id={id} className="input" rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} {...fieldAria(id, noteError)} />
      </Field>
      <CriteriaFindings text={sentNote} findings={findingsFor(error?.findings, "note")} idPrefix={`${testId}-finding`} />
      <ActionError error={error} />
      <SubmitButton pending={pending} text={text} pendingText={pendingText} testId={testId} />
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
    />
  );
}

export function ApproveForm(p: Props) {
  return (
    <DecisionNoteForm
      {...p}
      action={approveAction}
      title="准予迁入"
      text="准予迁入并签发准迁证"
      pendingText="正在签发…"
      hint="签发准予迁入证明（准迁证）并生成编号，申请转入“待迁出”。"
      testId="approve"
    />
  );
}
