import { RELATION_LABELS, type Relation } from "@/lib/schemas/eligibility";

/** A household member's relation to the applicant: the applicant is "self". */
export type MemberRelation = "self" | Relation;

export function relationLabel(relation: string): string {
  if (relation === "self") return "本人（申请人）";
  return (RELATION_LABELS as Record<string, string>)[relation] ?? relation;
}
