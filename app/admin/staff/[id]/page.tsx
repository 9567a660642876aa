import { notFound } from "next/navigation";
import { requirePageUser, runQuery } from "@/lib/auth/guard";
import { staffAccountQuery } from "@/lib/admin/load-admin-pages";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { AdminBack } from "@/components/admin/admin-nav";
import { StaffForm } from "../staff-form";
import { StaffAccountActions } from "../staff-account-actions";
import { TitledCard } from "@/components/ui/titled-card";

export const metadata = { title: "管理工作人员账号" };

export default async function StaffAccountPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const me = await requirePageUser(["admin"], `/admin/staff/${encodeURIComponent(id)}`);
  const found = await runQuery(me, staffAccountQuery, id);
  if (!found) notFound();
  const { account: u, stations } = found;
  return (
    <div className="space-y-4">
      <AdminBack />
      <h1 className="page-title">
        {u.realName}（{u.username}，{ROLE_LABELS[u.role]}）{u.disabled ? " · 已停用" : ""}
      </h1>
      <TitledCard id="edit-title" title="姓名、角色与所属单位">
        <StaffForm id={u.id} initial={u} stations={stations} />
      </TitledCard>
      <TitledCard id="acct-title" title="账号状态、密码与两步验证">
        <StaffAccountActions id={u.id} disabled={u.disabled} self={u.id === me.id} twoFactor={!!u.totpEnabledAt} />
      </TitledCard>
    </div>
  );
}
