"use client";

import { useState } from "react";
import Link from "next/link";
import { assignManyAction, deleteViewAction, saveViewAction } from "@/app/clerk/actions";
import { issueFor } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { ActionError } from "./action-bits";
import { SelectOptions } from "@/components/forms/select-options";

/**
 * 批量改派: the rows' checkboxes belong to this form (form="bulk-assign"); the head picks a
 * clerk and assigns every checked filing at once.
 */
export function BulkAssignForm({ clerks }: { clerks: Array<{ id: string; realName: string; isStationHead: boolean }> }) {
  const { submit: run, pending, err: error, done: result } = useActionForm(assignManyAction);
  const [clerkId, setClerkId] = useState("");
  const ce = issueFor(error?.issues, "clerkId");
  return (
    <form
      id="bulk-assign"
      className="mb-3 flex flex-wrap items-end gap-2 rounded border border-slate-200 bg-white p-3"
      aria-label="批量改派"
      onSubmit={(e) => {
        e.preventDefault();
        const ids = new FormData(e.currentTarget).getAll("applicationIds").map(String);
        run({ applicationIds: ids, clerkId });
      }}
    >
      <p className="w-full text-sm text-slate-700">勾选下方列表中的申请，一次改派给同一位民警。</p>
      <div>
        <label htmlFor="bulk-clerk" className="label">
          改派给
        </label>
        <select id="bulk-clerk" className="input" value={clerkId} onChange={(e) => setClerkId(e.target.value)} aria-invalid={ce ? true : undefined}>
          <SelectOptions placeholder="请选择民警" options={clerks.map((c) => ({ value: c.id, label: `${c.realName}${c.isStationHead ? "（所长）" : ""}` }))} />
        </select>
      </div>
      <button type="submit" className="btn-secondary" disabled={pending} data-testid="bulk-assign">
        {pending ? "正在改派…" : "改派所选申请"}
      </button>
      {result && !error && (
        <p className="w-full text-sm text-green-800" role="status" data-testid="bulk-assign-done">
          已改派 {(result as { assigned: number; clerkName: string }).assigned} 件给{(result as { assigned: number; clerkName: string }).clerkName}。
        </p>
      )}
      <ActionError error={error} />
    </form>
  );
}

/** Saved views: links to the queue with saved parameters; save the current one under a name. */
export function SavedViews({
  views,
  current,
}: {
  views: Array<{ id: string; name: string; href: string }>;
  current: { tab: string; channel?: string; mine: boolean };
}) {
  const save = useActionForm(saveViewAction);
  const del = useActionForm(deleteViewAction);
  const [name, setName] = useState("");
  return (
    <section aria-label="常用视图" className="mb-3 flex flex-wrap items-end gap-2 text-sm">
      {views.length > 0 && (
        <ul className="flex flex-wrap gap-2" data-testid="saved-views">
          {views.map((v) => (
            <li key={v.id} className="flex items-center gap-1 rounded-full border border-slate-300 bg-white px-3 py-1">
              <Link href={v.href} className="text-brand-700 underline">
                {v.name}
              </Link>
              <button type="button" className="text-slate-600" aria-label={`删除视图 ${v.name}`} onClick={() => del.submit({ id: v.id })}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="flex items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          save.submit({ name, query: { tab: current.tab, channel: current.channel, mine: current.mine } }, () => setName(""));
        }}
      >
        <div>
          <label htmlFor="view-name" className="sr-only">
            视图名称
          </label>
          <input id="view-name" className="input py-1" placeholder="保存当前视图为…" value={name} maxLength={40} onChange={(e) => setName(e.target.value)} />
        </div>
        <button type="submit" className="btn-secondary py-1" disabled={save.pending}>
          保存视图
        </button>
      </form>
      <ActionError error={save.err ?? del.err} />
    </section>
  );
}
