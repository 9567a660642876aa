import Link from "next/link";
import { countyName } from "@/lib/places";
import { DashboardView } from "../../dashboard-view";
import { loadDashboardPage } from "../../load-dashboard-page";
import type { PageArgs } from "@/lib/http/page-args";

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }) {
  return { title: `${countyName((await params).code)}落户工作统计` };
}

/** One county, per station. A county official may open only their own (another → 404). */
export default async function CountyDashboardPage({ params, searchParams }: PageArgs<{ code: string }>) {
  const { code } = await params;
  const { user, d, error } = await loadDashboardPage(`/official/county/${encodeURIComponent(code)}`, await searchParams, code);
  return (
    <div>
      <h1 className="page-title">{countyName(code)}落户工作统计</h1>
      {error && (
        <p role="alert" className="mb-4 rounded border border-red-300 bg-red-50 p-3 text-red-800">
          {error}{" "}
          <Link href={`/official/county/${encodeURIComponent(code)}`} className="underline">
            查看本年度
          </Link>
        </p>
      )}
      {d && (
        <DashboardView
          d={d}
          basePath={`/official/county/${encodeURIComponent(code)}`}
          backHref={user.countyCode ? undefined : `/official?year=${d.period.year}`}
        />
      )}
    </div>
  );
}
