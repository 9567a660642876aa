"use client";

import { useState } from "react";
import { moveOutAction, registrationAction } from "@/app/clerk/actions";
import { Field, fieldAria, issueFor } from "@/components/forms/field";
import { CriteriaFindings, findingsFor } from "@/components/forms/criteria-findings";
import { useReviewAction } from "./use-review-action";
import { ActionError, SubmitButton } from "./action-bits";

/** 迁出: the origin office and date (electronically confirmed in reality; recorded here). */
export function MoveOutForm({ applicationId, version, today }: { applicationId: string; version: number; today: string }) {
  const { run, pending, error } = useReviewAction(moveOutAction);
  const [originOffice, setOriginOffice] = useState("");
  const [movedOutOn, setMovedOutOn] = useState(today);
  const [transferNumber, setTransferNumber] = useState("");
  const [sentOffice, setSentOffice] = useState("");
  const e1 = issueFor(error?.issues, "originOffice");
  const e2 = issueFor(error?.issues, "movedOutOn");
  const e3 = issueFor(error?.issues, "transferNumber");
  return (
    <form
      className="space-y-3 rounded border border-slate-200 p-3"
      aria-labelledby="moveout-title"
      onSubmit={(e) => {
        e.preventDefault();
        setSentOffice(originOffice);
        run({ applicationId, version, originOffice, movedOutOn, transferNumber });
      }}
    >
      <h3 id="moveout-title" className="font-semibold">
        登记迁出
      </h3>
      <Field id="origin-office" label="迁出地公安机关（派出所）" error={e1}>
        <input id="origin-office" className="input" value={originOffice} maxLength={100} onChange={(e) => setOriginOffice(e.target.value)} {...fieldAria("origin-office", e1)} />
      </Field>
      <CriteriaFindings text={sentOffice} findings={findingsFor(error?.findings, "originOffice")} idPrefix="moveout-finding" />
      <Field id="moved-out-on" label="迁出日期" error={e2}>
        <input id="moved-out-on" type="date" className="input" value={movedOutOn} max={today} onChange={(e) => setMovedOutOn(e.target.value)} {...fieldAria("moved-out-on", e2)} />
      </Field>
      <Field id="transfer-number" label="迁移证编号（电子迁移可不填）" error={e3}>
        <input id="transfer-number" className="input" value={transferNumber} maxLength={50} onChange={(e) => setTransferNumber(e.target.value)} {...fieldAria("transfer-number", e3)} />
      </Field>
      <ActionError error={error} />
      <SubmitButton pending={pending} text="登记迁出" pendingText="正在登记…" testId="move-out" />
    </form>
  );
}

/** 落户: completes the filing; a collective-channel filing names the community collective household. */
export function RegistrationForm({ applicationId, version, collective, households }: { applicationId: string; version: number; collective: boolean; households: Array<{ id: string; name: string; address: string }> }) {
  const { run, pending, error } = useReviewAction(registrationAction);
  const [householdId, setHouseholdId] = useState("");
  const [note, setNote] = useState("");
  const [sentNote, setSentNote] = useState("");
  const eh = issueFor(error?.issues, "collectiveHouseholdId");
  const en = issueFor(error?.issues, "note");
  return (
    <form
      className="space-y-3 rounded border border-slate-200 p-3"
      aria-labelledby="register-title"
      onSubmit={(e) => {
        e.preventDefault();
        setSentNote(note);
        run({ applicationId, version, collectiveHouseholdId: householdId, note });
      }}
    >
      <h3 id="register-title" className="font-semibold">
        登记落户（办结）
      </h3>
      {collective && (
        <Field id="household" label="落户的社区集体户（二(三)）" error={eh} hint={households.length === 0 ? "本所辖区尚无在用的社区集体户，请联系系统管理员登记。" : undefined}>
          <select id="household" className="input" value={householdId} onChange={(e) => setHouseholdId(e.target.value)} {...fieldAria("household", eh, households.length === 0 ? "hint" : undefined)}>
            <option value="">请选择社区集体户</option>
            {households.map((h) => (
              <option key={h.id} value={h.id}>
                {h.name}（{h.address}）
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field id="register-note" label="备注（可选）" error={en}>
        <textarea id="register-note" className="input" rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} {...fieldAria("register-note", en)} />
      </Field>
      <CriteriaFindings text={sentNote} findings={findingsFor(error?.findings, "note")} idPrefix="register-finding" />
      <ActionError error={error} />
      <SubmitButton pending={pending} text="登记落户" pendingText="正在登记…" testId="register" />
    </form>
  );
}
