"use client";

import { useState } from "react";
import { assignAction, claimAction, releaseAction } from "@/app/clerk/actions";
import { issueFor } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { ActionError } from "./action-bits";
import { SelectOptions } from "@/components/forms/select-options";

type Props = {
  applicationId: string;
  /** From availableActions (lib/review/workflow.ts): which of 认领 / 退回 / 改派 this clerk may take now. */
  can: { claim: boolean; release: boolean; assign: boolean };
  assignedClerk: { id: string; realName: string } | null;
  meId: string;
  clerks: Array<{ id: string; realName: string; isStationHead: boolean }>;
};

/** 认领 / 退回 for a clerk; 改派 for the station head. */
export function ClaimControls({ applicationId, can, assignedClerk, meId, clerks }: Props) {
  const claim = useActionForm(claimAction);
  const release = useActionForm(releaseAction);
  const assign = useActionForm(assignAction);
  const [clerkId, setClerkId] = useState(assignedClerk?.id ?? "");
  const mine = assignedClerk?.id === meId;
  const err = claim.err ?? release.err ?? assign.err;

  return (
    <div className="space-y-2" data-testid="claim-controls">
      <p className="text-sm">
        办理民警：
        <span className="font-medium" data-testid="assignee">
          {assignedClerk ? (mine ? `${assignedClerk.realName}（我）` : assignedClerk.realName) : "未认领"}
        </span>
      </p>
      {(can.claim || can.release) && (
        <div className="flex flex-wrap gap-2">
          {can.claim && (
            <form onSubmit={(e) => (e.preventDefault(), claim.submit({ applicationId }))}>
              <button type="submit" className="btn-secondary" disabled={claim.pending}>
                {claim.pending ? "正在认领…" : "认领（由我办理）"}
              </button>
            </form>
          )}
          {can.release && (
            <form onSubmit={(e) => (e.preventDefault(), release.submit({ applicationId }))}>
              <button type="submit" className="btn-secondary" disabled={release.pending}>
                {release.pending ? "正在退回…" : "退回待办"}
              </button>
            </form>
          )}
        </div>
      )}
      {can.assign && (
        <form className="flex flex-wrap items-end gap-2" onSubmit={(e) => (e.preventDefault(), assign.submit({ applicationId, clerkId }))}>
          <div>
            <label htmlFor="assign-clerk" className="label">
              改派给
            </label>
            <select
              id="assign-clerk"
              className="input"
              value={clerkId}
              onChange={(e) => setClerkId(e.target.value)}
              aria-invalid={issueFor(assign.err?.issues, "clerkId") ? true : undefined}
            >
              <SelectOptions
                placeholder="请选择民警"
                options={clerks.map((c) => ({ value: c.id, label: `${c.realName}${c.isStationHead ? "（所长）" : ""}` }))}
              />
            </select>
          </div>
          <button type="submit" className="btn-secondary" disabled={assign.pending}>
            {assign.pending ? "正在改派…" : "改派"}
          </button>
        </form>
      )}
      <ActionError error={err} />
    </div>
  );
}
