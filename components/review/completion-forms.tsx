"use client";

import { useState } from "react";
import { confirmMoveOutAction, moveOutAction, registrationAction, resendMoveOutAction, returnMoveOutAction } from "@/app/clerk/actions";
import { Field, fieldAria, issueFor } from "@/components/forms/field";
import { CriteriaFindings, findingsFor } from "@/components/forms/criteria-findings";
import { useActionForm } from "@/components/forms/use-action-form";
import { ActionError, ConfirmedDecisionForm, DecisionForm, SubmitButton } from "./action-bits";
import { SelectOptions } from "@/components/forms/select-options";

/**
 * 迁出 from outside the city: the origin office is chosen from the origin's region (from the
 * resident's hukou region), and the date; typed only when the region is unknown.
 */
export function MoveOutForm({
  applicationId,
  version,
  today,
  offices,
  region,
}: {
  applicationId: string;
  version: number;
  today: string;
  offices: string[];
  region: string | null;
}) {
  const form = useActionForm(moveOutAction);
  const { err: error, edit } = form;
  const [originOffice, setOriginOffice] = useState(offices[0] ?? "");
  const [movedOutOn, setMovedOutOn] = useState(today);
  const [transferNumber, setTransferNumber] = useState("");
  const [sentOffice, setSentOffice] = useState("");
  const e1 = issueFor(error?.issues, "originOffice");
  const e2 = issueFor(error?.issues, "movedOutOn");
  const e3 = issueFor(error?.issues, "transferNumber");
  // A list of the origin's offices when the region is known, else typed.
  const office = {
    id: "origin-office",
    className: "input",
    value: originOffice,
    onChange: edit("originOffice", setOriginOffice),
    ...fieldAria("origin-office", e1, "hint"),
  };
  return (
    <ConfirmedDecisionForm
      titleId="moveout-title"
      title="登记迁出（原籍在市外）"
      testId="move-out"
      form={form}
      submit={{ text: "登记迁出", pendingText: "正在登记…" }}
      confirm={{ preview: [`已登记原籍迁出（${originOffice || "—"}，${movedOutOn}），派出所将为您办理落户。`] }}
      onConfirm={(close) => {
        setSentOffice(originOffice);
        form.submit({ applicationId, version, originOffice, movedOutOn, transferNumber }, close);
      }}
    >
      <Field id="origin-office" label="迁出地公安机关" error={e1} hint={region ? `按申请人户口所在地（区划代码 ${region}）列出` : "未能识别户口所在地，请填写"}>
        {offices.length > 0 ? (
          <select {...office}>
            <SelectOptions options={offices.map((o) => ({ value: o, label: o }))} />
          </select>
        ) : (
          <input {...office} maxLength={100} />
        )}
      </Field>
      <CriteriaFindings text={sentOffice} findings={findingsFor(error?.findings, "originOffice")} idPrefix="moveout-finding" />
      <Field id="moved-out-on" label="迁出日期" error={e2}>
        <input
          id="moved-out-on"
          type="date"
          className="input"
          value={movedOutOn}
          max={today}
          onChange={edit("movedOutOn", setMovedOutOn)}
          {...fieldAria("moved-out-on", e2)}
        />
      </Field>
      <Field id="transfer-number" label="迁移证编号（电子迁移可不填）" error={e3}>
        <input
          id="transfer-number"
          className="input"
          value={transferNumber}
          maxLength={50}
          onChange={edit("transferNumber", setTransferNumber)}
          {...fieldAria("transfer-number", e3)}
        />
      </Field>
    </ConfirmedDecisionForm>
  );
}

/** 落户: completes the filing; a collective-channel filing names the community collective household. */
export function RegistrationForm({
  applicationId,
  version,
  collective,
  households,
  direct = false,
}: {
  applicationId: string;
  version: number;
  collective: boolean;
  households: Array<{ id: string; name: string; address: string }>;
  /** Registration without a move-out (the filing needs none). */
  direct?: boolean;
}) {
  const form = useActionForm(registrationAction);
  const { err: error, edit } = form;
  const [householdId, setHouseholdId] = useState("");
  const [note, setNote] = useState("");
  const [sentNote, setSentNote] = useState("");
  const eh = issueFor(error?.issues, "collectiveHouseholdId");
  const en = issueFor(error?.issues, "note");
  return (
    <ConfirmedDecisionForm
      titleId="register-title"
      title={direct ? "直接登记落户（无需迁出）" : "登记落户（办结）"}
      testId="register"
      form={form}
      submit={{ text: "登记落户", pendingText: "正在登记…" }}
      confirm={{ preview: ["您的落户申请已办结，落户完成；并告知落户后可享受的住房、医疗、养老、子女入学等政策。"] }}
      onConfirm={(close) => {
        setSentNote(note);
        form.submit({ applicationId, version, collectiveHouseholdId: householdId, note, direct }, close);
      }}
    >
      {collective && (
        <Field
          id="household"
          label="落户的社区集体户（二(三)）"
          error={eh}
          hint={households.length === 0 ? "本所辖区尚无在用的社区集体户，请联系系统管理员登记。" : undefined}
        >
          <select
            id="household"
            className="input"
            value={householdId}
            onChange={edit("collectiveHouseholdId", setHouseholdId)}
            {...fieldAria("household", eh, households.length === 0 ? "hint" : undefined)}
          >
            <SelectOptions placeholder="请选择社区集体户" options={households.map((h) => ({ value: h.id, label: `${h.name}（${h.address}）` }))} />
          </select>
        </Field>
      )}
      <Field id="register-note" label="备注（可选）" error={en}>
        <textarea
          id="register-note"
          className="input"
          rows={2}
          maxLength={500}
          value={note}
          onChange={edit("note", setNote)}
          {...fieldAria("register-note", en)}
        />
      </Field>
      <CriteriaFindings text={sentNote} findings={findingsFor(error?.findings, "note")} idPrefix="register-finding" />
    </ConfirmedDecisionForm>
  );
}

/** The origin station (最多跑一次): confirm the move-out in the system, or return it with a reason from the list. */
export function OriginMoveOutForms({
  applicationId,
  version,
  reasons,
  destination,
}: {
  applicationId: string;
  version: number;
  reasons: Array<{ code: string; label: string }>;
  destination: string;
}) {
  const confirm = useActionForm(confirmMoveOutAction);
  const back = useActionForm(returnMoveOutAction);
  const [transferNumber, setTransferNumber] = useState("");
  const [reasonCode, setReasonCode] = useState("");
  const [note, setNote] = useState("");
  const er = issueFor(back.err?.issues, "reasonCode");
  return (
    <div className="space-y-3">
      <ConfirmedDecisionForm
        titleId="confirm-moveout-title"
        title={<>确认迁出（迁入地：{destination}）</>}
        tone="teal"
        testId="confirm-move-out"
        form={confirm}
        submit={{ text: "确认迁出", pendingText: "正在确认…" }}
        confirm={{
          title: "确认在系统内办理迁出？",
          preview: ["您的户口已由原籍派出所在系统内办理迁出，无需前往原籍；迁入地派出所将为您办理落户。"],
          confirmText: "确认迁出",
        }}
        onConfirm={(close) => confirm.submit({ applicationId, version, transferNumber }, close)}
      >
        <p className="text-sm text-slate-600">核对申请人及随迁人员的户籍信息后确认，迁入地派出所即可办理落户，申请人无需到原籍办理。</p>
        <Field id="confirm-transfer-number" label="迁移证编号（电子迁移可不填）">
          <input id="confirm-transfer-number" className="input" value={transferNumber} maxLength={50} onChange={(e) => setTransferNumber(e.target.value)} />
        </Field>
      </ConfirmedDecisionForm>
      <DecisionForm titleId="return-moveout-title" title="退回迁出申请" tone="red" onSubmit={() => back.submit({ applicationId, version, reasonCode, note })}>
        <Field id="return-reason" label="退回理由" error={er}>
          <select id="return-reason" className="input" value={reasonCode} onChange={back.edit("reasonCode", setReasonCode)} {...fieldAria("return-reason", er)}>
            <SelectOptions placeholder="请选择退回理由" options={reasons.map((r) => ({ value: r.code, label: r.label }))} />
          </select>
        </Field>
        <Field id="return-note" label="说明（可选）">
          <textarea id="return-note" className="input" rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
        </Field>
        <ActionError error={back.err} />
        <SubmitButton pending={back.pending} text="退回" pendingText="正在退回…" tone="danger" testId="return-move-out" />
      </DecisionForm>
    </div>
  );
}

/** The destination sends a returned move-out request to the origin station again. */
export function ResendMoveOutForm({ applicationId, version, reason }: { applicationId: string; version: number; reason: string | null }) {
  const { submit: run, pending, err: error } = useActionForm(resendMoveOutAction);
  return (
    <form
      className="space-y-2 rounded border border-amber-300 bg-amber-50 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        run({ applicationId, version });
      }}
    >
      <p className="text-sm">原籍派出所退回了迁出申请：{reason ?? "—"}。核实后可重新发送，或由申请人持准迁证到原籍办理后登记迁出。</p>
      <ActionError error={error} />
      <SubmitButton pending={pending} text="重新发送迁出申请" pendingText="正在发送…" tone="secondary" testId="resend-move-out" />
    </form>
  );
}
