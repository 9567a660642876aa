import { SUBTYPES_BY_CHANNEL, SUBTYPE_LABELS, type Channel, type Subtype } from "@/lib/schemas/eligibility";

/**
 * Plain explanations of the channels for the resident choosing one, with the plan's clause.
 * The conditions themselves live in the rule set; this is only the guidance text.
 */
export const CHANNEL_GUIDE: ReadonlyArray<{ channel: Channel; title: string; clause: string; text: string; who: string }> = [
  {
    channel: "residence",
    title: "合法稳定住所（含租赁）落户",
    clause: "二(二)",
    text: "在全市城镇有合法稳定住所的，可在住所地登记常住户口，配偶、子女、父母等共同居住的家庭成员可一同迁入。租赁住房与自有住房同等对待。",
    who: "适合：租房或自有住房、单位住房居住的人员。不要求居住年限、社保、就业、学历或年龄。",
  },
  {
    channel: "talent",
    title: "重点群体落户",
    clause: "二(一)",
    text: "高校毕业生、职业院校毕业生、技术工人、参军进入城镇人员、留学归国人员全面放开落户。暂未落实工作单位的，可先落户后就业。",
    who: "适合：持毕业证书、职业资格或技能等级证书、退出现役证、国（境）外学历学位认证书的人员。",
  },
  {
    channel: "rural_student",
    title: "农村升学学生落户",
    clause: "二(一)",
    text: "大中专院校录取的农村户籍学生，入学时可将户口迁至学校所在地；毕业后可迁入就业地，或根据本人意愿迁回原籍。",
    who: "适合：农村户籍的在校或毕业学生。",
  },
  {
    channel: "family",
    title: "投靠共同居住的家庭成员落户",
    clause: "二(二)",
    text: "与已在落户地有户口（或同时申请落户）的配偶、子女、父母等共同居住生活的，可投靠落户。",
    who: "适合：投靠在本地有户口的家人。",
  },
  {
    channel: "collective",
    title: "社区集体户落户",
    clause: "二(三)",
    text: "没有合法稳定住所（含租赁）、没有直系亲属可投靠、就业单位也没有集体户口的，可在就业所在地派出所的社区集体户登记户口。",
    who: "适合：已就业、住在单位宿舍等无合法稳定住所的人员（仅本人登记）。",
  },
];

export const SUBTYPE_HINTS: Readonly<Record<Subtype, string>> = {
  college_graduate: "需提交毕业证书",
  vocational_graduate: "需提交毕业证书",
  skilled_worker: "需提交职业资格证书或职业技能等级证书",
  veteran: "需提交退出现役证",
  returned_overseas: "需提交国（境）外学历学位认证书",
  enrollment: "需提交录取通知书，户口迁至学校所在地",
  after_graduation: "需提交毕业证书，迁入就业地或迁回原籍",
  urban_registration_at_origin: "凭录取通知书在原籍登记为城镇居民，随迁父母可一并迁移",
};

export type ChannelOption = (typeof CHANNEL_GUIDE)[number] & { subtypes: Array<{ value: Subtype; label: string; hint: string }> };

/** The channel choices with their subtypes, as plain data for the (client) choice form. */
export function channelOptions(): ChannelOption[] {
  return CHANNEL_GUIDE.map((c) => ({
    ...c,
    subtypes: SUBTYPES_BY_CHANNEL[c.channel].map((s) => ({ value: s, label: SUBTYPE_LABELS[s], hint: SUBTYPE_HINTS[s] })),
  }));
}
