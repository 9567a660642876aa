import Link from "next/link";
import { runQuery } from "@/lib/auth/guard";
import { assessMyDraftQuery, stationNameQuery } from "@/lib/filings/load-resident-pages";
import { relationWords } from "@/lib/filings/relation-words";
import { divisionName } from "@/lib/divisions/divisions";
import { randomUUID } from "node:crypto";
import { draftForPage } from "../../draft-page";
import { relationLabel } from "@/lib/filings/member-relations";
import { destinationTitle, detailsTitle } from "@/lib/filings/filing-tasks";
import { countyName } from "@/lib/places";
import { CHANNEL_LABELS, RELATION_LABELS, SUBTYPE_LABELS, TENURE_LABELS, type Subtype } from "@/lib/schemas/eligibility";
import { maskIdNumber } from "@/lib/schemas/id-number";
import type { FilingAnswers } from "@/lib/filings/filing-answers";
import { StepForm, CheckboxInput } from "@/components/filing/step-form";
import { submitFilingAction } from "../../actions";

export const metadata = { title: "核对并提交" };

type Row = { label: string; value: string };
const yn = (v: boolean | undefined) => (v === undefined ? "未填写" : v ? "是" : "否");

function detailRows(channel: string, a: FilingAnswers): Row[] {
  switch (channel) {
    case "residence":
      return [
        { label: "住所性质", value: a.residence?.tenure ? TENURE_LABELS[a.residence.tenure] : "未填写" },
        { label: "是否合法建筑", value: yn(a.residence?.legal) },
      ];
    case "talent":
      return [
        { label: "住所情况", value: a.noStableResidence ? "暂无合法稳定住所" : a.residence?.tenure ? TENURE_LABELS[a.residence.tenure] : "未填写" },
        { label: "是否已就业", value: yn(a.employment?.employed) + (a.employment?.employerName ? `（${a.employment.employerName}）` : "") },
      ];
    case "rural_student":
      return [
        { label: "院校", value: a.schoolName ?? "未填写" },
        { label: "是否已就业", value: yn(a.employment?.employed) + (a.employment?.employerName ? `（${a.employment.employerName}）` : "") },
      ];
    case "family":
      return [
        { label: "投靠人", value: a.principal?.name ? `${a.principal.name}（${a.principal.idNumber ? maskIdNumber(a.principal.idNumber) : ""}）` : "未填写" },
        { label: "投靠人是您的", value: a.principal?.relation ? RELATION_LABELS[a.principal.relation] : "未填写" },
        { label: "共同居住生活", value: yn(a.principal?.livesTogether) },
        { label: "投靠人在落户地有户口", value: yn(a.principal?.hasHukouAtDestination) },
      ];
    case "collective":
      return [
        { label: "就业单位", value: a.employment?.employerName ?? "未填写" },
        { label: "在就业地有合法稳定住所", value: a.employment ? yn(!!a.residence) : "未填写" },
        { label: "有可投靠的直系亲属", value: yn(a.hasDirectRelativeToJoin) },
        { label: "就业单位有集体户口", value: yn(a.employment?.employerHasCollectiveHousehold) },
      ];
  }
  return [];
}

function Section({ title, href, rows, testId }: { title: string; href: string; rows: Row[]; testId?: string }) {
  return (
    <section className="card" data-testid={testId}>
      <div className="mb-2 flex items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">{title}</h2>
        <Link href={href} className="text-brand-700 underline">
          修改<span className="sr-only">{title}</span>
        </Link>
      </div>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[10rem_1fr]">
        {rows.map((r) => (
          <div key={r.label} className="contents">
            <dt className="text-sm text-slate-600">{r.label}</dt>
            <dd className="mb-1 break-words">{r.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export default async function CheckPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, draft, answers: a } = await draftForPage(id, "check");
  const { checklist, tasks, ready, ruleSet } = await runQuery(user, assessMyDraftQuery, draft);
  const station = a.destination ? await runQuery(user, stationNameQuery, a.destination.stationId) : null;
  const base = `/apply/${draft.id}`;
  const change = (page: string) => `${base}/${page}?return=check`;
  const open = tasks.filter((t) => t.key !== "check" && t.status !== "completed");
  const warnings = checklist.persons.filter((p) => p.outcome === "ineligible");
  return (
    <div className="space-y-5">
      <h1 className="page-title">核对并提交</h1>
      {open.length > 0 && (
        <div role="alert" className="rounded border border-amber-300 bg-amber-50 p-3">
          <p className="font-medium">以下内容尚未完成，完成后才能提交：</p>
          <ul className="mt-1 list-disc pl-5">
            {open.map((t) => (
              <li key={t.key}>
                <Link href={t.href} className="text-brand-700 underline">
                  {t.title}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      <Section
        title="申请类别"
        href={change("channel")}
        rows={[
          {
            label: "落户通道",
            value: CHANNEL_LABELS[draft.channel] + (draft.subtype ? ` · ${SUBTYPE_LABELS[draft.subtype as Subtype] ?? draft.subtype}` : ""),
          },
        ]}
      />
      <Section
        title="申请人信息"
        href={change("applicant")}
        rows={[
          { label: "姓名", value: draft.applicantName },
          { label: "公民身份号码", value: maskIdNumber(draft.applicantIdNumber) },
          { label: "户口性质", value: a.applicant ? (a.applicant.hukouType === "rural" ? "农业户口" : "非农业户口") : "未填写" },
          { label: "户口所在地", value: divisionName(a.applicant?.hukouRegion) ?? (a.applicant?.hukouRegion ? "（所选地区已调整，请修改）" : "未填写") },
          { label: "户籍地址", value: a.applicant?.hukouAddress ?? "未填写" },
        ]}
      />
      <Section
        title={destinationTitle(draft.channel)}
        href={change("destination")}
        testId="check-destination"
        rows={[
          { label: "县（市、区）", value: a.destination ? countyName(a.destination.county) : "未填写" },
          { label: "详细地址", value: a.destination?.address ?? "未填写" },
          { label: "受理派出所", value: station?.name ?? "未选择" },
        ]}
      />
      <Section title={detailsTitle(draft.channel)} href={change("details")} rows={detailRows(draft.channel, a)} />
      {draft.channel !== "collective" && (
        <Section
          title="随迁家庭成员"
          href={change("members")}
          testId="check-members"
          rows={
            draft.members.filter((m) => m.relation !== "self").length
              ? draft.members
                  .filter((m) => m.relation !== "self")
                  .map((m) => ({ label: relationLabel(m.relation), value: `${m.name}（${maskIdNumber(m.idNumber)}）` }))
              : [{ label: "随迁人员", value: "无" }]
          }
        />
      )}
      <section className="card" data-testid="check-documents">
        <div className="mb-2 flex items-center justify-between gap-2">
          <h2 className="text-lg font-semibold">材料</h2>
          <Link href={`${base}/documents`} className="text-brand-700 underline">
            修改<span className="sr-only">材料</span>
          </Link>
        </div>
        <ul className="space-y-1">
          {checklist.persons.map((p) => (
            <li key={p.memberId ?? "self"}>
              {p.name}（{relationWords(p.relation)}）：
              {p.slots.map((s) => `${s.label}${s.satisfied ? "✓" : "（缺）"}`).join("、")}
            </li>
          ))}
        </ul>
        <p className="mt-2 text-sm text-slate-600">规则版本：{ruleSet.version}</p>
      </section>
      {warnings.length > 0 && (
        <div role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
          <p className="font-medium">规则核验提示：以下条件不符合，派出所可能不予批准。您仍可提交，或返回修改、改选通道。</p>
          <ul className="mt-1 list-disc pl-5">
            {warnings.flatMap((p) =>
              p.reasons.map((r) => (
                <li key={`${p.memberId}-${r.code}`}>
                  {p.name}：{r.message}（方案{r.clause}）
                </li>
              )),
            )}
          </ul>
        </div>
      )}
      <section className="card">
        <h2 className="mb-3 text-lg font-semibold">声明</h2>
        <StepForm
          action={submitFilingAction}
          hidden={{ applicationId: draft.id, submitKey: randomUUID().replaceAll("-", "") }}
          submitLabel="确认并提交申请"
          pendingLabel="正在提交…"
          testId="submit-form"
        >
          <CheckboxInput name="truthful" label="本人承诺所填信息和上传的材料真实、准确、完整，如有虚假愿承担相应法律责任。" />
          <CheckboxInput name="voluntary" label="本人系自愿申请落户（落户遵循本人意愿）。" />
          {!ready && <p className="text-sm text-slate-600">完成上方未完成的内容后才能提交。</p>}
        </StepForm>
      </section>
    </div>
  );
}
