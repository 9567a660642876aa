import { requirePageUser, runQuery } from "@/lib/auth/guard";
import { calendarQuery } from "@/lib/admin/load-admin-pages";
import { CALENDAR_KIND_LABELS } from "@/lib/admin/holiday-calendar";
import { currentBeijingYear } from "@/lib/stats/period";
import { AdminBack } from "@/components/admin/admin-nav";
import { ACTIONS_COLUMN, ListTable, YearNav } from "@/components/ui/list-table";
import { TitledCard } from "@/components/ui/titled-card";
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
      <YearNav
        label="年份"
        years={yearLinks}
        current={year}
        href={(x) => `/admin/calendar?year=${x}`}
        suffix={(x) => (years.some((r) => r.year === x) ? "" : "（未录入）")}
      />
      {importable.includes(year) && (
        <p>
          <ImportYearButton year={year} />
        </p>
      )}
      <ListTable caption={`${year}年节假日与调休上班日`} columns={["日期", "星期", "安排", "名称", ACTIONS_COLUMN]} testId="calendar-table">
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
      </ListTable>
      <TitledCard id="set-day" title="录入或修改一天的安排">
        <CalendarDayForm year={year} />
      </TitledCard>
    </div>
  );
}
