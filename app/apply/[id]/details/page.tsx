import { draftForPage } from "../../draft-page";
import { StepForm, TextInput, RadioGroup, SelectInput } from "@/components/filing/step-form";
import { detailsTitle } from "@/lib/filings/filing-tasks";
import { TENURE_LABELS, TENURES, type Tenure } from "@/lib/schemas/eligibility";
import { COUNTY_OPTIONS, RELATION_OPTIONS, YesNoGroup } from "@/components/filing/questions";
import type { FilingAnswers } from "@/lib/filings/filing-answers";
import { COLLECTIVE_KINDS, COLLECTIVE_KIND_LABELS } from "@/lib/filings/filing-schemas";
import { saveStepAction, type StepName } from "../../actions";
import { CHANNEL_REGISTRY, type DetailsFieldsKey } from "@/lib/channels/registry";

export const metadata = { title: "情况说明" };

/** The proof each kind of home asks for. */
const TENURE_PROOF: Record<Tenure, string> = { rented: "需提交房屋租赁合同", owned: "需提交不动产权证书", employer_housing: "需提交单位住房证明" };

type TenureQuestion = { name: string; legend: string; hint: string; value?: string; proof?: boolean; none?: string };

/** 住所性质 (rented, owned, employer housing), with the proof each asks for when `proof`, and 暂无 as a last answer when `none` names it. */
function TenureGroup({ value, proof, none, ...question }: TenureQuestion) {
  const options = TENURES.map((t) => ({ value: t as string, label: TENURE_LABELS[t], hint: proof ? TENURE_PROOF[t] : undefined }));
  return <RadioGroup {...question} defaultValue={value} options={none ? [...options, { value: "none", label: none }] : options} />;
}

/** Employed yet, and where (the talent and the rural student channels ask it in their own words). */
function EmploymentFields({ a, legend, hint }: { a: FilingAnswers; legend: string; hint: string }) {
  return (
    <>
      <YesNoGroup name="employed" legend={legend} hint={hint} value={a.employment?.employed} />
      <TextInput name="employerName" label="就业单位名称（已就业的填写）" defaultValue={a.employment?.employerName} maxLength={100} />
    </>
  );
}

function ResidenceFields({ a }: { a: FilingAnswers }) {
  return (
    <>
      <TenureGroup name="tenure" legend="落户住所的性质" hint="租赁住房与自有住房同等对待（方案二(二)），不要求购房。" value={a.residence?.tenure} proof />
      <YesNoGroup name="legal" legend="该住所是否为合法建筑？" hint="违法建筑不能作为落户住所。" value={a.residence?.legal} />
    </>
  );
}

function TalentFields({ a }: { a: FilingAnswers }) {
  return (
    <>
      <TenureGroup
        name="tenure"
        legend="在落户地的住所情况"
        hint="有合法稳定住所的在住所地落户；暂无住所的，可在社区集体户落户。"
        value={a.noStableResidence ? "none" : a.residence?.tenure}
        none="暂无合法稳定住所"
      />
      <EmploymentFields a={a} legend="是否已落实工作单位？" hint="暂未落实工作单位的，可先落户后就业（方案二(一)）。" />
      <RadioGroup
        name="collectiveKind"
        legend="暂无合法稳定住所的：在哪类集体户落户？"
        hint="您将在上一步所选派出所（居住地或拟就业地）的集体户落户，由派出所为您登记到具体的集体户，准迁证写明该集体户；无需另填住址。"
        defaultValue={a.collectiveKind}
        options={COLLECTIVE_KINDS.map((k) => ({ value: k, label: COLLECTIVE_KIND_LABELS[k] }))}
      />
    </>
  );
}

function RuralStudentFields({ a }: { a: FilingAnswers }) {
  return (
    <>
      <TextInput name="schoolName" label="录取或毕业院校名称" defaultValue={a.schoolName} maxLength={100} />
      <SelectInput
        name="schoolCounty"
        label="院校所在县（市、区）（入学迁户口的必填）"
        hint="入学时户口迁至学校所在地：落户地须与学校所在地一致。"
        defaultValue={a.schoolCounty}
        options={COUNTY_OPTIONS}
      />
      <RadioGroup
        name="graduateTarget"
        legend="毕业后迁往（毕业生填写）"
        hint="可迁入就业地；确实在农村生活居住的，也可根据本人意愿迁回原籍。"
        defaultValue={a.graduateTarget}
        options={[
          { value: "work", label: "迁入就业地" },
          { value: "origin", label: "迁回原籍" },
        ]}
      />
      <SelectInput
        name="originCounty"
        label="原籍所在县（市、区）（迁回原籍的填写）"
        hint="入学时户口已迁往学校的，选择入学前户口所在地；未选择的按当前户口所在地。落户地须与原籍一致。"
        defaultValue={a.originCounty}
        options={COUNTY_OPTIONS}
      />
      <EmploymentFields a={a} legend="是否已就业？" hint="毕业后可迁入就业地，或根据本人意愿迁回原籍。" />
      <SelectInput
        name="workCounty"
        label="就业单位所在县（市、区）（迁入就业地的必填）"
        hint="毕业后迁入就业地：落户地须与就业单位所在地一致。"
        defaultValue={a.employment?.workCounty}
        options={COUNTY_OPTIONS}
      />
    </>
  );
}

function FamilyFields({ a }: { a: FilingAnswers }) {
  const p = a.principal;
  return (
    <>
      <TextInput
        name="principalName"
        label="投靠人姓名"
        hint="您投靠的、在落户地有户口或合法稳定住所（含租赁）的家庭成员"
        defaultValue={p?.name}
        maxLength={30}
      />
      <TextInput name="principalIdNumber" label="投靠人公民身份号码" defaultValue={p?.idNumber} maxLength={18} />
      <SelectInput name="relation" label="投靠人是您的" defaultValue={p?.relation} options={RELATION_OPTIONS} />
      <YesNoGroup name="livesTogether" legend="是否与投靠人共同居住生活？" value={p?.livesTogether} />
      <YesNoGroup
        name="hasHukouAtDestination"
        legend="投靠人是否已在落户地登记常住户口？"
        hint="是：请在材料中上传投靠人在落户地的户口簿。"
        value={p?.hasHukouAtDestination}
      />
      <YesNoGroup
        name="hasLegalResidenceAtDestination"
        legend="如投靠人户口不在落户地：你们共同居住的住所是否为投靠人在落户地的合法稳定住所（含租赁）？"
        hint="方案规定共同居住生活的配偶、子女、父母等均可根据本人意愿落户，投靠人户口可以不在本地。"
        value={p?.hasLegalResidenceAtDestination}
      />
      <TenureGroup
        name="homeTenure"
        legend="共同居住住所的性质（上一题选“是”时填写）"
        hint="租赁住房与自有住房同等对待，提交相应的住所证明即可。"
        value={a.residence?.tenure}
      />
      <YesNoGroup name="homeLegal" legend="该住所是否为合法建筑？（上一题选“是”时填写）" value={a.residence?.legal} />
    </>
  );
}

function CollectiveFields({ a }: { a: FilingAnswers }) {
  return (
    <>
      <p className="rounded border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700">
        社区集体户适用于同时符合以下三项的人员（方案二(三)）：无合法稳定住所（含租赁）、无直系亲属可投靠、就业单位（含人才交流中心）无集体户口。如有一项不符合，系统会提示适合的其他通道。
      </p>
      <TextInput name="employerName" label="就业单位名称" defaultValue={a.employment?.employerName} maxLength={100} />
      <YesNoGroup name="hasLegalResidence" legend="在就业地是否有合法稳定住所（含租赁）？" value={a.employment ? !!a.residence : undefined} />
      <YesNoGroup
        name="hasDirectRelativeToJoin"
        legend="是否有可投靠的直系亲属？"
        hint="直系亲属指配偶、父母、子女、祖父母、外祖父母、孙子女、外孙子女，且其在落户地有户口或合法稳定住所（含租赁）；兄弟姐妹或不在落户地的亲属不算。"
        value={a.hasDirectRelativeToJoin}
      />
      <YesNoGroup
        name="employerHasCollectiveHousehold"
        legend="就业单位（含人才交流中心）是否有集体户口？"
        value={a.employment?.employerHasCollectiveHousehold}
      />
    </>
  );
}

/** The fields component of each registry entry's details step (lib/channels/registry.ts names the key). */
const DETAILS_FIELDS: Record<DetailsFieldsKey, (props: { a: FilingAnswers }) => React.ReactNode> = {
  residence: ResidenceFields,
  talent: TalentFields,
  rural_student: RuralStudentFields,
  family: FamilyFields,
  collective: CollectiveFields,
};

export default async function DetailsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ return?: string }> }) {
  const { id } = await params;
  const { return: ret } = await searchParams;
  const { draft, answers } = await draftForPage(id, "details");
  const step = `details_${draft.channel}` as StepName;
  const Fields = DETAILS_FIELDS[CHANNEL_REGISTRY[draft.channel].details.fields];
  return (
    <div>
      <h1 className="page-title">{detailsTitle(draft.channel)}</h1>
      <StepForm action={saveStepAction.bind(null, step)} hidden={{ applicationId: draft.id, _return: ret }} submitLabel="保存并继续">
        <Fields a={answers} />
      </StepForm>
    </div>
  );
}
