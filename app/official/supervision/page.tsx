import Link from "next/link";
import { loadSupervisionPage } from "@/lib/supervision/load-supervision-page";
import { countyName } from "@/lib/places";
import { SupervisionView } from "@/components/audit/supervision-view";
import { AlertMessage } from "@/components/forms/alert-message";

export const metadata = { title: "违规设置落户条件监督" };

/** Officials: attempts to impose forbidden or unset conditions in their county (a city official: the city) (四(四)). */
export default async function OfficialSupervisionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, r, error } = await loadSupervisionPage(["official"], "/official/supervision", searchParams);
  return (
    <div className="space-y-4">
      <p>
        <Link href="/official" className="text-brand-700 underline">
          ← 返回落户工作统计
        </Link>
      </p>
      <h1 className="page-title">违规设置落户条件监督</h1>
      <AlertMessage message={error}>
        {" "}
        <Link href="/official/supervision" className="underline">
          查看本年度
        </Link>
      </AlertMessage>
      {r && <SupervisionView r={r} basePath="/official/supervision" scopeLabel={user.countyCode ? countyName(user.countyCode) : "全市"} auditLinks={false} />}
    </div>
  );
}
