import { requirePageUser, runQuery } from "@/lib/auth/guard";
import { stationCollectiveHouseholdsQuery } from "@/lib/collective/collective-households";
import { formatDate } from "@/lib/review/labels";
import { Fact } from "@/components/ui/facts";
import { BackLink } from "@/components/ui/links";

export const metadata = { title: "本所社区集体户" };

/** The community collective households of the clerk's station (plan 二(三)). */
export default async function StationCollectivePage() {
  const user = await requirePageUser(["clerk"], "/clerk/collective");
  const rows = await runQuery(user, stationCollectiveHouseholdsQuery);
  return (
    <div>
      <BackLink href="/clerk" className="mb-2">
        返回受理工作台
      </BackLink>
      <h1 className="page-title">本所社区集体户</h1>
      <p className="mb-4 text-slate-700">
        无合法稳定住所、无直系亲属投靠、就业单位无集体户口的人员，在就业地派出所的社区集体户落户（二(三)）。集体户由系统管理员登记维护。
      </p>
      {rows.length === 0 ? (
        <p className="card">本所辖区尚未登记社区集体户。</p>
      ) : (
        <ul className="space-y-2">
          {rows.map((h) => (
            <li key={h.id} className="card" data-testid="collective-household">
              <p className="font-medium">
                {h.name}
                {!h.active && <span className="ml-2 rounded bg-slate-200 px-2 text-sm">已停用</span>}
              </p>
              <dl className="mt-1 grid gap-x-6 text-sm sm:grid-cols-2">
                <Fact label="地址">{h.address}</Fact>
                <Fact label="批准机关">
                  {h.approvingOffice}（{formatDate(h.approvedAt)}）
                </Fact>
                <Fact label="已落户人数" testId="collective-members">
                  {h.members}
                </Fact>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
