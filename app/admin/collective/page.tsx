import { requirePageUser, runQuery } from "@/lib/auth/guard";
import { collectiveListQuery } from "@/lib/admin/load-admin-pages";
import { countyName } from "@/lib/places";
import { formatDate } from "@/lib/review/labels";
import { beijingDate } from "@/lib/calendar/working-days";
import { AdminBack } from "@/components/admin/admin-nav";
import { ACTIONS_COLUMN, ListTable, RowLink } from "@/components/ui/list-table";
import { TitledCard } from "@/components/ui/titled-card";
import { CollectiveForm } from "./collective-form";

export const metadata = { title: "社区集体户登记" };

/** The register of community collective households (plan 二(三)): list and create. */
export default async function AdminCollectivePage() {
  const user = await requirePageUser(["admin"], "/admin/collective");
  const { rows, stations } = await runQuery(user, collectiveListQuery);
  return (
    <div className="space-y-4">
      <AdminBack />
      <h1 className="page-title">社区集体户登记</h1>
      <ListTable caption="社区集体户" columns={["名称", "县（市、区）", "派出所", "批准机关", "已落户", "状态", ACTIONS_COLUMN]}>
        {rows.map((h) => (
          <tr key={h.id}>
            <td>
              {h.name}
              <div className="text-slate-600">{h.address}</div>
            </td>
            <td>{countyName(h.countyCode)}</td>
            <td>{h.stationName}</td>
            <td>
              {h.approvingOffice}
              <div className="text-slate-600">{formatDate(h.approvedAt)}</div>
            </td>
            <td>{h.members}</td>
            <td>{h.active ? "在用" : "已停用"}</td>
            <td>
              <RowLink href={`/admin/collective/${h.id}`} name={h.name}>
                修改
              </RowLink>
            </td>
          </tr>
        ))}
      </ListTable>
      <TitledCard id="new-title" title="登记新的社区集体户">
        <CollectiveForm initial={{ approvedAt: beijingDate(new Date()) }} stations={stations} />
      </TitledCard>
    </div>
  );
}
