import { RELATION_LABELS, SUBTYPE_LABELS, TENURE_LABELS } from "@/lib/schemas/eligibility";
import { countyName } from "@/lib/places";

/**
 * What the resident answered, as label/value lines for the review page (the facts the rules
 * may use; the ignored facts are shown greyed in the rules panel instead).
 */
export type AnswerLine = { label: string; value: string };

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : undefined);
const yesNo = (v: unknown) => (v === true ? "是" : v === false ? "否" : undefined);
const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);
const label = (map: Readonly<Record<string, string>>, v: unknown) => (typeof v === "string" ? (map[v] ?? v) : undefined);

export function answerSummary(answers: unknown): AnswerLine[] {
  const a = obj(answers) ?? {};
  const applicant = obj(a.applicant) ?? {};
  const residence = obj(a.residence);
  const principal = obj(a.principal);
  const employment = obj(a.employment);
  const lines: Array<[string, string | undefined]> = [
    ["子类别", label(SUBTYPE_LABELS, a.subtype)],
    ["当前户口性质", label({ rural: "农业户口", urban: "城镇户口" }, applicant.hukouType ?? a.hukouType)],
    ["户口所在地区划代码", str(applicant.hukouRegion ?? a.hukouRegion)],
    ["户籍地址", str(applicant.hukouAddress ?? a.hukouAddress)],
    ["院校", str(a.schoolName)],
    ["院校所在县（市、区）", typeof a.schoolCounty === "string" ? countyName(a.schoolCounty) : undefined],
    ["毕业后迁往", label({ work: "就业地", origin: "迁回原籍" }, a.graduateTarget)],
    ["原籍（入学前户口所在县）", typeof a.originCounty === "string" ? countyName(a.originCounty) : undefined],
    ["落户的集体户类型", label({ community: "社区集体户（居住地或拟就业地派出所）", talent_centre: "人才交流中心集体户" }, a.collectiveKind)],
    ["住所性质", residence ? label(TENURE_LABELS, residence.tenure) : undefined],
    ["住所地址", residence ? str(residence.address) : undefined],
    ["是否为合法住所", residence ? yesNo(residence.legal) : undefined],
    ["住所情况", a.noStableResidence === true ? "暂无合法稳定住所（先落户后就业）" : undefined],
    ["投靠人", str(principal?.name ?? a.principalName)],
    ["投靠人身份证号码", principal ? str(principal.idNumber) : undefined],
    ["与投靠人关系", principal ? label(RELATION_LABELS, principal.relation) : undefined],
    ["与投靠人共同居住", principal ? yesNo(principal.livesTogether) : undefined],
    ["投靠人在落户地有户口", principal ? yesNo(principal.hasHukouAtDestination) : undefined],
    ["共同居住的住所是投靠人在落户地的合法稳定住所", principal ? yesNo(principal.hasLegalResidenceAtDestination) : undefined],
    [
      "投靠人与落户地的联系须证明",
      principal
        ? principal.hasHukouAtDestination === true
          ? "投靠人在落户地的居民户口簿"
          : principal.hasLegalResidenceAtDestination === true
            ? "共同居住住所的证明（不动产权证书、房屋租赁合同或单位住房证明）"
            : undefined
        : undefined,
    ],
    ["是否就业", employment ? yesNo(employment.employed) : undefined],
    ["就业所在地", employment && typeof employment.workCounty === "string" ? countyName(employment.workCounty) : undefined],
    ["就业单位", str(a.employerName ?? employment?.employerName)],
    ["就业单位（含人才交流中心）有集体户口", employment ? yesNo(employment.employerHasCollectiveHousehold) : undefined],
    ["有可投靠的直系亲属", yesNo(a.hasDirectRelativeToJoin)],
  ];
  return lines.filter((l): l is [string, string] => l[1] !== undefined).map(([l, value]) => ({ label: l, value }));
}
