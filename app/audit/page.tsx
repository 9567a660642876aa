import Link from "next/link";
import { requirePageUser, pageError, runGuarded, runQuery } from "@/lib/auth/guard";
import { TwoFactorHint } from "@/components/two-factor-hint";
import { isDomainError } from "@/lib/errors";
import { AUDIT_READER_ROLES, auditStationsQuery, listAuditEventsDef, type AuditPage } from "@/lib/supervision/query-audit";
import { ROLE_LABELS, type Role } from "@/lib/auth/roles";
import { formatBeijing } from "@/lib/csv";
import { countyName } from "@/lib/places";
import { VerifyPanel } from "./verify-panel";
import { RegionTable } from "@/components/ui/list-table";
import { AlertMessage } from "@/components/forms/alert-message";
import { FilterField } from "@/components/forms/filter-field";
import type { PageArgs } from "@/lib/http/page-args";
import { TitledSection } from "@/components/ui/titled-card";

export const metadata = { title: "审计日志" };

const FILTERS = ["person", "station", "action", "filing", "from", "to"] as const;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** The auditors' read-only view of the trail (四(四)): filters, pages, CSV export and chain verification. */
export default async function AuditPageView({ searchParams }: PageArgs) {
  const user = await requirePageUser(AUDIT_READER_ROLES, "/audit");
  const sp = await searchParams;
  const f = Object.fromEntries(FILTERS.map((k) => [k, one(sp[k]).slice(0, 100)])) as Record<(typeof FILTERS)[number], string>;
  const stations = await runQuery(user, auditStationsQuery);
  let page: AuditPage | null = null;
  let error: string | null = null;
  try {
    page = await runGuarded(user, listAuditEventsDef, { ...f, before: one(sp.before) || undefined });
  } catch (e) {
    if (isDomainError(e) && e.code === "validation_failed") error = e.issues.map((i) => i.message).join("；") || e.message;
    else pageError(e);
  }
  const qs = (extra: Record<string, string>) => {
    const p = new URLSearchParams();
    for (const k of FILTERS) if (f[k]) p.set(k, f[k]);
    for (const [k, v] of Object.entries(extra)) p.set(k, v);
    return p.toString();
  };
  const filtered = FILTERS.some((k) => f[k]);

  return (
    <div className="space-y-6">
      <h1 className="page-title">审计日志</h1>
      <nav aria-label="审计功能" className="flex flex-wrap gap-3 text-sm">
        <Link href="/audit/supervision" className="text-brand-700 underline">
          违规设置落户条件监督（四(四)）
        </Link>
      </nav>
      <TwoFactorHint user={user} />
      <VerifyPanel />

      <form method="get" action="/audit" className="card grid gap-3 sm:grid-cols-3" aria-label="筛选审计记录">
        <FilterField id="a-person" name="person" label="操作人（用户名、手机号或姓名）" defaultValue={f.person} />
        <div>
          <label htmlFor="a-station" className="label">
            派出所
          </label>
          <select id="a-station" name="station" defaultValue={f.station} className="input">
            <option value="">全部</option>
            {stations.map((s) => (
              <option key={s.id} value={s.id}>
                {countyName(s.countyCode)} · {s.name}
              </option>
            ))}
          </select>
        </div>
        <FilterField id="a-action" name="action" label="操作（如 review.refuse，或以点结尾的前缀 review.）" defaultValue={f.action} />
        <FilterField id="a-filing" name="filing" label="申请编号" defaultValue={f.filing} placeholder="SMX-2026-000123" />
        <FilterField id="a-from" name="from" label="开始日期" type="date" defaultValue={f.from} />
        <FilterField id="a-to" name="to" label="结束日期" type="date" defaultValue={f.to} />
        <div className="flex flex-wrap gap-3 sm:col-span-3">
          <button type="submit" className="btn-primary">
            筛选
          </button>
          {filtered && (
            <Link href="/audit" className="btn-secondary">
              清除筛选
            </Link>
          )}
          <a href={`/api/export/audit?${qs({})}`} className="btn-secondary" download>
            导出CSV{filtered ? "（按当前筛选）" : "（全部）"}
          </a>
        </div>
      </form>

      <AlertMessage message={error} />

      {page && (
        <TitledSection id="events-title" title="审计记录（最新在前）">
          <RegionTable labelledBy="events-title" testId="audit-table" columns={["序号", "时间", "操作", "操作人", "派出所", "申请", "IP", "详情"]}>
            {page.rows.map((r) => (
              <tr key={r.id}>
                <td className="tabular-nums">{r.id}</td>
                <td className="whitespace-nowrap">{formatBeijing(r.at)}</td>
                <td className="font-mono text-xs">{r.action}</td>
                <td className="whitespace-nowrap">
                  {r.actorName ?? "—"}
                  {r.actorRole && (
                    <div className="text-xs text-slate-600">
                      {ROLE_LABELS[r.actorRole as Role] ?? r.actorRole}
                      {r.actorLogin ? ` · ${r.actorLogin}` : ""}
                    </div>
                  )}
                </td>
                <td>{r.stationName ?? "—"}</td>
                <td className="whitespace-nowrap">
                  {r.applicationId ? (
                    <Link href={`/audit/filings/${encodeURIComponent(r.applicationId)}`} className="text-brand-700 underline" data-testid="audit-filing-link">
                      {r.applicationReference ?? r.applicationId.slice(0, 10)}
                    </Link>
                  ) : (
                    "—"
                  )}
                </td>
                <td className="font-mono text-xs">{r.ip ?? "—"}</td>
                <td className="max-w-xs break-all font-mono text-xs">
                  {r.details ? (
                    r.details.length > 160 ? (
                      <details>
                        <summary>{r.details.slice(0, 80)}…</summary>
                        {r.details}
                      </details>
                    ) : (
                      r.details
                    )
                  ) : (
                    "—"
                  )}
                  {r.entityType && (
                    <div className="text-slate-600">
                      {r.entityType}
                      {r.entityId ? `: ${r.entityId}` : ""}
                    </div>
                  )}
                </td>
              </tr>
            ))}
            {page.rows.length === 0 && (
              <tr>
                <td colSpan={8} className="text-slate-600">
                  没有符合条件的审计记录。
                </td>
              </tr>
            )}
          </RegionTable>
          <nav className="mt-3 flex gap-3" aria-label="翻页">
            {one(sp.before) && (
              <Link href={`/audit?${qs({})}`} className="btn-secondary">
                回到最新
              </Link>
            )}
            {page.nextBefore && (
              <Link href={`/audit?${qs({ before: page.nextBefore })}`} className="btn-secondary">
                下一页（更早的记录）
              </Link>
            )}
          </nav>
        </TitledSection>
      )}
    </div>
  );
}
