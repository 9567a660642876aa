/**
 * What the plan's clause numbers mean, in words, for residents (三政办〔2019〕24号). Safe in
 * the browser (no imports).
 */
export const CLAUSE_WORDS: Readonly<Record<string, string>> = {
  二: "落户的基本条件",
  "二(一)": "重点群体和农村升学学生落户",
  "二(二)": "有合法稳定住所（含租赁）的人员及其共同居住的家属落户",
  "二(三)": "在社区集体户落户",
  "三(五)": "不得以购房、投资、纳税、积分或退出农村土地权益为落户条件",
};

/** 二(二) → 方案第二部分第（二）项：有合法稳定住所…  (an unknown clause is named as it is). */
export function clauseInWords(clause: string): string {
  const words = CLAUSE_WORDS[clause];
  return words ? `方案${clause}，即“${words}”` : `方案${clause}`;
}
