import { loadSupervisionPage } from "@/lib/supervision/load-supervision-page";
import { countyName } from "@/lib/places";
import { SUPERVISION_TITLE, SupervisionPage } from "@/components/supervision/supervision-view";
import type { PageArgs } from "@/lib/http/page-args";

export const metadata = { title: SUPERVISION_TITLE };

/** Officials: attempts to impose forbidden or unset conditions in their county (a city official: the city) (四(四)). */
export default async function OfficialSupervisionPage({ searchParams }: PageArgs) {
  const { user, r, error } = await loadSupervisionPage(["official"], "/official/supervision", searchParams);
  return (
    <SupervisionPage
      back={{ href: "/official", label: "返回落户工作统计" }}
      r={r}
      error={error}
      basePath="/official/supervision"
      scopeLabel={user.countyCode ? countyName(user.countyCode) : "全市"}
      auditLinks={false}
    />
  );
}
