"use client";

import { useState } from "react";
import { supplementAction } from "@/app/clerk/actions";
import { Field, fieldAria, issueFor } from "@/components/forms/field";
import type { AllowedNoticeItem } from "@/lib/review/notice-items";
import { useActionForm } from "@/components/forms/use-action-form";
import { ActionError, DecisionForm, SubmitButton } from "./action-bits";
import { ClauseMessage, NoticeItemPicker, choiceToItems, type NoticeChoice } from "./notice-item-picker";

type Member = { id: string; name: string; relation: string };

/**
 * 一次性告知: the notice lists every missing document the rules check found (always included)
 * plus the items the clerk ticks among those the rules allow, each with an optional
 * clarification, and a note — sent as ONE notice with the rule set's time limit.
 */
export function SupplementForm({
  applicationId,
  version,
  options,
  members,
  supplementDays,
}: {
  applicationId: string;
  version: number;
  options: AllowedNoticeItem[];
  members: Member[];
  supplementDays: number;
}) {
  const { submit: run, pending, err: error } = useActionForm(supplementAction);
  const [choice, setChoice] = useState<NoticeChoice>({});
  const [note, setNote] = useState("");
  const [confirmed, setConfirmed] = useState(false);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const noteError = issueFor(error?.issues, "note");
  const listError = issueFor(error?.issues, "items");

  return (
    <DecisionForm
      titleId="supplement-title"
      title="一次性告知补正"
      onSubmit={() => {
        if (!confirmed) {
          setConfirmError("请确认本告知已列明需要补正的全部内容");
          return;
        }
        setConfirmError(null);
        run({ applicationId, version, items: choiceToItems(options, choice), note });
      }}
    >
      <p className="text-sm text-slate-600">
        一次告知申请人需要补正的全部内容。补正事项只能从规则核验对本申请要求的材料和规定的补正事项中选择，补充说明不得增加新的要求。补正期限为 {supplementDays}{" "}
        个工作日，申请人重新提交后受理期限重新计算。
      </p>
      <div data-testid="supplement-prefilled">
        <NoticeItemPicker idPrefix="sn" options={options} members={members} choice={choice} onChange={setChoice} issues={error?.issues} />
      </div>
      {listError && <p className="field-error">{listError}</p>}
      <Field id="supplement-note" label="补正说明（可选）" error={undefined} hint="例如：请一次补齐以上材料。说明同样不得增加新的要求。">
        <textarea
          id="supplement-note"
          className="input"
          rows={3}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          {...fieldAria("supplement-note", noteError, "hint")}
        />
      </Field>
      {noteError && <ClauseMessage id="supplement-note-error" message={noteError} />}
      <div>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            className="mt-0.5 h-5 w-5"
            checked={confirmed}
            onChange={(e) => setConfirmed(e.target.checked)}
            aria-describedby={confirmError ? "supplement-confirm-error" : undefined}
          />
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
    </DecisionForm>
  );
}
