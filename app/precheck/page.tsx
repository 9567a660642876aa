import { PrecheckForm } from "./precheck-form";
import { COUNTIES } from "@/lib/places";
import { PLAN_INFORMATION } from "@/lib/filings/settled-rights";
import { BACKGROUNDS, BACKGROUND_LABELS } from "@/lib/eligibility/precheck-options";
import { CHANNEL_LABELS, DOCUMENT_LABELS, RELATION_LABELS, SUBTYPE_LABELS, TENURE_LABELS } from "@/lib/schemas/eligibility";
import { PolicyPoints } from "@/components/filing/policy-points";

export const metadata = { title: "落户预检" };

export default function PrecheckPage() {
  return (
    <div className="space-y-4">
      <h1 className="page-title">落户预检</h1>
      <p className="text-slate-700">
        回答几个简单问题，看看哪种落户通道适合您、是否符合条件，以及需要准备哪些材料。预检无需登录，结果不作为审批决定。
        购房、纳税、投资、积分、退出农村土地权益都<strong>不是</strong>落户条件（方案二(二)、三(五)）。
      </p>
      <PrecheckForm
        counties={COUNTIES.map((c) => ({ code: c.code, name: c.name }))}
        labels={{
          backgrounds: BACKGROUNDS.map((b) => ({ value: b, label: BACKGROUND_LABELS[b] })),
          channels: CHANNEL_LABELS,
          subtypes: SUBTYPE_LABELS,
          tenures: TENURE_LABELS,
          relations: RELATION_LABELS,
          documents: DOCUMENT_LABELS,
        }}
        texts={{
          words: {
            housingLegend: "在落户地的住房情况（租房与自有住房同等对待）",
            relativeHukouLegend: "该家人在落户地有户口（或正在同时申请）吗？",
            grandRelative: "投靠祖父母、外祖父母或孙子女、外孙子女",
            housingLegalLegend: "该住所是合法建筑吗？（不是违法建筑）",
            otherRelative: "投靠其他亲属（如兄弟姐妹）",
            idLabel: "居民身份证号码（选填）",
            employerCollectiveLegend: "就业单位有集体户口吗？",
            idHint: "仅用于校验，不会保存",
            backgroundLegend: "您属于以下哪类人员？",
            joinParent: "投靠父母（我是子女）",
            joinChild: "投靠子女（我是父母）",
            livesTogetherLegend: "与该家人共同居住吗？",
          },
          whoIntro: "可以为自己，也可以替家人（如父母）预检。姓名和身份证号码都可以不填；不填身份证号码时，请填写出生日期。",
          birthHint: "未填写身份证号码时必填：未满16周岁的可用户口簿代替身份证",
          resultNote: "暂不符合落户条件的，可申领居住证，享有基本公共服务（方案三(十)）。",
          relativeLegend: "是否投靠在落户地有户口或合法稳定住所（含租赁）、并共同居住的家人？",
          sharedHomeLegend: "你们共同居住的住所是该家人在落户地的合法稳定住所（含租赁）吗？",
          employedLegend: "目前是否已就业？（重点群体、住所落户不需要工作）",
        }}
      />
      <section className="card" aria-labelledby="plan-info" data-testid="plan-information">
        <h2 id="plan-info" className="text-lg font-semibold">
          您还应知道（方案原文要点）
        </h2>
        <PolicyPoints points={PLAN_INFORMATION} />
      </section>
    </div>
  );
}
