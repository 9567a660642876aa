import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/guard";
import { getPrisma } from "@/lib/db/client";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { COUNTIES, countyName } from "@/lib/places";
import { AdminBack } from "@/components/admin/admin-nav";
import { StaffForm } from "../staff-form";
import { StaffAccountActions } from "../staff-account-actions";
import { TitledCard } from "@/components/ui/titled-card";

export const metadata = { title: "管理工作人员账号" };

export default async function StaffAccountPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const me = await requirePageUser(["admin"], `/admin/staff/${encodeURIComponent(id)}`);
  const prisma = getPrisma();
  const u = await prisma.user.findUnique({ where: { id }, select: { id: true, username: true, realName: true, role: true, stationId: true, isStationHead: true, countyCode: true, disabled: true } });
  if (!u || u.role === "resident") notFound();
  const stations = await prisma.policeStation.findMany({ where: { OR: [{ active: true }, { id: u.stationId ?? "" }] }, orderBy: { code: "asc" }, select: { id: true, name: true, countyCode: true } });
  return (
    <div className="space-y-4">
      <AdminBack />
      <h1 className="page-title">
        {u.realName}（{u.username}，{ROLE_LABELS[u.role]}）{u.disabled ? " · 已停用" : ""}
      </h1>
      <TitledCard id="edit-title" title="姓名、角色与所属单位">
        <StaffForm
          id={u.id}
          initial={{ username: u.username ?? "", realName: u.realName, role: u.role, stationId: u.stationId ?? "", isStationHead: u.isStationHead, countyCode: u.countyCode ?? "" }}
          stations={stations.map((s) => ({ value: s.id, label: `${countyName(s.countyCode)} · ${s.name}` }))}
          counties={COUNTIES.map((c) => ({ value: c.code, label: c.name }))}
        />
      </TitledCard>
      <TitledCard id="acct-title" title="账号状态与密码">
        <StaffAccountActions id={u.id} disabled={u.disabled} self={u.id === me.id} />
      </TitledCard>
    </div>
  );
}
