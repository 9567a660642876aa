import { pageError, requirePageUser, runGuarded } from "@/lib/auth/guard";
import { isDomainError } from "@/lib/errors";
import { viewFilingDef } from "@/lib/review/view-filing";
import { answerSummary } from "@/lib/review/answer-summary";
import { CHANNEL_SHORT_LABELS, REVIEW_ACTION_LABELS, formatDate, formatDateTime } from "@/lib/review/labels";
import { actionMap } from "@/lib/review/workflow";
import { EVENT_LABELS } from "@/lib/filings/status";
import { relationLabel } from "@/lib/filings/member-relations";
import { beijingDate } from "@/lib/calendar/working-days";
import { countyName } from "@/lib/places";
import { SUBTYPE_LABELS, type Subtype } from "@/lib/schemas/eligibility";
import { StatusBadge } from "@/components/review/status-badge";
import { DueBadge } from "@/components/review/due-badge";
import { RulesPanelView } from "@/components/review/rules-panel";
import { DuplicatePanel } from "@/components/review/duplicate-panel";
import { DocumentViewer } from "@/components/review/document-viewer";
import { ClaimControls } from "@/components/review/claim-controls";
import { AcceptForm, ApproveForm, RegisterDirectlyForm } from "@/components/review/accept-approve-forms";
import { SupplementForm } from "@/components/review/supplement-form";
import { NoticeCorrectionForms } from "@/components/review/notice-correction-forms";
import { CorrectionForm, RefuseForm } from "@/components/review/refuse-form";
import { MoveOutForm, OriginMoveOutForms, RegistrationForm, ResendMoveOutForm } from "@/components/review/completion-forms";
import { AnswerFacts, Fact, FactGrid } from "@/components/ui/facts";
import { TitledCard } from "@/components/ui/titled-card";
import { BackLink } from "@/components/ui/links";

export const metadata = { title: "审核申请" };

export default async function ReviewFilingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(["clerk"], `/clerk/filings/${encodeURIComponent(id)}`);
  let v;
  try {
    v = await runGuarded(user, viewFilingDef, { applicationId: id });
  } catch (e) {
    if (isDomainError(e) && e.code === "rate_limited")
      return (
        <p className="card text-red-800" role="alert">
          {e.message}
        </p>
      );
    pageError(e);
  }
  const f = v.filing;
  const mine = f.assignedClerk?.id === v.me.id;
  const heldByOther = !!f.assignedClerk && !mine;
  const openNotice = v.notices.find((n) => (n.status === "sent" || n.status === "corrected") && !n.answeredAt) ?? null;
  const docsOf = (memberId: string | null, isSelf: boolean) => v.documents.filter((d) => d.memberId === memberId || (isSelf && d.memberId === null));
  const reasons = v.refusalReasons.map((r) => ({ code: r.code, label: r.label, clause: r.clause }));
  const acts = { applicationId: f.id, version: f.version };
  // What this clerk may do now: the workflow table (lib/review/workflow.ts), never a status comparison here.
  const can = actionMap(v.actions);
  const self = v.members.find((m) => m.relation === "self");
  const people = self ? v.members : [{ id: null, relation: "self", name: f.applicantName, idNumber: f.applicantIdNumber, hukouType: null }, ...v.members];
  // The documents to print: the permit, and the letters (in a new tab).
  const letter = (kind: string) => `/api/letters/${encodeURIComponent(f.id)}/${kind}`;
  const prints = [
    v.printable.permit && { href: `/api/permits/${encodeURIComponent(f.id)}`, testId: "print-permit", text: "下载准迁证（PDF）", newTab: false },
    v.printable.supplement && { href: letter("supplement"), testId: "print-supplement", text: "打印补正告知书（PDF）", newTab: true },
    v.printable.refusal && { href: letter("refusal"), testId: "print-refusal", text: "打印不予批准决定书（PDF）", newTab: true },
  ].filter((p) => !!p);

  return (
    <div className="space-y-4">
      <BackLink href="/clerk">返回受理工作台</BackLink>
      <header className="card">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="page-title mb-0 font-mono" data-testid="filing-reference">
            {f.reference ?? "（无编号）"}
          </h1>
          <span data-testid="filing-status">
            <StatusBadge status={f.status} />
          </span>
        </div>
        <FactGrid className="mt-3">
          <Fact label="落户通道">
            {CHANNEL_SHORT_LABELS[f.channel]}（{v.channelClause}）{f.subtype ? ` · ${SUBTYPE_LABELS[f.subtype as Subtype] ?? f.subtype}` : ""}
          </Fact>
          <Fact label="落户地">
            {countyName(f.destinationCounty)} {f.destinationAddress}
          </Fact>
          <Fact label="提交时间">{formatDateTime(f.submittedAt)}</Fact>
          <Fact label="办理期限">
            <DueBadge due={f.due} dueAt={f.dueAt} />
          </Fact>
          <Fact label="受理派出所">{f.stationName}</Fact>
          {f.residentMobile && (
            <Fact label="申请人手机" testId="resident-mobile">
              {f.residentMobile}
            </Fact>
          )}
          {v.permit && (
            <div>
              <dt className="inline text-slate-600">准迁证：</dt>
              <dd className="inline font-mono" data-testid="permit-number">
                {v.permit.number}
                {v.permit.revokedAt ? `（已于 ${formatDate(v.permit.revokedAt)} 作废）` : `（${formatDate(v.permit.issuedAt)} 签发）`}
              </dd>
              <Fact label="准迁证迁入地址" testId="permit-destination">
                {v.permit.destinationAddress}
              </Fact>
            </div>
          )}
          {f.moveOutOffice && (
            <Fact label="迁出">
              {f.moveOutOffice}，{formatDate(f.movedOutAt)}
            </Fact>
          )}
          {f.collectiveHousehold && <Fact label="落户集体户">{f.collectiveHousehold.name}</Fact>}
        </FactGrid>
        <div className="mt-3 border-t border-slate-200 pt-3">
          <ClaimControls
            applicationId={f.id}
            can={{ claim: !!can.claim, release: !!can.release, assign: !!can.assign }}
            assignedClerk={f.assignedClerk}
            meId={v.me.id}
            clerks={v.clerks}
          />
        </div>
      </header>

      <TitledCard id="people-title" title={`申请人及随迁人员（${people.length}人）`}>
        <ul className="space-y-4">
          {people.map((m) => (
            <li key={m.id ?? "self"} className="rounded border border-slate-200 p-3" data-testid="member">
              <p>
                <span className="font-medium">{m.name}</span>
                <span className="ml-2 text-sm text-slate-600">{relationLabel(m.relation)}</span>
              </p>
              <p className="text-sm">
                身份证号码：<span className="font-mono">{m.idNumber}</span>
                {m.hukouType && <span className="ml-3 text-slate-600">{m.hukouType === "rural" ? "农业户口" : "城镇户口"}</span>}
              </p>
              <h3 className="mt-2 text-sm font-semibold">材料</h3>
              <DocumentViewer
                docs={docsOf(m.id, m.relation === "self")}
                applicationId={f.id}
                check={v.atDestination && (can.accept || can.approve || can.refuse) ? { reasons: v.documentRejectionReasons } : null}
              />
            </li>
          ))}
        </ul>
      </TitledCard>

      <TitledCard id="answers-title" title="申请信息">
        <AnswerFacts answers={answerSummary(f.answers)} />
      </TitledCard>

      <RulesPanelView panel={v.panel} />
      <DuplicatePanel hits={v.duplicates} />

      {v.notices.map((n, k) => (
        <section key={n.id} className="card" aria-label="补正告知" data-testid="notice" data-status={n.status}>
          <h2 className="mb-1 text-lg font-semibold">
            一次性补正告知{v.notices.length > 1 ? `（第${k + 1}次）` : ""}
            {n.status === "corrected" && <span className="ml-2 rounded bg-sky-100 px-1 text-sm text-sky-900">已由所长更正（第{n.revision}版）</span>}
            {n.status === "withdrawn" && <span className="ml-2 rounded bg-slate-200 px-1 text-sm">已撤回</span>}
          </h2>
          <p className="text-sm text-slate-600">
            {formatDateTime(n.requestedAt)} 发出，补正期限至 {formatDate(n.dueAt)}
            {n.answeredAt
              ? `；申请人已于 ${formatDateTime(n.answeredAt)} 补正`
              : n.withdrawnAt
                ? `；${formatDateTime(n.withdrawnAt)} 撤回：${n.withdrawReason ?? ""}`
                : "；申请人尚未补正"}
          </p>
          <ol className="mt-2 list-decimal pl-5 text-sm">
            {n.items.map((it, i) => (
              <li key={i}>
                {it.memberName}：{it.label}
                {it.clause ? `（${it.clause}）` : ""}
                {it.clarification && <span className="text-slate-700"> — 说明：{it.clarification}</span>}
                {n.responses[i] && <p className="text-slate-700">申请人补正说明：{n.responses[i]}</p>}
              </li>
            ))}
          </ol>
          {n.note && <p className="mt-2 text-sm">说明：{n.note}</p>}
        </section>
      ))}

      <section className="card space-y-3" aria-labelledby="actions-title">
        <h2 id="actions-title" className="text-lg font-semibold">
          办理
        </h2>
        {prints.length > 0 && (
          <nav aria-label="打印" className="flex flex-wrap gap-3 text-sm" data-testid="print-links">
            {prints.map((p) => (
              <a
                key={p.testId}
                className="btn-secondary"
                href={p.href}
                {...(p.newTab && { target: "_blank", rel: "noopener noreferrer" })}
                data-testid={p.testId}
              >
                {p.text}
              </a>
            ))}
          </nav>
        )}
        {heldByOther && v.actions.length === (can.assign ? 1 : 0) && !v.closedNote && (
          <p className="rounded bg-amber-50 p-2 text-sm text-amber-900">
            该申请由{f.assignedClerk?.realName}办理，您只能查看。{can.assign ? "作为所长，您可以改派（包括改派给自己）。" : "如需接手，请联系所长改派。"}
          </p>
        )}
        {can.accept && <AcceptForm {...acts} reference={f.reference} disabledReason={can.accept.disabledReason} />}
        {can.approve && (
          <ApproveForm
            {...acts}
            reference={f.reference}
            disabledReason={can.approve.disabledReason}
            originStationName={v.originPreview}
            households={v.settlementPath === "collective_household" ? v.households : undefined}
          />
        )}
        {can.request_supplement && (
          <>
            {v.rejectedItems.length > 0 && (
              <p className="text-sm text-slate-700" data-testid="rejected-for-notice">
                核验不合格、将在补正告知中要求重新提交：{v.rejectedItems.map((r) => `${r.memberName}的${r.label}`).join("；")}
              </p>
            )}
            <SupplementForm {...acts} options={v.noticeOptions} members={v.members} supplementDays={v.timeLimits.supplementWorkingDays} />
          </>
        )}
        {can.refuse && (
          <>
            {v.filing.supplementAnsweredAt === null && !can.accept && !can.approve && (
              <p className="text-sm text-slate-700">等待申请人补正材料。补正期限届满仍未补正的，可以“未在规定期限内补正材料”为由不予批准。</p>
            )}
            <RefuseForm
              {...acts}
              reasons={reasons}
              reference={f.reference}
              supplementExpired={v.supplementExpired}
              remedies={`${v.remedies.review}${v.remedies.lawsuit}`}
            />
          </>
        )}
        {can.confirm_move_out && <OriginMoveOutForms {...acts} reasons={v.moveOutReturnReasons} destination={f.stationName} />}
        {f.originStation && !v.atDestination && !can.confirm_move_out && <p className="text-sm text-slate-700">该申请的迁出已由本所处理，当前状态见上方。</p>}
        {v.me.isStationHead && openNotice && (
          <NoticeCorrectionForms
            {...acts}
            noticeId={openNotice.id}
            current={openNotice.items.map((it) => ({ code: it.code, memberId: it.memberId, clarification: it.clarification }))}
            options={v.noticeOptions}
            members={v.members}
            restartsClock={v.supplementSettings.correctionRestartsClock}
          />
        )}
        {v.atDestination && f.originStation && !f.moveOutReturnedAt && !f.movedOutAt && (
          <p className="rounded bg-teal-50 p-2 text-sm text-teal-900" data-testid="origin-waiting">
            原籍在本市：已于 {formatDateTime(f.moveOutRequestedAt)} 发送{f.originStation.name}在系统内确认迁出，无需手工登记。
          </p>
        )}
        {can.resend_move_out && <ResendMoveOutForm {...acts} reason={f.moveOutReturnReason} />}
        {can.record_move_out && <MoveOutForm {...acts} today={beijingDate(v.now)} offices={v.moveOut.offices} region={v.moveOut.region} />}
        {can.record_registration && (
          <RegistrationForm {...acts} collective={v.settlementPath === "collective_household" && !f.collectiveHousehold} households={v.households} />
        )}
        {can.register_directly && <RegisterDirectlyForm {...acts} reference={f.reference} disabledReason={can.register_directly.disabledReason} />}
        {(can.reopen || can.revoke) && <CorrectionForm {...acts} kind={can.reopen ? "reopen" : "revoke"} reasons={reasons} />}
        {v.closedNote && <p className="text-sm text-slate-700">{v.closedNote}</p>}
      </section>

      <TitledCard id="timeline-title" title="办理记录">
        <ol className="space-y-2 border-l-2 border-slate-300 pl-4 text-sm" data-testid="timeline">
          {v.timeline.map((e) => (
            <li key={e.id}>
              <p>
                <span className="font-medium">{EVENT_LABELS[e.type] ?? e.type}</span>
                <span className="ml-2 text-slate-600">{formatDateTime(e.at)}</span>
                {e.actorName && <span className="ml-2 text-slate-600">{e.actorRole === "resident" ? "申请人" : e.actorName}</span>}
              </p>
              {e.note && <p className="text-slate-700">{e.note}</p>}
            </li>
          ))}
        </ol>
        {v.reviewActions.length > 0 && (
          <>
            <h3 className="mt-4 text-sm font-semibold">民警操作</h3>
            <ul className="mt-1 space-y-1 text-sm text-slate-700">
              {v.reviewActions.map((r) => (
                <li key={r.id}>
                  {formatDateTime(r.at)} {r.clerkName}：{REVIEW_ACTION_LABELS[r.action] ?? r.action}
                  {r.reasonCodes.length > 0 && `（${r.reasonCodes.map((c) => reasons.find((x) => x.code === c)?.label ?? c).join("；")}）`}
                </li>
              ))}
            </ul>
          </>
        )}
      </TitledCard>
    </div>
  );
}
