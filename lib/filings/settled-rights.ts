/**
 * What a settled resident may now claim under the plan (三(五)–(十)), each with the office
 * the plan names as responsible. Shown on the filing page once registration is complete.
 */
export type SettledRight = { clause: string; title: string; text: string; office: string };

export const SETTLED_RIGHTS: readonly SettledRight[] = [
  {
    clause: "三(六)",
    title: "住房保障和住房公积金",
    text: "符合条件的可申请纳入城镇住房保障；按规定缴存住房公积金，连续足额缴存满3个月可申请提取公积金支付房租。",
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
    text: "随迁子女可在落户地接受义务教育，并按规定在当地参加中考（升学考试）。",
    office: "市教育局",
  },
  {
    clause: "三(十)",
    title: "居住证",
    text: "尚未落户或不愿落户的共同居住家庭成员，可申领居住证，享有居住地基本公共服务。",
    office: "市公安局",
  },
  {
    clause: "三(五)",
    title: "农村土地权益",
    text: "进城落户后，依法保留土地承包权、宅基地使用权和集体收益分配权，不以退出上述权益作为落户条件。",
    office: "市农业农村局（市自然资源规划局配合）",
  },
];
