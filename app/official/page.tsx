import Link from "next/link";
import { TwoFactorHint } from "@/components/two-factor-hint";
import { scopeLabel } from "@/lib/stats/dashboard-scope";
import { DashboardView } from "./dashboard-view";
import { loadDashboardPage } from "./load-dashboard-page";
import { SupervisionFigure } from "./supervision-figure";
import type { PageArgs } from "@/lib/http/page-args";

export const metadata = { title: "落户工作统计" };

/** The official's own scope: the whole city (a row per county) or their county (a row per station). */
export default async function OfficialPage({ searchParams }: PageArgs) {
  const { user, d, error } = await loadDashboardPage("/official", await searchParams);
  return (
    <div>
      <h1 className="page-title">{d ? `${scopeLabel(d.scope)}落户工作统计` : "落户工作统计"}</h1>
      {user && <TwoFactorHint user={user} />}
      <nav aria-label="工作" className="mb-4 text-sm">
        <Link href="/official/compliance" className="text-brand-700 underline" data-testid="compliance-link">
          规范性文件合规检查
        </Link>
      </nav>
      {error && (
        <p role="alert" className="mb-4 rounded border border-red-300 bg-red-50 p-3 text-red-800">
          {error}{" "}
          <Link href="/official" className="underline">
            查看本年度
          </Link>
        </p>
      )}
      <SupervisionFigure user={user} />
      {d && <DashboardView d={d} basePath="/official" />}
    </div>
  );
}
