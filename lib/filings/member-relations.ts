import { RELATIONS, RELATION_LABELS, type Relation } from "@/lib/schemas/eligibility";

/** A household member's relation to the applicant: the applicant is "self". */
export type MemberRelation = "self" | Relation;

/** Relations of people who may move together with the applicant (二(二): 配偶、子女、父母等). */
export const MOVING_RELATIONS = RELATIONS;

export function relationLabel(relation: string): string {
  if (relation === "self") return "本人（申请人）";
  return (RELATION_LABELS as Record<string, string>)[relation] ?? relation;
}
