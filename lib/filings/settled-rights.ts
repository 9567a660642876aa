/**
 * What a settled resident may now claim under the plan (三(五)–(十)), each with the office
 * the plan names as responsible. Shown on the filing page once registration is complete.
 */
export type SettledRight = { clause: string; title: string; text: string; office: string };

/** The information the plan gives a resident before filing too (三(五), 三(六), 三(九), 三(十)): shown on the pre-check page. */
export const PLAN_INFORMATION_CLAUSES = ["三(五)", "三(六)", "三(九)", "三(十)"] as const;

export const SETTLED_RIGHTS: readonly SettledRight[] = [
  {
    clause: "三(六)",
    title: "住房保障和住房公积金",
    text: "符合条件的进城落户农业转移人口纳入城镇住房保障体系，可通过住房租赁市场租房居住；农业转移人口、个体工商户、自由职业者可缴存住房公积金，职工连续足额缴存住房公积金满3个月，凭无房证明可提取用于支付房租。",
    office: "市住房城乡建设局",
  },
  {
    clause: "三(七)",
    title: "医疗保险关系转移接续",
    text: "可按规定办理基本医疗保险关系转移接续，参加城镇职工或城乡居民基本医疗保险。",
    office: "市医保局（市卫生健康委配合）",
  },
  {
    clause: "三(八)",
    title: "养老保险",
    text: "可按规定参加城镇职工或城乡居民基本养老保险，办理养老保险关系转移接续；符合条件的享受社会救助等保障。",
    office: "市人力资源社会保障局、市民政局",
  },
  {
    clause: "三(九)",
    title: "随迁子女教育",
    text: "随迁子女以公办学校为主接受义务教育、以普惠性幼儿园为主接受学前教育；凡在我市就业的非就业地户籍人员子女，具有流入地初中正式学籍的，可在学籍所在地参加中招升学考试，普通高中学生符合转学条件的可正常转学。",
    office: "市教育局",
  },
  {
    clause: "三(十)",
    title: "居住证",
    text: "居住证制度覆盖全部未落户的城镇常住人口：尚未落户（或不愿落户）的，可按《三门峡市居住证实施办法》向居住地公安机关（派出所）申领居住证，享有国家规定的各项基本公共服务和办事便利。",
    office: "市公安局",
  },
  {
    clause: "三(五)",
    title: "农村土地权益",
    text: "进城落户后依法保留土地承包权、宅基地使用权和集体收益分配权；不得强行要求转让，也不得将其作为进城落户条件。本人愿意的，可依法自愿在本集体经济组织内部有偿转让（自愿、有偿，不是落户条件）。",
    office: "市农业农村局（市自然资源规划局配合）",
  },
];

/** 三(五), 三(六), 三(九), 三(十) in the plan's order, as the plan says them. */
export const PLAN_INFORMATION: readonly SettledRight[] = PLAN_INFORMATION_CLAUSES.map((c) => SETTLED_RIGHTS.find((r) => r.clause === c)!);
