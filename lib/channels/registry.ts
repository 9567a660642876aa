/**
 * The channel registry: one entry per settlement channel of 三政办〔2019〕24号 — its code,
 * labels, the plain-words guide, subtypes, the form's details step (the fields component's
 * key; the step's schema and how it is saved live in ./details-steps.ts), the persons it carries
 * and how each person's documents are judged. Labels, the guide, the step map, the document
 * slots and the pre-check derive from here. Clauses do NOT live here: they come only from the
 * rule set (lib/rules), the one place an administrator edits them.
 *
 * Pure data, safe in the browser; it imports nothing at run time (types only), so every other
 * module may import it without a cycle.
 */

export const TALENT_SUBTYPE_CODES = ["college_graduate", "vocational_graduate", "skilled_worker", "veteran", "returned_overseas"] as const;
export const RURAL_STUDENT_SUBTYPE_CODES = ["enrollment", "after_graduation", "urban_registration_at_origin"] as const;
type SubtypeCode = (typeof TALENT_SUBTYPE_CODES)[number] | (typeof RURAL_STUDENT_SUBTYPE_CODES)[number];

/** The channel codes, in the order the API spec lists them (the zod enum, the Prisma enum and the rule set name the same). */
export const CHANNEL_CODES = ["talent", "rural_student", "residence", "family", "collective"] as const;
export type ChannelCode = (typeof CHANNEL_CODES)[number];

/** Which fields component renders the details step (components/filing/details-fields.tsx maps the key). */
export type DetailsFieldsKey = "residence" | "talent" | "rural_student" | "family" | "collective";

export type ChannelEntry = {
  code: ChannelCode;
  /** Full name, e.g. on the form and the pre-check. */
  label: string;
  /** Short name for lists, badges and the clerk's queue. */
  shortLabel: string;
  /** The plain-words guide shown where the resident chooses a channel. */
  guide: { title: string; text: string; who: string };
  /** Subtypes the request must name ([] when the channel has none). */
  subtypes: readonly SubtypeCode[];
  /** The details step of the filing form. */
  details: { title: string; fields: DetailsFieldsKey; next: "members" | "documents" };
  /** Title of the destination step (the collective household registers at the place of employment). */
  destinationTitle: string;
  /** Persons a filing carries: the applicant with family moving along, or the applicant alone. */
  persons: "household" | "applicant_only";
  /**
   * How each person's document slots are judged: the applicant under the filing's own channel,
   * the persons moving along as family members of the applicant (二(二)), their tie to the
   * destination being the applicant's own filing.
   */
  documentSlots: { applicant: "own_channel"; members: "family" | null };
};

/**
 * The persons a filing carries decide three things together: whether the form has a members
 * step after the details, where the destination step registers them, and how each person's
 * document slots are judged.
 */
const WITH_FAMILY = {
  next: "members",
  destinationTitle: "落户地址与派出所",
  persons: "household",
  documentSlots: { applicant: "own_channel", members: "family" },
} as const;
const APPLICANT_ALONE = {
  next: "documents",
  destinationTitle: "就业地与派出所",
  persons: "applicant_only",
  documentSlots: { applicant: "own_channel", members: null },
} as const;

type ChannelText = {
  label: string;
  shortLabel: string;
  /** The guide's title is the full label unless given. */
  guide: { title?: string; text: string; who: string };
  subtypes?: readonly SubtypeCode[];
  detailsTitle: string;
  /** The details step's fields component; the channel's own unless given. */
  fields?: DetailsFieldsKey;
};

function channel(code: ChannelCode, carries: typeof WITH_FAMILY | typeof APPLICANT_ALONE, t: ChannelText): ChannelEntry {
  const { next, ...persons } = carries;
  return {
    code,
    label: t.label,
    shortLabel: t.shortLabel,
    guide: { title: t.guide.title ?? t.label, text: t.guide.text, who: t.guide.who },
    subtypes: t.subtypes ?? [],
    details: { title: t.detailsTitle, fields: t.fields ?? code, next },
    ...persons,
  };
}

export const CHANNEL_REGISTRY: Readonly<Record<ChannelCode, ChannelEntry>> = {
  talent: channel("talent", WITH_FAMILY, {
    label: "重点群体落户（高校毕业生、技术工人、退役军人、留学归国人员等）",
    shortLabel: "重点群体",
    guide: {
      title: "重点群体落户",
      text: "高校毕业生、职业院校毕业生、技术工人、参军进入城镇人员、留学归国人员全面放开落户。暂未落实工作单位的，可先落户后就业。",
      who: "适合：持毕业证书、职业资格或技能等级证书、退出现役证、国（境）外学历学位认证书的人员。",
    },
    subtypes: TALENT_SUBTYPE_CODES,
    detailsTitle: "住所与就业情况",
  }),
  rural_student: channel("rural_student", WITH_FAMILY, {
    label: "农村升学学生落户",
    shortLabel: "农村升学学生",
    guide: {
      text: "大中专院校录取的农村户籍学生，入学时可将户口迁至学校所在地；毕业后可迁入就业地，或根据本人意愿迁回原籍。",
      who: "适合：农村户籍的在校或毕业学生。",
    },
    subtypes: RURAL_STUDENT_SUBTYPE_CODES,
    detailsTitle: "就读院校情况",
  }),
  residence: channel("residence", WITH_FAMILY, {
    label: "合法稳定住所（含租赁）落户",
    shortLabel: "合法稳定住所",
    guide: {
      text: "在全市城镇有合法稳定住所的，可在住所地登记常住户口，配偶、子女、父母等共同居住的家庭成员可一同迁入。租赁住房与自有住房同等对待。",
      who: "适合：租房或自有住房、单位住房居住的人员。不要求居住年限、社保、就业、学历或年龄。",
    },
    detailsTitle: "住所情况",
  }),
  family: channel("family", WITH_FAMILY, {
    label: "投靠共同居住的家庭成员落户",
    shortLabel: "投靠家庭成员",
    guide: {
      text: "与在落户地有户口、或在落户地有合法稳定住所（含租赁）的配偶、子女、父母等共同居住生活的，可根据本人意愿在当地登记常住户口。",
      who: "适合：与在本地有户口或有合法稳定住所（含租赁）的家人共同居住的人员。",
    },
    detailsTitle: "投靠对象情况",
  }),
  collective: channel("collective", APPLICANT_ALONE, {
    label: "社区集体户落户",
    shortLabel: "社区集体户",
    guide: {
      text: "没有合法稳定住所（含租赁）、没有直系亲属可投靠、就业单位也没有集体户口的，可在就业所在地派出所的社区集体户登记户口。",
      who: "适合：已就业、住在单位宿舍等无合法稳定住所的人员（仅本人登记）。直系亲属指配偶、父母、子女、祖父母、外祖父母、孙子女、外孙子女；兄弟姐妹不算。",
    },
    detailsTitle: "集体户落户条件",
  }),
};

/** The order the resident sees channels in (the most common first). */
export const CHANNEL_GUIDE_ORDER: readonly ChannelCode[] = ["residence", "talent", "rural_student", "family", "collective"];

export const channelEntry = (code: ChannelCode): ChannelEntry => CHANNEL_REGISTRY[code];

const mapEntries = <T>(f: (e: ChannelEntry) => T): Readonly<Record<ChannelCode, T>> =>
  Object.fromEntries(CHANNEL_CODES.map((c) => [c, f(CHANNEL_REGISTRY[c])])) as Record<ChannelCode, T>;

export const CHANNEL_FULL_LABELS = mapEntries((e) => e.label);
export const CHANNEL_SHORT_NAMES = mapEntries((e) => e.shortLabel);
