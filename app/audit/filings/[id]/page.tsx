import Link from "next/link";
import { requirePageUser, pageError, runGuarded } from "@/lib/auth/guard";
import { AUDIT_READER_ROLES } from "@/lib/supervision/query-audit";
import { viewFilingForAuditDef } from "@/lib/supervision/view-filing-audit";
import { STATUS_LABELS, EVENT_LABELS } from "@/lib/filings/status";
import { CHANNEL_SHORT_LABELS, REVIEW_ACTION_LABELS, formatDateTime } from "@/lib/review/labels";
import { relationLabel } from "@/lib/filings/member-relations";
import { DOCUMENT_LABELS, type DocumentCode } from "@/lib/schemas/eligibility";
import { countyName } from "@/lib/places";
import { formatBeijing } from "@/lib/csv";
import { AnswerFacts, Fact, FactGrid } from "@/components/ui/facts";
import { TitledCard, TitledSection } from "@/components/ui/titled-card";
import { RegionTable } from "@/components/ui/list-table";
import { BackLink } from "@/components/ui/links";
import type { PageArgs } from "@/lib/http/page-args";

export const metadata = { title: "审计：申请详情" };

const NOTICE_STATUS: Record<string, string> = { sent: "已发出", corrected: "已更正", withdrawn: "已撤回", answered: "已补正" };

/** The auditor's read-only view of one filing (四(四)); opening it is itself audited. */
export default async function AuditFilingPage({ params, searchParams }: PageArgs<{ id: string }>) {
  const { id } = await params;
  const sp = await searchParams;
  const user = await requirePageUser(AUDIT_READER_ROLES, `/audit/filings/${encodeURIComponent(id)}`);
  const before = typeof sp.before === "string" ? sp.before : undefined;
  const v = await runGuarded(user, viewFilingForAuditDef, { applicationId: id, before }).catch(pageError);
  const f = v.filing;
  const docLabel = (t: string) => DOCUMENT_LABELS[t as DocumentCode] ?? (t === "supplement_attachment" ? "补正附件" : t);

  return (
    <div className="space-y-4" data-testid="audit-filing">
      <BackLink href="/audit">返回审计日志</BackLink>
      <header className="card">
        <h1 className="page-title mb-1 font-mono">{f.reference ?? "（无编号）"}</h1>
        <p className="text-sm text-slate-600">只读视图：本次查看已记入审计日志。</p>
        <FactGrid className="mt-2">
          <Fact label="状态">{STATUS_LABELS[f.status]}</Fact>
          <Fact label="落户通道">{CHANNEL_SHORT_LABELS[f.channel]}</Fact>
          <Fact label="落户地">
            {countyName(f.destinationCounty)} {f.destinationAddress}
          </Fact>
          <Fact label="受理派出所">{f.stationName ?? "—"}</Fact>
          <Fact label="提交时间">{formatDateTime(f.submittedAt)}</Fact>
          <Fact label="决定时间">{formatDateTime(f.decidedAt)}</Fact>
        </FactGrid>
      </header>

      <TitledCard id="af-people" title="人员与材料">
        <ul className="space-y-2 text-sm">
          {v.members.map((m, i) => (
            <li key={m.id}>
              <p>
                <span className="font-medium">{m.name}</span>（{relationLabel(m.relation)}）<span className="ml-2 font-mono">{m.idNumber}</span>
              </p>
              <ul className="ml-4 list-disc">
                {v.documents
                  .filter((d) => d.memberId === m.id || (i === 0 && d.memberId === null))
                  .map((d) => (
                    <li key={d.id}>
                      {docLabel(d.docType)} · {d.fileName} · {formatDateTime(d.uploadedAt)}
                      {d.removedAt ? `（已于 ${formatDateTime(d.removedAt)} 删除）` : ""}
                      {d.noticeId ? "（补正上传）" : ""}
                    </li>
                  ))}
              </ul>
            </li>
          ))}
        </ul>
      </TitledCard>

      <TitledCard id="af-answers" title="申请信息">
        <AnswerFacts answers={v.answers} />
      </TitledCard>

      <TitledCard id="af-decisions" title="决定与民警操作">
        <ul className="space-y-1 text-sm" data-testid="audit-decisions">
          {v.decisions.map((d) => (
            <li key={d.id}>
              {formatDateTime(d.at)} {d.clerkName}：{REVIEW_ACTION_LABELS[d.action] ?? d.action}
              {d.reasons.length > 0 && `（${d.reasons.map((r) => `${r.label}${r.clause ? `，依据${r.clause}` : ""}`).join("；")}）`}
              {d.note && <span className="text-slate-700"> 说明：{d.note}</span>}
            </li>
          ))}
          {v.decisions.length === 0 && <li className="text-slate-600">暂无。</li>}
        </ul>
      </TitledCard>

      {v.notices.length > 0 && (
        <TitledCard id="af-notices" title="补正告知">
          {v.notices.map((n, k) => (
            <div key={n.id} className="mb-3 text-sm">
              <p className="font-medium">
                第{k + 1}次 · {NOTICE_STATUS[n.status] ?? n.status} · 第{n.revision}版 · {formatDateTime(n.requestedAt)} 发出
                {n.withdrawReason ? ` · 撤回理由：${n.withdrawReason}` : ""}
              </p>
              <ol className="ml-5 list-decimal">
                {n.items.map((it, i) => (
                  <li key={i}>
                    {it.memberName}：{it.label}
                    {it.clause ? `（${it.clause}）` : ""}
                    {it.clarification ? ` — 说明：${it.clarification}` : ""}
                  </li>
                ))}
              </ol>
              {n.history.map((h) => (
                <details key={h.revision} className="ml-5">
                  <summary>
                    第{h.revision}版（{h.replacedAt ? formatBeijing(new Date(h.replacedAt)) : ""} 被更正：{h.reason}）
                  </summary>
                  <ol className="ml-5 list-decimal">
                    {h.items.map((it, i) => (
                      <li key={i}>
                        {it.memberName}：{it.label}
                        {it.clarification ? ` — 说明：${it.clarification}` : ""}
                      </li>
                    ))}
                  </ol>
                </details>
              ))}
            </div>
          ))}
        </TitledCard>
      )}

      <TitledCard id="af-timeline" title="办理记录">
        <ol className="space-y-1 border-l-2 border-slate-300 pl-4 text-sm">
          {v.timeline.map((e) => (
            <li key={e.id}>
              <span className="font-medium">{EVENT_LABELS[e.type] ?? e.type}</span>
              <span className="ml-2 text-slate-600">{formatDateTime(e.at)}</span>
              {e.actorName && <span className="ml-2 text-slate-600">{e.actorRole === "resident" ? "申请人" : e.actorName}</span>}
              {e.note && <p className="text-slate-700">{e.note}</p>}
            </li>
          ))}
        </ol>
      </TitledCard>

      <TitledSection id="af-audit" title="本申请的审计记录">
        <RegionTable labelledBy="af-audit" testId="audit-filing-events" columns={["序号", "时间", "操作", "操作人", "详情"]}>
          {v.auditEvents.rows.map((r) => (
            <tr key={r.id}>
              <td className="tabular-nums">{r.id}</td>
              <td className="whitespace-nowrap">{formatBeijing(r.at)}</td>
              <td className="font-mono text-xs">{r.action}</td>
              <td>{r.actorName ?? "—"}</td>
              <td className="max-w-md break-all font-mono text-xs">{r.details ?? "—"}</td>
            </tr>
          ))}
        </RegionTable>
        {v.auditEvents.nextBefore && (
          <Link href={`/audit/filings/${encodeURIComponent(f.id)}?before=${v.auditEvents.nextBefore}`} className="btn-secondary mt-3">
            更早的记录
          </Link>
        )}
      </TitledSection>
    </div>
  );
}
