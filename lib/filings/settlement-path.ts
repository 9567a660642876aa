import type { Db } from "@/lib/db/types";
import { COUNTIES } from "@/lib/places";
import { divisionName } from "@/lib/divisions/divisions";
import { readAnswers } from "./filing-answers";

/**
 * How a filing ends, by channel and answers (plan 二(一), 二(三)):
 * - `direct_registration`: a rural student registering as urban at origin — not a move: the
 *   station registers directly (直接办理城镇居民登记), no permit to move in, no move-out;
 * - `collective_household`: the community collective household (二(三)), and a graduate or
 *   other key-group person with no stable residence (先落户后就业) — registered into a collective
 *   household of the station (community, or the talent-exchange centre's), named on the permit;
 * - `move`: the usual permit → move-out → registration at the address.
 */
export type SettlementPath = "move" | "direct_registration" | "collective_household";

export function settlementPath(f: { channel: string; subtype?: string | null; answers?: unknown }): SettlementPath {
  if (f.channel === "rural_student" && f.subtype === "urban_registration_at_origin") return "direct_registration";
  if (f.channel === "collective") return "collective_household";
  if (f.channel === "talent" && readAnswers(f.answers).noStableResidence === true) return "collective_household";
  return "move";
}

/** The path of a stored filing (subtype and answers are read, not locked). */
export async function settlementPathOf(db: Db, applicationId: string): Promise<SettlementPath> {
  const row = await db.application.findUniqueOrThrow({ where: { id: applicationId }, select: { channel: true, subtype: true, answers: true } });
  return settlementPath(row);
}

export type PlaceProblem = { path: string; message: string };

const placeName = (code: string | undefined) => (code ? (COUNTY_NAMES.get(code) ?? divisionName(code) ?? code) : "未填写");
const COUNTY_NAMES: ReadonlyMap<string, string> = new Map(COUNTIES.map((c) => [c.code, c.name]));

/**
 * Where a rural student's hukou may go (二(一)): on enrolment to the school's county; after
 * graduation to the place of work or back to the origin; registering as urban at origin only
 * at the origin itself (the county of the current hukou). Empty when the place fits.
 */
export function placeProblems(f: { channel: string; subtype?: string | null; answers?: unknown }): PlaceProblem[] {
  if (f.channel !== "rural_student") return [];
  const a = readAnswers(f.answers);
  const dest = a.destination?.county;
  const out: PlaceProblem[] = [];
  if (f.subtype === "enrollment") {
    if (a.completed?.details !== undefined || a.schoolName !== undefined) {
      if (!a.schoolCounty) out.push({ path: "schoolCounty", message: "请选择学校所在的县（市、区）：入学时户口迁至学校所在地。" });
      else if (dest && dest !== a.schoolCounty) {
        out.push({
          path: "schoolCounty",
          message: `入学时户口迁至学校所在地：学校在${placeName(a.schoolCounty)}，落户地须选择${placeName(a.schoolCounty)}（现为${placeName(dest)}）。`,
        });
      }
    }
  }
  if (f.subtype === "after_graduation" && a.schoolName !== undefined && !a.graduateTarget) {
    out.push({ path: "graduateTarget", message: "请选择毕业后迁入就业地，或根据本人意愿迁回原籍。" });
  }
  if (f.subtype === "after_graduation" && a.graduateTarget === "work") {
    const work = a.employment?.employed ? a.employment.workCounty : undefined;
    if (!a.employment?.employed) out.push({ path: "employed", message: "毕业后迁入就业地须已就业；未就业的可根据本人意愿迁回原籍。" });
    else if (!work) out.push({ path: "workCounty", message: "请选择就业单位所在的县（市、区）：毕业后户口迁入就业地。" });
    else if (dest && dest !== work) {
      out.push({
        path: "workCounty",
        message: `毕业后户口迁入就业地：就业单位在${placeName(work)}，落户地须选择${placeName(work)}（现为${placeName(dest)}）。`,
      });
    }
  }
  if (f.subtype === "after_graduation" && a.graduateTarget === "origin") {
    // 原籍: the county of the hukou before enrolment when given, else the current hukou's.
    const origin = a.originCounty ?? a.applicant?.hukouRegion;
    if (dest && origin && dest !== origin) {
      out.push({
        path: "originCounty",
        message: COUNTY_NAMES.has(origin)
          ? `迁回原籍：原籍在${placeName(origin)}，落户地须选择${placeName(origin)}（现为${placeName(dest)}）。`
          : `迁回原籍：原籍在${placeName(origin)}，不在三门峡市，请向原籍公安机关申请迁回；迁入三门峡市请选择“迁入就业地”。`,
      });
    }
  }
  if (f.subtype === "urban_registration_at_origin") {
    const origin = a.applicant?.hukouRegion;
    if (dest && origin && dest !== origin) {
      out.push({
        path: "destination",
        message: `在原籍办理城镇居民登记不是户口迁移：落户地须为原籍（户口所在地 ${placeName(origin)}），现选择的是${placeName(dest)}。如需迁往他处，请选择其他通道。`,
      });
    }
  }
  return out;
}

/**
 * Persons moving along: parents may move together (一并随迁) with a rural student only when
 * the student registers as urban at origin (二(一)); other rural-student filings carry the student alone.
 */
export function memberAllowed(f: { channel: string; subtype?: string | null }, relation: string): string | null {
  if (f.channel !== "rural_student") return null;
  if (f.subtype === "urban_registration_at_origin" && relation === "parent") return null;
  return f.subtype === "urban_registration_at_origin"
    ? "在原籍办理城镇居民登记时，只有父母可以一并随迁（方案二(一)）。"
    : "农村升学学生入学或毕业迁移户口只登记本人；父母一并随迁仅适用于在原籍办理城镇居民登记（方案二(一)）。";
}
