"use client";

import { useState } from "react";
import { acceptAction, approveAction, registerDirectlyAction } from "@/app/clerk/actions";
import { Field, fieldAria, issueFor } from "@/components/forms/field";
import type { ActionResult } from "@/lib/errors";
import { useReviewAction } from "./use-review-action";
import { ActionError, SubmitButton } from "./action-bits";

type Props = { applicationId: string; version: number; disabledReason?: string | null };

type Household = { id: string; name: string; address: string };

function DecisionNoteForm({ action, title, text, pendingText, hint, testId, households, ...p }: Props & {
  households?: Household[];
  action: (input: unknown) => Promise<ActionResult<unknown>>;
  title: string;
  text: string;
  pendingText: string;
  hint: string;
  testId: string;
}) {
  const { run, pending, error } = useReviewAction(action);
  const [note, setNote] = useState("");
  const [householdId, setHouseholdId] = useState("");
  const id = `${testId}-note`;
  const noteError = issueFor(error?.issues, "note");
  const householdError = issueFor(error?.issues, "collectiveHouseholdId");
  return (
    <form
      className="space-y-3 rounded border border-slate-200 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        run({ applicationId: p.applicationId, version: p.version, note, ...(households ? { collectiveHouseholdId: householdId } : {}) });
      }}
      aria-labelledby={`${testId}-title`}
    >
      <h3 id={`${testId}-title`} className="font-semibold">
        {title}
      </h3>
      <p className="text-sm text-slate-600">{hint}</p>
      {p.disabledReason && <p className="text-sm text-amber-900">{p.disabledReason}</p>}
      {households && (
        <Field
          id={`${testId}-household`}
          label="落户的集体户（社区集体户或人才交流中心集体户，二(三)），准迁证将写明"
          error={householdError}
          hint={households.length === 0 ? "本所辖区尚无在用的集体户，请联系系统管理员登记。" : undefined}
        >
          <select
            id={`${testId}-household`}
            className="input"
            value={householdId}
            onChange={(e) => setHouseholdId(e.target.value)}
            {...fieldAria(`${testId}-household`, householdError, households.length === 0 ? "hint" : undefined)}
          >
            <option value="">请选择集体户</option>
            {households.map((h) => (
              <option key={h.id} value={h.id}>
                {h.name}（{h.address}）
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field id={id} label="备注（可选）" error={noteError}>
        <textarea id={id} className="input" rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} {...fieldAria(id, noteError)} />
      </Field>
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

/** 直接办理城镇居民登记 (二(一)): no permit, no move-out. */
export function RegisterDirectlyForm(p: Props) {
  return (
    <DecisionNoteForm
      {...p}
      action={registerDirectlyAction}
      title="直接办理城镇居民登记"
      text="直接办理城镇居民登记"
      pendingText="正在登记…"
      hint="农村升学学生在原籍凭录取通知书直接办理城镇居民登记（方案二(一)）：不是户口迁移，不签发准迁证，无需迁出，申请直接办结。"
      testId="register-directly"
    />
  );
}

/** `households`: the person settles into a collective household; the clerk names it and the permit carries it. */
export function ApproveForm(p: Props & { households?: Household[] }) {
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
