import { formatCount } from "@/lib/format";
import Link from "next/link";
import { requirePageUser, runQuery } from "@/lib/auth/guard";
import { populationQuery } from "@/lib/admin/load-admin-pages";
import { isCountyCode } from "@/lib/places";
import { currentBeijingYear } from "@/lib/stats/period";
import { AdminBack } from "@/components/admin/admin-nav";
import { ACTIONS_COLUMN, ListTable, YearNav } from "@/components/ui/list-table";
import { TitledCard } from "@/components/ui/titled-card";
import { formValues } from "@/components/forms/form-values";
import { PopulationForm } from "./population-form";

export const metadata = { title: "人口统计数据" };

const EMPTY_STAT = { countyCode: "", year: "", hukouTotal: "", hukouUrban: "", residentTotal: "", residentUrban: "" };

const pct = (v: number | null) => (v === null ? "—" : `${v.toFixed(2)}%`);
const pts = (v: number | null) => (v === null ? "—" : v.toFixed(2));

/** Population statistics per county and year, with the rates they give (the officials' dashboard uses the same computation). */
export default async function PopulationPage({ searchParams }: { searchParams: Promise<{ year?: string; county?: string }> }) {
  const user = await requirePageUser(["admin"], "/admin/population");
  const sp = await searchParams;
  const y = Number(sp.year);
  const year = Number.isInteger(y) && y >= 2015 && y <= 2100 ? y : currentBeijingYear() - 1;
  const county = isCountyCode(sp.county) ? sp.county : "";
  const { report, years } = await runQuery(user, populationQuery, year);
  const selected = report.rows.find((r) => r.code === county)?.stat;
  const rows = [...report.rows, ...(report.city ? [{ ...report.city, name: "全市合计" }] : [])];
  return (
    <div className="space-y-4">
      <AdminBack />
      <h1 className="page-title">人口统计数据（{year}年）</h1>
      <YearNav label="年度" years={[...new Set([...years, year, currentBeijingYear()])].sort()} current={year} href={(x) => `/admin/population?year=${x}`} />
      <ListTable
        caption={`${year}年各县（市、区）人口与城镇化率`}
        showCaption
        columns={[
          "单位",
          ...["户籍总人口", "城镇户籍人口", "常住人口", "城镇常住人口", "户籍人口城镇化率", "常住人口城镇化率", "两率差距", "比上年提高"].map((label) => ({
            label,
            className: "text-right",
          })),
          ACTIONS_COLUMN,
        ]}
        testId="population-table"
      >
        {rows.map((r) => (
          <tr key={r.code} className={r.code === county ? "bg-brand-50" : ""}>
            <th scope="row" className="whitespace-nowrap text-left font-medium">
              {r.name}
            </th>
            <td className="text-right tabular-nums">{formatCount(r.stat?.hukouTotal)}</td>
            <td className="text-right tabular-nums">{formatCount(r.stat?.hukouUrban)}</td>
            <td className="text-right tabular-nums">{formatCount(r.stat?.residentTotal)}</td>
            <td className="text-right tabular-nums">{formatCount(r.stat?.residentUrban)}</td>
            <td className="text-right tabular-nums" data-testid={`registered-rate-${r.code}`}>
              {pct(r.registeredRate)}
            </td>
            <td className="text-right tabular-nums" data-testid={`resident-rate-${r.code}`}>
              {pct(r.residentRate)}
            </td>
            <td className="text-right tabular-nums">{pts(r.gap)}</td>
            <td className="text-right tabular-nums">{pts(r.rise)}</td>
            <td>
              {r.code !== "city" && (
                <Link href={`/admin/population?year=${year}&county=${r.code}#entry`} className="text-brand-700 underline">
                  {r.stat ? "修改" : "录入"}
                  <span className="sr-only">{r.name}</span>
                </Link>
              )}
            </td>
          </tr>
        ))}
      </ListTable>
      <TitledCard id="entry-title" title="录入或修改统计数据" anchor="entry">
        <PopulationForm key={`${county}-${year}`} initial={formValues(EMPTY_STAT, { ...selected, countyCode: county, year })} />
      </TitledCard>
    </div>
  );
}
