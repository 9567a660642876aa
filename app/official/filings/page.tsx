import Link from "next/link";
import { CHANNEL_LABELS } from "@/lib/schemas/eligibility";
import { STATUS_LABELS } from "@/lib/filings/status";
import { beijingDate } from "@/lib/calendar/working-days";
import { viewOfficialFilingsDef } from "@/lib/stats/official-filings";
import { loadOfficialPage, one, periodInput } from "@/lib/stats/official-page";
import { AlertMessage } from "@/components/forms/alert-message";
import type { PageArgs } from "@/lib/http/page-args";

export const metadata = { title: "统计数字对应的申请" };

const day = (d: Date | null) => (d ? beijingDate(d) : "—");

/** The filings behind a dashboard count, read-only, within the official's scope. */
export default async function OfficialFilingsPage({ searchParams }: PageArgs) {
  const sp = await searchParams;
  const input = {
    ...periodInput(sp),
    kind: one(sp.kind),
    county: one(sp.county),
    station: one(sp.station),
    status: one(sp.status),
    after: one(sp.after),
  };
  const { user, data: f, error } = await loadOfficialPage("/official/filings", viewOfficialFilingsDef, input);
  const back = f?.scope.kind === "county" && !user.countyCode ? `/official/county/${encodeURIComponent(f.scope.countyCode)}` : "/official";
  const next = new URLSearchParams(Object.entries(input).filter(([k, v]) => typeof v === "string" && v !== "" && k !== "after") as Array<[string, string]>);
  if (f?.nextCursor) next.set("after", f.nextCursor);
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href={back} className="text-brand-700 underline">
          ← 返回统计
        </Link>
        {f?.station && (
          <>
            {" · "}
            <Link href={`/official/station/${encodeURIComponent(f.station.id)}`} className="text-brand-700 underline">
              {f.station.name}办理情况
            </Link>
          </>
        )}
      </p>
      <h1 className="page-title">{f ? f.title : "统计数字对应的申请"}</h1>
      <AlertMessage message={error} />
      {f && (
        <>
          <p data-testid="filings-total">
            共 <strong>{f.total.toLocaleString("zh-CN")}</strong> 件{f.rows.length < f.total ? `，本页显示 ${f.rows.length} 件` : ""}
            。只读：办理请由所属派出所在工作台进行。
          </p>
          <div className="overflow-x-auto rounded border border-slate-200" tabIndex={0} role="region" aria-labelledby="filings-caption">
            <table className="table-basic" data-testid="official-filings">
              <caption id="filings-caption" className="bg-white px-2 py-2 text-left font-semibold">
                {f.title}
              </caption>
              <thead>
                <tr>
                  <th scope="col">申请编号</th>
                  <th scope="col">申请人</th>
                  <th scope="col">人数</th>
                  <th scope="col">落户通道</th>
                  <th scope="col">状态</th>
                  <th scope="col">派出所</th>
                  <th scope="col">提交</th>
                  <th scope="col">办理期限</th>
                  <th scope="col">决定</th>
                  <th scope="col">落户完成</th>
                </tr>
              </thead>
              <tbody>
                {f.rows.map((r) => (
                  <tr key={r.id}>
                    <th scope="row" className="whitespace-nowrap text-left font-medium">
                      {r.reference ?? "—"}
                    </th>
                    <td className="whitespace-nowrap">{r.applicantName}</td>
                    <td className="text-right">{r.personsCount}</td>
                    <td className="whitespace-nowrap">{CHANNEL_LABELS[r.channel].replace(/（.*$/, "")}</td>
                    <td className="whitespace-nowrap">{STATUS_LABELS[r.status]}</td>
                    <td className="whitespace-nowrap">{r.stationName}</td>
                    <td className="whitespace-nowrap">{day(r.submittedAt)}</td>
                    <td className="whitespace-nowrap">{day(r.dueAt)}</td>
                    <td className="whitespace-nowrap">{day(r.decidedAt)}</td>
                    <td className="whitespace-nowrap">{day(r.completedAt)}</td>
                  </tr>
                ))}
                {f.rows.length === 0 && (
                  <tr>
                    <td colSpan={10}>没有符合条件的申请。</td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
          {f.nextCursor && (
            <p>
              <Link href={`/official/filings?${next.toString()}`} className="btn-secondary">
                下一页
              </Link>
            </p>
          )}
        </>
      )}
    </div>
  );
}
