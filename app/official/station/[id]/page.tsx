import { DataTable, TableFigure } from "@/components/charts/data-table";
import { viewStationPerformanceDef } from "@/lib/stats/dashboard";
import { shortUnitName } from "@/lib/stats/dashboard-scope";
import { clerksTable, dashboardTable } from "@/lib/stats/tables";
import { loadOfficialPage, periodInput } from "@/lib/stats/official-page";
import { AlertMessage } from "@/components/forms/alert-message";
import { BackLink } from "@/components/ui/links";
import type { PageArgs } from "@/lib/http/page-args";

export const metadata = { title: "派出所办理情况" };

const fmtDays = (v: number) => v.toFixed(1);

/** One station's performance per clerk: handled, median and p90 working days, refusals and their reasons. */
export default async function StationPerformancePage({ params, searchParams }: PageArgs<{ id: string }>) {
  const { id } = await params;
  const sp = await searchParams;
  const { data: p, error } = await loadOfficialPage(`/official/station/${encodeURIComponent(id)}`, viewStationPerformanceDef, {
    ...periodInput(sp),
    station: id,
  });
  const s = p?.service;
  const clerks = s?.clerks ?? [];
  const county = p?.scope.kind === "county" ? p.scope : null;
  const labels = new Map((s?.refusalsByReason ?? []).map((r) => [r.code, r.label]));
  const table = p && s ? clerksTable(p, s, (c) => labels.get(c) ?? c) : null;
  const stationRow = p && s ? dashboardTable({ scope: p.scope, period: p.period, service: s }, "service") : null;
  const reasons = p && s ? dashboardTable({ scope: p.scope, period: p.period, service: s }, "refusals") : null;
  const qs = new URLSearchParams(Object.entries(periodInput(sp)).filter(([, v]) => v) as Array<[string, string]>).toString();
  return (
    <div className="space-y-6">
      {county && (
        <BackLink href={`/official/county/${encodeURIComponent(county.countyCode)}?${qs}`} className="text-sm">
          {county.countyName}落户工作统计
        </BackLink>
      )}
      <h1 className="page-title">{s?.station ? `${s.station.name}办理情况` : "派出所办理情况"}</h1>
      <AlertMessage message={error} />
      {p && s && table && stationRow && reasons && (
        <>
          <p className="text-sm text-slate-600">
            统计期间：{p.period.label}
            。工作日按节假日安排（含调休）计算；受理时限 {s.limits.acceptanceWorkingDays} 个工作日，决定时限为受理后 {s.limits.decisionWorkingDays} 个工作日。
          </p>
          <DataTable
            table={stationRow}
            cellHref={(_, column) =>
              column.startsWith("当前超期在办")
                ? `/official/filings?kind=overdue&county=${encodeURIComponent(county!.countyCode)}&station=${encodeURIComponent(s.station!.id)}`
                : column.startsWith("不予批准")
                  ? `/official/filings?kind=refused&county=${encodeURIComponent(county!.countyCode)}&station=${encodeURIComponent(s.station!.id)}&${qs}`
                  : null
            }
          />
          <section aria-labelledby="clerks-h" className="space-y-3">
            <h2 id="clerks-h" className="text-xl font-semibold">
              各民警办理情况
            </h2>
            <TableFigure
              table={table}
              wide
              chart={{
                id: "clerks",
                title: "各民警提交至决定用时（工作日）",
                categories: clerks.map((c) => shortUnitName(c.name)),
                series: [
                  { name: "中位数", values: clerks.map((c) => c.decision.median) },
                  { name: "90%分位", values: clerks.map((c) => c.decision.p90) },
                ],
                format: fmtDays,
                valueTitle: "工作日",
                categoryTitle: "民警",
                detail: (i) => `作出决定 ${clerks[i].decision.count} 件`,
              }}
            />
          </section>
          <section aria-labelledby="reasons-h" className="space-y-3">
            <h2 id="reasons-h" className="text-xl font-semibold">
              不予批准理由
            </h2>
            <DataTable table={reasons} />
          </section>
        </>
      )}
    </div>
  );
}
