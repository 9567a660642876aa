import { loadSupervisionPage } from "@/lib/supervision/load-supervision-page";
import { SUPERVISION_TITLE, SupervisionPage } from "@/components/supervision/supervision-view";

export const metadata = { title: SUPERVISION_TITLE };

/** Auditors: attempts to impose forbidden or unset conditions across the city (四(四)). */
export default async function AuditSupervisionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { r, error } = await loadSupervisionPage(["auditor"], "/audit/supervision", searchParams);
  return <SupervisionPage back={{ href: "/audit", label: "返回审计日志" }} r={r} error={error} basePath="/audit/supervision" scopeLabel="全市" auditLinks />;
}
