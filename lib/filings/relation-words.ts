import { relationLabel } from "./member-relations";

/** The relation inside brackets after a name, without brackets in brackets: 李晓雨（本人，申请人）. */
export function relationWords(relation: string): string {
  return relation === "self" ? "本人，申请人" : relationLabel(relation);
}
