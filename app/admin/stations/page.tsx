import { requirePageUser, runQuery } from "@/lib/auth/guard";
import { stationListQuery } from "@/lib/admin/load-admin-pages";
import { countyName } from "@/lib/places";
import { AdminBack } from "@/components/admin/admin-nav";
import { ACTIONS_COLUMN, ListTable, RowLink } from "@/components/ui/list-table";
import { TitledCard } from "@/components/ui/titled-card";
import { StationForm } from "./station-form";

export const metadata = { title: "派出所" };

export default async function StationsPage() {
  const user = await requirePageUser(["admin"], "/admin/stations");
  const rows = await runQuery(user, stationListQuery);
  return (
    <div className="space-y-4">
      <AdminBack />
      <h1 className="page-title">派出所</h1>
      <ListTable caption="派出所" columns={["代码", "名称", "县（市、区）", "地址、电话", "民警", "在办申请", "状态", ACTIONS_COLUMN]}>
        {rows.map((s) => (
          <tr key={s.id} className={s.active ? "" : "text-slate-500"}>
            <td className="font-mono">{s.code}</td>
            <td>{s.name}</td>
            <td>{countyName(s.countyCode)}</td>
            <td>
              {s.address}
              {s.phone && <div className="text-slate-600">{s.phone}</div>}
            </td>
            <td className="text-right">{s.clerks}</td>
            <td className="text-right">{s.openFilings}</td>
            <td>{s.active ? "在用" : "已停用"}</td>
            <td>
              <RowLink href={`/admin/stations/${s.id}`} name={s.name}>
                修改
              </RowLink>
            </td>
          </tr>
        ))}
      </ListTable>
      <TitledCard id="new-station" title="新增派出所">
        <StationForm />
      </TitledCard>
    </div>
  );
}
