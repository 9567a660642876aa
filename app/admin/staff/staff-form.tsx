"use client";

import { useState } from "react";
import { ErrorSummary, Field, fieldAria } from "@/components/forms/field";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { createStaffAction, updateStaffAction } from "../actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { SelectOptions } from "@/components/forms/select-options";

type Values = { username: string; realName: string; role: string; stationId: string; isStationHead: boolean; countyCode: string };
type Option = { value: string; label: string };

const ROLES = ["clerk", "official", "admin", "auditor"] as const;

/** Create a staff account (a one-time password is shown) or change its name, role and placement. */
export function StaffForm({ id, initial, stations, counties }: { id?: string; initial: Values; stations: Option[]; counties: Option[] }) {
  const [v, setV] = useState<Values>(initial);
  const set = <K extends keyof Values>(k: K, val: Values[K]) => setV((x) => ({ ...x, [k]: val }));
  const f = useActionForm<Values, { id: string; username?: string | null; temporaryPassword?: string }>(
    async (input) => (id ? updateStaffAction({ id, ...input }) : createStaffAction(input)),
    { onOk: () => !id && setV(initial) },
  );
  const created = f.done?.temporaryPassword ? { username: f.done.username, temporaryPassword: f.done.temporaryPassword } : null;

  return (
    <form className="space-y-3" noValidate onSubmit={(e) => (e.preventDefault(), f.submit(v))}>
      <ErrorSummary message={f.err?.message} />
      {f.done && (
        <div role="status" className="rounded bg-green-50 p-3 text-green-900">
          {created ? (
            <>
              账号 <strong>{created.username}</strong> 已创建。临时密码：
              <strong className="font-mono text-lg" data-testid="temporary-password">
                {created.temporaryPassword}
              </strong>
              <br />
              此密码只显示这一次，请当面交给本人。
            </>
          ) : (
            "已保存。"
          )}
        </div>
      )}
      {!id && (
        <Field id="s-username" label="用户名（登录用）" error={f.issue("username")} hint="3—32位小写字母、数字、点、横线或下划线">
          <input
            id="s-username"
            className="input"
            autoComplete="off"
            value={v.username}
            onChange={(e) => set("username", e.target.value)}
            {...fieldAria("s-username", f.issue("username"), "hint")}
          />
        </Field>
      )}
      <Field id="s-name" label="姓名" error={f.issue("realName")}>
        <input
          id="s-name"
          className="input"
          value={v.realName}
          onChange={(e) => set("realName", e.target.value)}
          {...fieldAria("s-name", f.issue("realName"))}
        />
      </Field>
      <Field id="s-role" label="角色" error={f.issue("role")}>
        <select id="s-role" className="input" value={v.role} onChange={(e) => set("role", e.target.value)} {...fieldAria("s-role", f.issue("role"))}>
          <option value="">请选择</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </Field>
      {v.role === "clerk" && (
        <>
          <Field id="s-station" label="所属派出所" error={f.issue("stationId")}>
            <select
              id="s-station"
              className="input"
              value={v.stationId}
              onChange={(e) => set("stationId", e.target.value)}
              {...fieldAria("s-station", f.issue("stationId"))}
            >
              <SelectOptions placeholder="请选择派出所" options={stations} />
            </select>
          </Field>
          <label className="flex items-center gap-2">
            <input type="checkbox" className="h-5 w-5" checked={v.isStationHead} onChange={(e) => set("isStationHead", e.target.checked)} />
            所长（可分配申请、更正决定）
          </label>
        </>
      )}
      {v.role === "official" && (
        <Field id="s-county" label="负责范围" error={f.issue("countyCode")}>
          <select
            id="s-county"
            className="input"
            value={v.countyCode}
            onChange={(e) => set("countyCode", e.target.value)}
            {...fieldAria("s-county", f.issue("countyCode"))}
          >
            <SelectOptions placeholder="全市（三门峡市）" options={counties} />
          </select>
        </Field>
      )}
      <button type="submit" className="btn-primary" disabled={f.pending}>
        {f.pending ? "正在保存…" : id ? "保存修改" : "创建账号"}
      </button>
    </form>
  );
}
