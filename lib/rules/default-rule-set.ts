import type { DocumentGroup, RuleSet, RuleSetData, SupplementSettings, TimeLimits } from "./types";
import { PROCEDURAL_BASIS } from "./plan-clauses";
import type { DocumentCode } from "@/lib/schemas/eligibility";

/**
 * The rule set of 三政办〔2019〕24号 as shipped (seed data; admins publish later versions).
 * Treat it as read-only: copy it (structuredClone) before editing.
 */

export const DEFAULT_RULE_SET_VERSION = "sanmenxia-2019-24/v1.1";
/** The version shipped before eligibility API 1.1; the seed adds v1.1 beside an untouched v1. */
export const PREVIOUS_DEFAULT_RULE_SET_VERSION = "sanmenxia-2019-24/v1";

const group = (clause: string, alternatives: DocumentCode[], label?: string): DocumentGroup =>
  label ? { alternatives, clause, label } : { alternatives, clause };

/** Residence evidence: any one of the three; the tenure's own document is listed first. */
const RESIDENCE_LABEL = "合法稳定住所证明（自有、租赁、单位住房任选其一，租赁与自有同等对待）";
const residenceGroup = (first: DocumentCode) => {
  const all: DocumentCode[] = ["property_certificate", "rental_contract", "employer_housing_certificate"];
  return group("二(二)", [first, ...all.filter((d) => d !== first)], RESIDENCE_LABEL);
};

/** Non-document items a supplement notice may list, and whether a corrected notice restarts the clock. */
export const DEFAULT_SUPPLEMENT_SETTINGS: SupplementSettings = {
  otherItems: [
    { code: "document_unreadable", label: "材料无法辨认，请重新上传清晰、完整的材料" },
    { code: "name_mismatch", label: "不同材料上的姓名不一致，请说明原因或上传更正后的材料" },
    { code: "details_mismatch", label: "材料上的信息与申请填写的信息不一致，请核对后说明或更正" },
    { code: "document_expired", label: "材料已过有效期，请上传有效期内的材料" },
  ],
  correctionRestartsClock: true,
};

/** The supplement settings of a rule set (older stored sets have none: the defaults). */
export function supplementSettingsOf(data: RuleSetData): SupplementSettings {
  return data.supplement ?? DEFAULT_SUPPLEMENT_SETTINGS;
}

/** Calendar days a permit to move in stays valid from its issue (older stored sets have none: 40). */
export function permitValidityDaysOf(limits: TimeLimits | undefined): number {
  return limits?.permitValidityDays ?? DEFAULT_PERMIT_VALIDITY_DAYS;
}
export const DEFAULT_PERMIT_VALIDITY_DAYS = 40;

export const DEFAULT_RULE_SET_DATA: RuleSetData = {
  formatVersion: 1,
  // Under 16 a person often holds no ID card: the 户口簿 page (with their ID number) identifies them.
  identityDocuments: [{ ...group("二", ["id_card"]), notRequiredUnderAge: 16 }, group("二", ["hukou_booklet"])],
  conditions: [
    // 二(一) rural students
    {
      code: "rural_student_rural_hukou",
      clause: "二(一)",
      fact: "applicant.hukouType",
      test: "equals",
      value: "rural",
      message: "入学时将户口迁至学校所在地，适用于大中专院校录取的农村户籍学生。",
    },
    {
      code: "rural_student_graduate_rural_hukou",
      clause: "二(一)",
      fact: "applicant.hukouType",
      test: "equals",
      value: "rural",
      message: "毕业后迁入就业地或迁回原籍，适用于农村户籍的大中专院校学生；城镇户籍的高校毕业生可按“重点群体（高校毕业生）”通道落户。",
      suggestChannels: ["talent"],
    },
    {
      code: "rural_student_origin_rural_hukou",
      clause: "二(一)",
      fact: "applicant.hukouType",
      test: "equals",
      value: "rural",
      message: "在原籍办理城镇居民登记，适用于户口保留在原籍的农村户籍大中专院校学生；您的户口已是城镇户口。",
    },
    // 二(二) stable legal residence
    {
      code: "residence_described",
      clause: "二(二)",
      fact: "residence.present",
      test: "is_true",
      message: "未填写住所信息：按合法稳定住所（含租赁）落户，须说明在落户地的住所。",
    },
    {
      code: "residence_legal",
      clause: "二(二)",
      fact: "residence.legal",
      test: "not_false",
      message: "住所须为合法住所（例如违法建筑不能作为落户住所）。",
    },
    // 二(二) family members living together
    {
      code: "family_principal_described",
      clause: "二(二)",
      fact: "principal.present",
      test: "is_true",
      message: "未填写投靠人信息：请说明投靠的家庭成员及与其关系。",
    },
    {
      code: "family_lives_together",
      clause: "二(二)",
      fact: "principal.livesTogether",
      test: "not_false",
      message: "随迁的家庭成员须与投靠人共同居住生活。",
    },
    {
      code: "family_principal_tie",
      clause: "二(二)",
      fact: "principal.tiedToDestination",
      test: "not_false",
      message: "投靠人须在落户地有户口，或在落户地有合法稳定住所（含租赁）并与您共同居住生活；也可由投靠人按合法稳定住所通道提出家庭申请，家庭成员随同办理。",
      suggestChannels: ["residence"],
    },
    {
      code: "family_shared_home_legal",
      clause: "二(二)",
      fact: "principal.sharedHomeLegal",
      test: "not_false",
      message: "与投靠人共同居住的住所须为合法住所（例如违法建筑不能作为落户住所）。",
    },
    // 二(三) community collective household
    {
      code: "collective_employed",
      clause: "二(三)",
      fact: "employment.employed",
      test: "is_true",
      message: "社区集体户口在就业所在地派出所登记，须已就业。",
    },
    {
      code: "collective_at_place_of_employment",
      clause: "二(三)",
      fact: "employment.worksAtDestination",
      test: "not_false",
      message: "社区集体户口在就业所在地派出所登记：您在{workCountyName}就业，请将落户地选为{workCountyName}后申请。",
    },
    {
      code: "collective_no_legal_residence",
      clause: "二(三)",
      fact: "residence.legal",
      test: "not_true",
      message: "您在当地有合法稳定住所（含租赁），应按合法稳定住所通道落户，不在社区集体户登记。",
      suggestChannels: ["residence"],
    },
    {
      code: "collective_no_direct_relative",
      clause: "二(三)",
      fact: "hasDirectRelativeToJoin",
      test: "not_true",
      message:
        "您有直系亲属（配偶、父母、子女、祖父母、外祖父母、孙子女、外孙子女）在落户地有户口或合法稳定住所可以投靠，应按投靠家庭成员通道落户，不在社区集体户登记；兄弟姐妹或不在落户地的亲属不算。",
      suggestChannels: ["family"],
    },
    {
      code: "collective_no_employer_household",
      clause: "二(三)",
      fact: "employment.employerHasCollectiveHousehold",
      test: "not_true",
      message: "您的就业单位有集体户口（含就业地人才交流中心集体户），应在单位集体户落户，不在社区集体户登记。",
    },
  ],
  channels: {
    talent: {
      clause: "二(一)",
      // 先落户后就业: no job, no residence required.
      conditions: [],
      documents: [],
      subtypes: {
        college_graduate: { conditions: [], documents: [group("二(一)", ["graduation_certificate"])] },
        vocational_graduate: { conditions: [], documents: [group("二(一)", ["graduation_certificate"])] },
        skilled_worker: { conditions: [], documents: [group("二(一)", ["skill_certificate"])] },
        veteran: { conditions: [], documents: [group("二(一)", ["discharge_certificate"])] },
        returned_overseas: { conditions: [], documents: [group("二(一)", ["overseas_degree_certification"])] },
      },
    },
    rural_student: {
      clause: "二(一)",
      conditions: [],
      documents: [],
      subtypes: {
        enrollment: { conditions: ["rural_student_rural_hukou"], documents: [group("二(一)", ["admission_letter"])] },
        after_graduation: { conditions: ["rural_student_graduate_rural_hukou"], documents: [group("二(一)", ["graduation_certificate"])] },
        urban_registration_at_origin: {
          conditions: ["rural_student_origin_rural_hukou"],
          documents: [group("二(一)", ["admission_letter"])],
        },
      },
    },
    residence: {
      clause: "二(二)",
      conditions: ["residence_described", "residence_legal"],
      documents: [],
      tenures: {
        owned: { conditions: [], documents: [residenceGroup("property_certificate")] },
        rented: { conditions: [], documents: [residenceGroup("rental_contract")] },
        employer_housing: { conditions: [], documents: [residenceGroup("employer_housing_certificate")] },
      },
      noTenure: { conditions: [], documents: [residenceGroup("property_certificate")] },
    },
    family: {
      clause: "二(二)",
      conditions: ["family_principal_described", "family_lives_together", "family_principal_tie", "family_shared_home_legal"],
      documents: [],
      relations: {
        spouse: { conditions: [], documents: [group("二(二)", ["marriage_certificate"])] },
        child: { conditions: [], documents: [group("二(二)", ["birth_certificate", "relationship_proof"])] },
        parent: { conditions: [], documents: [group("二(二)", ["relationship_proof"])] },
        other: { conditions: [], documents: [group("二(二)", ["relationship_proof"])] },
      },
      noRelation: { conditions: [], documents: [group("二(二)", ["relationship_proof"])] },
      // 1.1: the principal's tie to the destination: their booklet there, else the shared home's evidence.
      principalTie: {
        hukou: { conditions: [], documents: [group("二(二)", ["principal_hukou_booklet"])] },
        residenceTenures: {
          owned: { conditions: [], documents: [residenceGroup("property_certificate")] },
          rented: { conditions: [], documents: [residenceGroup("rental_contract")] },
          employer_housing: { conditions: [], documents: [residenceGroup("employer_housing_certificate")] },
        },
        residenceNoTenure: { conditions: [], documents: [residenceGroup("property_certificate")] },
      },
    },
    collective: {
      clause: "二(三)",
      conditions: [
        "collective_employed",
        "collective_at_place_of_employment",
        "collective_no_legal_residence",
        "collective_no_direct_relative",
        "collective_no_employer_household",
      ],
      documents: [group("二(三)", ["employment_contract"])],
    },
  },
  timeLimits: {
    acceptanceWorkingDays: 5,
    decisionWorkingDays: 20,
    supplementWorkingDays: 30,
    draftRetentionDays: 90,
    moveOutWorkingDays: 10,
    registrationWorkingDays: 5,
    permitValidityDays: DEFAULT_PERMIT_VALIDITY_DAYS,
  },
  refusalReasons: [
    { code: "identity_unverified", label: "申请人身份无法核实", clause: PROCEDURAL_BASIS },
    { code: "documents_invalid", label: "申请材料系伪造、无效或与申请信息不符", clause: "二" },
    { code: "residence_not_legal", label: "住所不是合法住所（如违法建筑）", clause: "二(二)" },
    { code: "residence_not_lived_in", label: "申请人并未在该住所实际居住生活", clause: "二(二)" },
    { code: "relationship_not_proven", label: "家庭成员关系或共同居住生活未能证明", clause: "二(二)" },
    {
      code: "collective_conditions_not_met",
      label: "不符合社区集体户落户条件（有合法稳定住所、有直系亲属可投靠或就业单位有集体户口），应按其他通道办理",
      clause: "二(三)",
    },
    { code: "already_registered", label: "申请人已在落户地登记常住户口", clause: "二" },
    { code: "duplicate_filing", label: "同一申请人已有正在办理的落户申请", clause: PROCEDURAL_BASIS },
    { code: "withdrawn", label: "申请人自愿撤回申请（落户遵循本人意愿）", clause: "二" },
    { code: "supplement_not_provided", label: "未在规定期限内补正材料", clause: PROCEDURAL_BASIS },
  ],
  supplement: DEFAULT_SUPPLEMENT_SETTINGS,
  documentRejectionReasons: [
    { code: "unreadable", label: "图像模糊或不完整，无法辨认" },
    { code: "wrong_document", label: "上传的不是所要求的材料" },
    { code: "expired", label: "证件已过有效期" },
    { code: "name_mismatch", label: "材料上的姓名或身份证号码与申请信息不符" },
    { code: "missing_pages", label: "缺少页面（如户口簿首页或本人页）" },
  ],
  moveOutReturnReasons: [
    { code: "not_registered_here", label: "申请人户口不在本所辖区" },
    { code: "identity_mismatch", label: "申请人信息与户籍档案不符" },
    { code: "hukou_locked", label: "户口处于冻结、注销等不能迁出的状态" },
    { code: "members_mismatch", label: "随迁人员与户籍档案不符" },
  ],
};

export const DEFAULT_RULE_SET: RuleSet = { version: DEFAULT_RULE_SET_VERSION, data: DEFAULT_RULE_SET_DATA };
