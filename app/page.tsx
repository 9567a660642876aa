import Link from "next/link";

const CHANNELS = [
  {
    title: "重点群体落户",
    clause: "二(一)",
    text: "高校毕业生、职业院校毕业生、技术工人、参军进入城镇人员、留学归国人员全面放开；暂未落实工作单位的，可先落户后就业。",
  },
  { title: "农村升学学生", clause: "二(一)", text: "大中专院校录取的农村户籍学生，入学时可迁至学校所在地，毕业后可迁入就业地或根据本人意愿迁回原籍。" },
  { title: "合法稳定住所（含租赁）", clause: "二(二)", text: "在全市城镇有合法稳定住所（含租赁）的人员，可在当地申请登记常住户口。租房与自有住房同等对待。" },
  { title: "共同居住的家属", clause: "二(二)", text: "与落户人员共同居住生活的配偶、子女、父母等，可随同申请。" },
  { title: "社区集体户", clause: "二(三)", text: "无合法稳定住所、无直系亲属投靠、就业单位无集体户口的，可在就业所在地派出所社区集体户登记户口。" },
];

/** Where a visitor starts: the pre-check first, then the application or a permit's verification. */
const START_LINKS = [
  { href: "/precheck", label: "先做落户预检", className: "btn-primary" },
  { href: "/apply", label: "我要申请", className: "btn-secondary" },
  { href: "/verify", label: "核验准迁证", className: "btn-secondary" },
];

export default function HomePage() {
  return (
    <div className="space-y-8">
      <section className="card">
        <h1 className="text-2xl font-bold sm:text-3xl">网上办理落户，最多跑一次</h1>
        <p className="mt-3 text-slate-700">
          依据《推动非户籍人口在城市落户实施方案》（三政办〔2019〕24号），在三门峡市城镇有合法稳定住所（含租赁）、符合重点群体条件或随迁的家属，均可根据本人意愿申请落户。
          不以购房、投资纳税、积分或退出农村土地承包权、宅基地使用权、集体收益分配权作为条件。
        </p>
        <div className="mt-5 flex flex-wrap gap-3">
          {START_LINKS.map((l) => (
            <Link key={l.href} href={l.href} className={l.className}>
              {l.label}
            </Link>
          ))}
        </div>
      </section>
      <section aria-labelledby="channels">
        <h2 id="channels" className="mb-3 text-xl font-semibold">
          落户通道
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2">
          {CHANNELS.map((c) => (
            <li key={c.title} className="card">
              <h3 className="font-semibold">
                {c.title} <span className="text-sm font-normal text-slate-500">（方案{c.clause}）</span>
              </h3>
              <p className="mt-1 text-sm text-slate-700">{c.text}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
