import Link from "next/link";
import { requirePageUser, runQuery } from "@/lib/auth/guard";
import { calendarQuery } from "@/lib/admin/load-admin-pages";
import { CALENDAR_KIND_LABELS } from "@/lib/admin/holiday-calendar";
import { currentBeijingYear } from "@/lib/stats/period";
import { AdminBack } from "../_ui/admin-nav";
import { CalendarDayForm, ImportYearButton, RemoveDayButton } from "./calendar-forms";

export const metadata = { title: "节假日安排" };

const WEEKDAYS = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

export default async function CalendarPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const user = await requirePageUser(["admin"], "/admin/calendar");
  const y = Number((await searchParams).year);
  const year = Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : currentBeijingYear();
  const { days, years, importable } = await runQuery(user, calendarQuery, year);
  const yearLinks = [...new Set([...years.map((r) => r.year), year, year + 1, ...importable])].sort();
  return (
    <div className="space-y-4">
      <AdminBack />
      <h1 className="page-title">节假日安排（{year}年）</h1>
      <p className="text-slate-700">受理、决定、补正等时限按工作日计算：周一至周五，去掉法定节假日，加上调休上班的周末。国务院每年公布次年安排后请及时录入。</p>
      <nav aria-label="年份" className="flex flex-wrap gap-2">
        {yearLinks.map((x) => (
          <Link key={x} href={`/admin/calendar?year=${x}`} className={x === year ? "btn-primary" : "btn-secondary"} aria-current={x === year ? "page" : undefined}>
            {x}年{years.some((r) => r.year === x) ? "" : "（未录入）"}
          </Link>
        ))}
      </nav>
      {importable.includes(year) && (
        <p>
          <ImportYearButton year={year} />
        </p>
      )}
      <div className="card overflow-x-auto">
        <table className="table-basic" data-testid="calendar-table">
          <caption className="sr-only">{year}年节假日与调休上班日</caption>
          <thead>
            <tr>
              <th scope="col">日期</th>
              <th scope="col">星期</th>
              <th scope="col">安排</th>
              <th scope="col">名称</th>
              <th scope="col">
                <span className="sr-only">操作</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.date} className={d.kind === "workday" ? "bg-amber-50" : ""}>
                <td className="font-mono">{d.date}</td>
                <td>{WEEKDAYS[new Date(`${d.date}T00:00:00Z`).getUTCDay()]}</td>
                <td>{CALENDAR_KIND_LABELS[d.kind] ?? d.kind}</td>
                <td>{d.name}</td>
                <td>
                  <RemoveDayButton date={d.date} label={d.name} />
                </td>
              </tr>
            ))}
            {days.length === 0 && (
              <tr>
                <td colSpan={5} className="text-slate-600">
                  {year}年尚未录入节假日安排。
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <section className="card" aria-labelledby="set-day">
        <h2 id="set-day" className="mb-2 text-lg font-semibold">
          录入或修改一天的安排
        </h2>
        <CalendarDayForm year={year} />
      </section>
    </div>
  );
}
