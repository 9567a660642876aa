import Link from "next/link";
import { relationWords } from "@/lib/filings/relation-words";
import { redirect } from "next/navigation";
import { draftForPage } from "../../draft-page";
import { StepForm, TextInput, RadioGroup, SelectInput } from "@/components/filing/step-form";
import { channelTakesMembers } from "@/lib/filings/filing-tasks";
import { MAX_MEMBERS } from "@/lib/filings/household-members";
import { maskIdNumber } from "@/lib/schemas/id-number";
import { saveStepAction } from "../../actions";
import { HUKOU_TYPE_OPTIONS, RELATION_OPTIONS } from "@/components/filing/questions";

export const metadata = { title: "随迁家庭成员" };

export default async function MembersPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ return?: string; edit?: string }>;
}) {
  const { id } = await params;
  const { return: ret, edit } = await searchParams;
  const { draft } = await draftForPage(id, "members");
  if (!channelTakesMembers(draft.channel)) redirect(`/apply/${draft.id}/documents`);
  const others = draft.members.filter((m) => m.relation !== "self");
  const editing = others.find((m) => m.id === edit);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="page-title">随迁家庭成员</h1>
        <p className="text-slate-700">
          与您共同居住生活、一同迁入的配偶、子女、父母等（方案二(二)）。每位成员都会按规则单独核验，并列出需提交的材料。没有随迁人员的，直接点击“成员已填写完毕”。
        </p>
      </div>
      <section aria-labelledby="list-title" className="card">
        <h2 id="list-title" className="mb-2 font-semibold">
          本次申请的人员（{draft.members.length} 人）
        </h2>
        <ul className="divide-y divide-slate-200" data-testid="member-list">
          {draft.members.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                <strong>{m.name}</strong>（{relationWords(m.relation)}） <span className="text-sm text-slate-600">{maskIdNumber(m.idNumber)}</span>
              </span>
              {m.relation !== "self" && (
                <span className="flex items-center gap-3">
                  <Link href={`/apply/${draft.id}/members?edit=${m.id}${ret ? `&return=${ret}` : ""}`} className="text-brand-700 underline">
                    修改<span className="sr-only">{m.name}</span>
                  </Link>
                  <StepForm
                    action={saveStepAction.bind(null, "remove_member")}
                    hidden={{ applicationId: draft.id, memberId: m.id }}
                    submitLabel={`删除 ${m.name}`}
                    pendingLabel="正在删除…"
                    variant="secondary"
                    className="inline"
                  />
                </span>
              )}
            </li>
          ))}
        </ul>
      </section>
      {others.length < MAX_MEMBERS - 1 || editing ? (
        <section aria-labelledby="add-title" className="card">
          <h2 id="add-title" className="mb-3 font-semibold">
            {editing ? `修改 ${editing.name} 的信息` : "添加随迁人员"}
          </h2>
          <StepForm
            key={editing?.id ?? "new"}
            action={saveStepAction.bind(null, "member")}
            hidden={{ applicationId: draft.id, memberId: editing?.id, _return: ret }}
            submitLabel={editing ? "保存修改" : "添加此人"}
            testId="member-form"
          >
            <SelectInput name="relation" label="与申请人的关系" defaultValue={editing?.relation} options={RELATION_OPTIONS} />
            <TextInput name="name" label="姓名" defaultValue={editing?.name} maxLength={50} autoComplete="off" />
            <TextInput name="idNumber" label="公民身份号码" hint="18位；未成年子女请填写户口簿上的身份号码" defaultValue={editing?.idNumber} maxLength={18} />
            <RadioGroup name="hukouType" legend="当前户口性质（可不填）" defaultValue={editing?.hukouType ?? undefined} options={HUKOU_TYPE_OPTIONS} />
          </StepForm>
        </section>
      ) : null}
      <StepForm
        action={saveStepAction.bind(null, "members_done")}
        hidden={{ applicationId: draft.id, _return: ret }}
        submitLabel={others.length ? "成员已填写完毕，继续" : "没有随迁人员，继续"}
        testId="members-done"
        guardUnsavedIn={{ testId: "member-form", message: "您在上面填写了一位随迁人员，但还没有点击“添加此人”。请先添加此人，或清空后再继续。" }}
      />
    </div>
  );
}
