import Link from "next/link";
import { requirePageUser, runQuery } from "@/lib/auth/guard";
import { stationListQuery } from "@/lib/admin/load-admin-pages";
import { COUNTIES, countyName } from "@/lib/places";
import { AdminBack } from "../_ui/admin-nav";
import { StationForm } from "./station-form";

export const metadata = { title: "派出所" };

export default async function StationsPage() {
  const user = await requirePageUser(["admin"], "/admin/stations");
  const rows = await runQuery(user, stationListQuery);
  return (
    <div className="space-y-4">
      <AdminBack />
      <h1 className="page-title">派出所</h1>
      <div className="card overflow-x-auto">
        <table className="table-basic">
          <caption className="sr-only">派出所</caption>
          <thead>
            <tr>
              <th scope="col">代码</th>
              <th scope="col">名称</th>
              <th scope="col">县（市、区）</th>
              <th scope="col">地址、电话</th>
              <th scope="col">民警</th>
              <th scope="col">在办申请</th>
              <th scope="col">状态</th>
              <th scope="col">
                <span className="sr-only">操作</span>
              </th>
            </tr>
          </thead>
          <tbody>
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
                  <Link href={`/admin/stations/${s.id}`} className="text-brand-700 underline">
                    修改<span className="sr-only">{s.name}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="card" aria-labelledby="new-station">
        <h2 id="new-station" className="mb-2 text-lg font-semibold">
          新增派出所
        </h2>
        <StationForm initial={{ code: "", name: "", countyCode: "", address: "", phone: "", active: true }} counties={COUNTIES.map((c) => ({ value: c.code, label: c.name }))} />
      </section>
    </div>
  );
}
