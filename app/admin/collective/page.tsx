import Link from "next/link";
import { requirePageUser, runQuery } from "@/lib/auth/guard";
import { collectiveListQuery } from "@/lib/admin/load-admin-pages";
import { countyName } from "@/lib/places";
import { formatDate } from "@/lib/review/labels";
import { beijingDate } from "@/lib/calendar/working-days";
import { AdminBack } from "../_ui/admin-nav";
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
      <div className="card overflow-x-auto">
        <table className="table-basic">
          <caption className="sr-only">社区集体户</caption>
          <thead>
            <tr>
              <th scope="col">名称</th>
              <th scope="col">县（市、区）</th>
              <th scope="col">派出所</th>
              <th scope="col">批准机关</th>
              <th scope="col">已落户</th>
              <th scope="col">状态</th>
              <th scope="col">
                <span className="sr-only">操作</span>
              </th>
            </tr>
          </thead>
          <tbody>
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
                  <Link href={`/admin/collective/${h.id}`} className="text-brand-700 underline">
                    修改<span className="sr-only">{h.name}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="card" aria-labelledby="new-title">
        <h2 id="new-title" className="mb-2 text-lg font-semibold">
          登记新的社区集体户
        </h2>
        <CollectiveForm initial={{ name: "", stationId: "", address: "", approvingOffice: "", approvedAt: beijingDate(new Date()), active: true }} stations={stations} />
      </section>
    </div>
  );
}
