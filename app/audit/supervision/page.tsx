import Link from "next/link";
import { requirePageUser, pageError, runGuarded } from "@/lib/auth/guard";
import { isDomainError } from "@/lib/errors";
import { viewSupervisionDef, type SupervisionReport } from "@/lib/supervision/supervision";
import { SupervisionView } from "@/components/audit/supervision-view";
import { AlertMessage } from "@/components/forms/alert-message";

export const metadata = { title: "违规设置落户条件监督" };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** Auditors: attempts to impose forbidden or unset conditions across the city (四(四)). */
export default async function AuditSupervisionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser(["auditor"], "/audit/supervision");
  const sp = await searchParams;
  let r: SupervisionReport | null = null;
  let error: string | null = null;
  try {
    r = await runGuarded(user, viewSupervisionDef, { from: one(sp.from), to: one(sp.to), station: one(sp.station), clerk: one(sp.clerk) });
  } catch (e) {
    if (isDomainError(e) && e.code === "validation_failed") error = e.issues.map((i) => i.message).join("；") || e.message;
    else pageError(e);
  }
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
