import Link from "next/link";
import { loadSupervisionPage } from "@/lib/supervision/load-supervision-page";
import { SupervisionView } from "@/components/audit/supervision-view";
import { AlertMessage } from "@/components/forms/alert-message";

export const metadata = { title: "违规设置落户条件监督" };

/** Auditors: attempts to impose forbidden or unset conditions across the city (四(四)). */
export default async function AuditSupervisionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { r, error } = await loadSupervisionPage(["auditor"], "/audit/supervision", searchParams);
  return (
    <div className="space-y-4">
      <p>
        <Link href="/audit" className="text-brand-700 underline">
          ← 返回审计日志
        </Link>
      </p>
      <h1 className="page-title">违规设置落户条件监督</h1>
      <AlertMessage message={error}>
        {" "}
        <Link href="/audit/supervision" className="underline">
          查看本年度
        </Link>
      </AlertMessage>
      {r && <SupervisionView r={r} basePath="/audit/supervision" scopeLabel="全市" auditLinks />}
    </div>
  );
}
