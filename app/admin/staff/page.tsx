import { requirePageUser, runQuery } from "@/lib/auth/guard";
import { staffListQuery } from "@/lib/admin/load-admin-pages";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { countyName } from "@/lib/places";
import { STAFF_ROLES, type StaffRole } from "@/lib/admin/staff-accounts";
import { formatBeijing } from "@/lib/csv";
import { AdminBack } from "@/components/admin/admin-nav";
import { ACTIONS_COLUMN, ListTable, RowLink } from "@/components/ui/list-table";
import { TitledCard } from "@/components/ui/titled-card";
import { StaffForm } from "./staff-form";
import { FilterField } from "@/components/forms/filter-field";

export const metadata = { title: "工作人员账号" };

export default async function StaffPage({ searchParams }: { searchParams: Promise<{ role?: string; q?: string }> }) {
  const user = await requirePageUser(["admin"], "/admin/staff");
  const sp = await searchParams;
  const role = (STAFF_ROLES as readonly string[]).includes(sp.role ?? "") ? (sp.role as StaffRole) : undefined;
  const q = (sp.q ?? "").trim().slice(0, 30) || undefined;
  const { rows, stations } = await runQuery(user, staffListQuery, { role, q });
  return (
    <div className="space-y-4">
      <AdminBack />
      <h1 className="page-title">工作人员账号</h1>
      <form method="get" className="card flex flex-wrap items-end gap-3" aria-label="筛选账号">
        <div>
          <label htmlFor="f-role" className="label">
            角色
          </label>
          <select id="f-role" name="role" defaultValue={role ?? ""} className="input">
            <option value="">全部</option>
            {STAFF_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <FilterField id="f-q" name="q" label="用户名或姓名" defaultValue={q} />
        <button type="submit" className="btn-secondary">
          筛选
        </button>
      </form>
      <ListTable caption="工作人员账号" columns={["用户名", "姓名", "角色", "所属", "状态", "最近登录", ACTIONS_COLUMN]} testId="staff-table">
        {rows.map((r) => (
          <tr key={r.id} className={r.disabled ? "text-slate-500" : ""}>
            <td className="font-mono">{r.username}</td>
            <td>{r.realName}</td>
            <td>
              {ROLE_LABELS[r.role]}
              {r.isStationHead ? "（所长）" : ""}
            </td>
            <td>{r.role === "clerk" ? r.station?.name : r.role === "official" ? (r.countyCode ? countyName(r.countyCode) : "全市") : "—"}</td>
            <td>{r.disabled ? "已停用" : "在用"}</td>
            <td className="whitespace-nowrap">{r.lastLoginAt ? formatBeijing(r.lastLoginAt) : "—"}</td>
            <td>
              <RowLink href={`/admin/staff/${r.id}`} name={r.username}>
                管理
              </RowLink>
            </td>
          </tr>
        ))}
      </ListTable>
      <TitledCard id="new-staff" title="新建工作人员账号">
        <StaffForm stations={stations} />
      </TitledCard>
    </div>
  );
}
