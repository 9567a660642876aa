import { draftForPage } from "../../draft-page";
import { StepForm, TextInput, RadioGroup } from "@/components/filing/step-form";
import { maskIdNumber } from "@/lib/schemas/id-number";
import { saveStepAction } from "../../actions";
import { DivisionPicker } from "@/components/filing/division-picker";
import { divisionInitial } from "@/lib/divisions/divisions";
import { HUKOU_TYPE_OPTIONS } from "@/components/filing/questions";

export const metadata = { title: "申请人信息" };

export default async function ApplicantPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ return?: string }> }) {
  const { id } = await params;
  const { return: ret } = await searchParams;
  const { user, draft, answers } = await draftForPage(id, "applicant");
  const a = answers.applicant;
  return (
    <div>
      <h1 className="page-title">申请人信息</h1>
      <StepForm action={saveStepAction.bind(null, "applicant")} hidden={{ applicationId: draft.id, _return: ret }} submitLabel="保存并继续">
        <div className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
          <p>
            姓名：<strong>{draft.applicantName}</strong>
          </p>
          <p>
            公民身份号码：<strong>{maskIdNumber(draft.applicantIdNumber)}</strong>
          </p>
          {user.mobile && (
            <p>
              联系电话：{user.mobile.slice(0, 3)}****{user.mobile.slice(-4)}
            </p>
          )}
          <p className="mt-1 text-slate-600">以上为您注册时的实名信息，申请以本人名义提交。</p>
        </div>
        <RadioGroup name="hukouType" legend="当前户口性质" defaultValue={a?.hukouType ?? answers.prefill?.hukouType} options={HUKOU_TYPE_OPTIONS} />
        <DivisionPicker
          name="hukouRegion"
          legend="户口所在地（户口簿首页的户籍所在地）"
          hint="依次选择省、市、县（市、区）"
          initial={divisionInitial(a?.hukouRegion ?? answers.prefill?.hukouRegion ?? draft.applicantIdNumber.slice(0, 6))}
        />
        <TextInput name="hukouAddress" label="户籍地址（户口簿上的住址）" defaultValue={a?.hukouAddress} maxLength={200} />
      </StepForm>
    </div>
  );
}
