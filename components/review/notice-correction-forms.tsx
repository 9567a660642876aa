"use client";

import { useState } from "react";
import { correctNoticeAction, withdrawNoticeAction } from "@/app/clerk/actions";
import { Field, fieldAria, issueFor } from "@/components/forms/field";
import type { AllowedNoticeItem } from "@/lib/review/notice-items";
import { useActionForm } from "@/components/forms/use-action-form";
import { ActionError, SubmitButton } from "./action-bits";
import { ClauseMessage, NoticeItemPicker, choiceKey, choiceToItems, type NoticeChoice } from "./notice-item-picker";

type Member = { id: string; name: string; relation: string };
type CurrentItem = { code: string; memberId: string | null; clarification: string | null };

/**
 * The station head's correction of a sent notice (before the resident answers): the items are
 * chosen again from what the rules allow, with the reason for the correction; or the notice is
 * withdrawn. Both are audited; the resident is told and sees the corrected notice.
 */
export function NoticeCorrectionForms({
  applicationId,
  version,
  noticeId,
  current,
  options,
  members,
  restartsClock,
}: {
  applicationId: string;
  version: number;
  noticeId: string;
  current: CurrentItem[];
  options: AllowedNoticeItem[];
  members: Member[];
  restartsClock: boolean;
}) {
  const correct = useActionForm(correctNoticeAction);
  const withdraw = useActionForm(withdrawNoticeAction);
  const applicantId = options.find((o) => o.memberIndex === 0)?.memberId ?? null;
  const [choice, setChoice] = useState<NoticeChoice>(() =>
    Object.fromEntries(current.map((c) => [choiceKey({ memberId: c.memberId ?? applicantId, code: c.code }), c.clarification ?? ""])),
  );
  const [reason, setReason] = useState("");
  const [withdrawReason, setWithdrawReason] = useState("");
  const reasonError = issueFor(correct.err?.issues, "reason");
  const wError = issueFor(withdraw.err?.issues, "reason");

  return (
    <div className="space-y-3 rounded border border-slate-200 p-3" data-testid="notice-correction">
      <h3 className="font-semibold">所长更正或撤回补正告知</h3>
      <p className="text-sm text-slate-600">
        申请人答复前，所长可更正或撤回已发出的补正告知。{restartsClock ? "更正后补正期限重新计算。" : "更正后补正期限不变。"}
      </p>
      <form
        className="space-y-3"
        aria-label="更正补正告知"
        onSubmit={(e) => {
          e.preventDefault();
          correct.submit({ applicationId, version, noticeId, items: choiceToItems(options, choice), reason });
        }}
      >
        <NoticeItemPicker idPrefix="nc" options={options} members={members} choice={choice} onChange={setChoice} issues={correct.err?.issues} />
        <Field id="nc-reason" label="更正理由" error={undefined}>
          <textarea
            id="nc-reason"
            className="input"
            rows={2}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            {...fieldAria("nc-reason", reasonError)}
          />
        </Field>
        {reasonError && <ClauseMessage id="nc-reason-error" message={reasonError} />}
        <ActionError error={correct.err} />
        <SubmitButton pending={correct.pending} text="更正补正告知" pendingText="正在更正…" testId="correct-notice" />
      </form>
      <form
        className="space-y-2 border-t border-slate-200 pt-3"
        aria-label="撤回补正告知"
        onSubmit={(e) => {
          e.preventDefault();
          withdraw.submit({ applicationId, version, noticeId, reason: withdrawReason });
        }}
      >
        <Field id="nw-reason" label="撤回理由" error={undefined}>
          <textarea
            id="nw-reason"
            className="input"
            rows={2}
            maxLength={500}
            value={withdrawReason}
            onChange={(e) => setWithdrawReason(e.target.value)}
            {...fieldAria("nw-reason", wError)}
          />
        </Field>
        {wError && <ClauseMessage id="nw-reason-error" message={wError} />}
        <ActionError error={withdraw.err} />
        <SubmitButton pending={withdraw.pending} text="撤回补正告知" pendingText="正在撤回…" tone="secondary" testId="withdraw-notice" />
      </form>
    </div>
  );
}
