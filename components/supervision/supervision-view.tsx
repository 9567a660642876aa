import Link from "next/link";
import type { SupervisionReport } from "@/lib/supervision/supervision";
import { FORBIDDEN_CRITERION_INFO } from "@/lib/rules/forbidden-criteria";
import { formatBeijing } from "@/lib/csv";
import { countyName } from "@/lib/places";
import { RegionTable } from "@/components/ui/list-table";
import { TitledSection } from "@/components/ui/titled-card";
import { BackLink, LinkOrText, TextLink } from "@/components/ui/links";
import { FilterField } from "@/components/forms/filter-field";
import { AlertMessage } from "@/components/forms/alert-message";

/** Conditions the plan never sets, for criteria the guard may name beyond its table. */
const OTHER_CRITERIA: Record<string, string> = {
  social_insurance: "社保缴纳年限",
  residence_duration: "居住年限",
  quota: "落户名额或指标",
};

export function criterionLabel(c: string): string {
  return (FORBIDDEN_CRITERION_INFO as Record<string, { label: string } | undefined>)[c]?.label ?? OTHER_CRITERIA[c] ?? c;
}

export const SUPERVISION_TITLE = "违规设置落户条件监督";

/**
 * The supervision page of officials and auditors: the way back, the title, the message of a
 * malformed period (with the way to this year), and the report.
 */
export function SupervisionPage({
  back,
  r,
  error,
  ...view
}: {
  back: { href: string; label: string };
  r: SupervisionReport | null;
  error: string | null;
  basePath: string;
  scopeLabel: string;
  auditLinks: boolean;
}) {
  return (
    <div className="space-y-4">
      <BackLink href={back.href}>{back.label}</BackLink>
      <h1 className="page-title">{SUPERVISION_TITLE}</h1>
      <AlertMessage message={error}>
        {" "}
        <Link href={view.basePath} className="underline">
          查看本年度
        </Link>
      </AlertMessage>
      {r && <SupervisionView r={r} {...view} />}
    </div>
  );
}

/**
 * 四(四) supervision: refused attempts to impose forbidden or unset conditions, per station and
 * per clerk, with the refused texts as the drill-down. Shared by the officials' and auditors' pages.
 */
export function SupervisionView({ r, basePath, scopeLabel, auditLinks }: { r: SupervisionReport; basePath: string; scopeLabel: string; auditLinks: boolean }) {
  const q = (extra: Record<string, string | null>) => {
    const p = new URLSearchParams({ from: r.period.from, to: r.period.to });
    for (const [k, v] of Object.entries(extra)) if (v) p.set(k, v);
    return `${basePath}?${p.toString()}`;
  };
  const drilled = r.filter.station || r.filter.clerk;
  return (
    <div className="space-y-6">
      <form method="get" action={basePath} className="card flex flex-wrap items-end gap-3" aria-label="选择期间">
        <FilterField id="sv-from" name="from" label="开始日期" type="date" defaultValue={r.period.from} />
        <FilterField id="sv-to" name="to" label="结束日期" type="date" defaultValue={r.period.to} />
        <button type="submit" className="btn-primary">
          查看
        </button>
      </form>

      <section className="card" aria-labelledby="sv-total">
        <h2 id="sv-total" className="text-lg font-semibold">
          {scopeLabel} {r.period.from} 至 {r.period.to}
        </h2>
        <p className="mt-1">
          试图以禁止或未设定的条件（购房、投资、纳税、积分、放弃农村土地权益、社保或居住年限、名额等）办理落户、被系统拦截：
          <strong className="text-2xl tabular-nums" data-testid="supervision-total">
            {r.total}
          </strong>{" "}
          次
        </p>
        {r.byCriterion.length > 0 && (
          <ul className="mt-2 flex flex-wrap gap-2 text-sm">
            {r.byCriterion.map((c) => (
              <li key={`${c.criterion}|${c.clause}`} className="rounded bg-slate-100 px-2 py-1">
                {criterionLabel(c.criterion)}（{c.clause ?? "—"}）：{c.attempts}
              </li>
            ))}
          </ul>
        )}
      </section>

      <TitledSection id="sv-stations" title="按派出所">
        <RegionTable labelledBy="sv-stations" testId="supervision-stations" columns={["派出所", "县级单位", "次数", "涉及民警"]}>
          {r.byStation.map((s) => (
            <tr key={s.stationId ?? "none"}>
              <td>
                <LinkOrText href={s.stationId && q({ station: s.stationId })}>{s.stationName}</LinkOrText>
              </td>
              <td>{s.countyCode ? countyName(s.countyCode) : "—"}</td>
              <td className="tabular-nums">{s.attempts}</td>
              <td className="tabular-nums">{s.clerks}</td>
            </tr>
          ))}
          {r.byStation.length === 0 && (
            <tr>
              <td colSpan={4} className="text-slate-600">
                本期间没有被拦截的违规条件。
              </td>
            </tr>
          )}
        </RegionTable>
      </TitledSection>

      <TitledSection id="sv-clerks" title="按民警">
        <RegionTable labelledBy="sv-clerks" testId="supervision-clerks" columns={["民警", "派出所", "次数"]}>
          {r.byClerk.map((c) => (
            <tr key={`${c.actorId}|${c.stationId}`}>
              <td>
                <LinkOrText href={c.actorId && q({ clerk: c.actorId })}>{c.actorName}</LinkOrText>
              </td>
              <td>{c.stationName}</td>
              <td className="tabular-nums">{c.attempts}</td>
            </tr>
          ))}
        </RegionTable>
      </TitledSection>

      <TitledSection
        id="sv-events"
        title={
          <>
            {drilled ? "所选范围的拦截记录" : "最近的拦截记录"}
            {drilled && (
              <TextLink href={q({})} className="ml-3 text-sm font-normal">
                查看全部
              </TextLink>
            )}
          </>
        }
      >
        <RegionTable labelledBy="sv-events" testId="supervision-events" columns={["时间", "民警", "派出所", "申请", "被拦截的内容", "条件 / 条款"]}>
          {r.events.map((e) => (
            <tr key={e.id}>
              <td className="whitespace-nowrap">{formatBeijing(e.at)}</td>
              <td>{e.actorName ?? "—"}</td>
              <td>{e.stationName ?? "—"}</td>
              <td className="whitespace-nowrap">
                {auditLinks && e.applicationId ? (
                  <TextLink href={`/audit/filings/${encodeURIComponent(e.applicationId)}`}>{e.reference ?? e.applicationId.slice(0, 10)}</TextLink>
                ) : (
                  (e.reference ?? "—")
                )}
              </td>
              <td className="max-w-xs break-all">{e.text ?? "—"}</td>
              <td>
                {criterionLabel(e.criterion)}（{e.clause ?? "—"}）
                {auditLinks && (
                  <div>
                    <TextLink
                      href={`/audit?action=${encodeURIComponent(e.action)}${e.reference ? `&filing=${encodeURIComponent(e.reference)}` : ""}`}
                      className="text-xs"
                    >
                      审计日志
                    </TextLink>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </RegionTable>
      </TitledSection>
    </div>
  );
}
