import { loadSupervisionPage } from "@/lib/supervision/load-supervision-page";
import { SUPERVISION_TITLE, SupervisionPage } from "@/components/supervision/supervision-view";
import type { PageArgs } from "@/lib/http/page-args";

export const metadata = { title: SUPERVISION_TITLE };

/** Auditors: attempts to impose forbidden or unset conditions across the city (四(四)). */
export default async function AuditSupervisionPage({ searchParams }: PageArgs) {
  const { r, error } = await loadSupervisionPage(["auditor"], "/audit/supervision", searchParams);
  return <SupervisionPage back={{ href: "/audit", label: "返回审计日志" }} r={r} error={error} basePath="/audit/supervision" scopeLabel="全市" auditLinks />;
}
