"use client";

import { useState } from "react";
import { acceptAction, approveAction, registerDirectlyAction } from "@/app/clerk/actions";
import { Field, fieldAria, issueFor } from "@/components/forms/field";
import { CriteriaFindings, findingsFor } from "@/components/forms/criteria-findings";
import type { ActionResult } from "@/lib/errors";
import { useActionForm } from "@/components/forms/use-action-form";
import { ConfirmedDecisionForm } from "./action-bits";
import { SelectOptions } from "@/components/forms/select-options";

type Props = { applicationId: string; version: number; disabledReason?: string | null; reference?: string | null };

type Household = { id: string; name: string; address: string };

function DecisionNoteForm({
  action,
  title,
  text,
  pendingText,
  hint,
  testId,
  preview,
  households,
  ...p
}: Props & {
  /** The person settles into a collective household: the clerk names it and the permit carries it. */
  households?: Household[];
  action: (input: unknown) => Promise<ActionResult<unknown>>;
  title: string;
  text: string;
  pendingText: string;
  hint: string;
  testId: string;
  /** What the resident will receive. */
  preview: string[];
}) {
  const form = useActionForm(action);
  const error = form.err;
  const [note, setNote] = useState("");
  const [sentNote, setSentNote] = useState("");
  const [householdId, setHouseholdId] = useState("");
  const id = `${testId}-note`;
  const noteError = issueFor(error?.issues, "note");
  const householdError = issueFor(error?.issues, "collectiveHouseholdId");
  const household = households?.find((h) => h.id === householdId);
  return (
    <ConfirmedDecisionForm
      titleId={`${testId}-title`}
      title={title}
      testId={testId}
      form={form}
      submit={{ text, pendingText, disabledReason: p.disabledReason }}
      confirm={{
        title: `确认${title}？`,
        preview: [...preview, ...(household ? [`落户的集体户：${household.name}（${household.address}）`] : []), ...(note ? [`备注：${note}`] : [])],
      }}
      onConfirm={(close) => {
        setSentNote(note);
        form.submit({ applicationId: p.applicationId, version: p.version, note, ...(households ? { collectiveHouseholdId: householdId } : {}) }, close);
      }}
    >
      <p className="text-sm text-slate-600">{hint}</p>
      {p.disabledReason && (
        <p id={`${testId}-disabled-reason`} className="text-sm text-amber-900" data-testid={`${testId}-disabled-reason`}>
          {p.disabledReason}
        </p>
      )}
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
            <SelectOptions placeholder="请选择集体户" options={households.map((h) => ({ value: h.id, label: `${h.name}（${h.address}）` }))} />
          </select>
        </Field>
      )}
      <Field id={id} label="备注（可选）" error={noteError}>
        <textarea id={id} className="input" rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} {...fieldAria(id, noteError)} />
      </Field>
      <CriteriaFindings text={sentNote} findings={findingsFor(error?.findings, "note")} idPrefix={`${testId}-finding`} />
    </ConfirmedDecisionForm>
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
      preview={[`您的申请 ${p.reference ?? ""} 已在原籍直接办理城镇居民登记，无需准迁证和迁出手续。`]}
    />
  );
}

/** `households`: the person settles into a collective household; the clerk names it and the permit carries it. */
export function ApproveForm(p: Props & { originStationName?: string | null; households?: Household[] }) {
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
        p.originStationName
          ? `原籍在本市：由${p.originStationName}在系统内办理迁出，申请人无需前往原籍。`
          : "原籍在市外：请申请人持准迁证到原户籍地公安机关办理迁出。",
      ]}
    />
  );
}
