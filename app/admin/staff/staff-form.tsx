"use client";

import { ActionForm } from "@/components/forms/action-form";
import { CheckboxField, InputField, SelectField } from "@/components/forms/field-controls";
import { formValues, type StoredValues } from "@/components/forms/form-values";
import { useEditForm } from "@/components/forms/use-edit-form";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { COUNTIES, countyName } from "@/lib/places";
import type { ActionResult } from "@/lib/errors";
import { createStaffAction, updateStaffAction } from "../actions";

const EMPTY = { username: "", realName: "", role: "", stationId: "", isStationHead: false, countyCode: "" };
type Values = typeof EMPTY;
type Saved = { id: string; username?: string | null; temporaryPassword?: string };

const ROLES = (["clerk", "official", "admin", "auditor"] as const).map((r) => ({ value: r, label: ROLE_LABELS[r] }));

/**
 * Create a staff account (a one-time password is shown) or change its name, role and placement
 * (`initial`: the stored account).
 */
export function StaffForm({
  id,
  initial,
  stations,
}: {
  id?: string;
  initial?: StoredValues<Values>;
  stations: Array<{ id: string; name: string; countyCode: string }>;
}) {
  const f = useEditForm(
    formValues(EMPTY, initial),
    async (input): Promise<ActionResult<Saved>> => (id ? updateStaffAction({ id, ...input }) : createStaffAction(input)),
    { reset: !id },
  );
  const v = f.values;

  return (
    <ActionForm
      form={f}
      saved={(done) =>
        done.temporaryPassword ? (
          <>
            账号 <strong>{done.username}</strong> 已创建。临时密码：
            <strong className="font-mono text-lg" data-testid="temporary-password">
              {done.temporaryPassword}
            </strong>
            <br />
            此密码只显示这一次，请当面交给本人。
          </>
        ) : (
          "已保存。"
        )
      }
      submit={id ? "保存修改" : "创建账号"}
    >
      {!id && <InputField id="s-username" label="用户名（登录用）" hint="3—32位小写字母、数字、点、横线或下划线" autoComplete="off" {...f.field("username")} />}
      <InputField id="s-name" label="姓名" {...f.field("realName")} />
      <SelectField id="s-role" label="角色" placeholder="请选择" options={ROLES} {...f.field("role")} />
      {v.role === "clerk" && (
        <>
          <SelectField
            id="s-station"
            label="所属派出所"
            placeholder="请选择派出所"
            options={stations.map((s) => ({ value: s.id, label: `${countyName(s.countyCode)} · ${s.name}` }))}
            {...f.field("stationId")}
          />
          <CheckboxField id="s-head" label="所长（可分配申请、更正决定）" checked={v.isStationHead} onChecked={(x) => f.set("isStationHead", x)} />
        </>
      )}
      {v.role === "official" && <SelectField id="s-county" label="负责范围" placeholder="全市（三门峡市）" options={COUNTIES} {...f.field("countyCode")} />}
    </ActionForm>
  );
}
