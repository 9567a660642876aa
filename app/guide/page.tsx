import { TextLink } from "@/components/ui/links";
import { loadGuide } from "@/lib/filings/load-guide";

export const metadata = { title: "办事指南" };
export const dynamic = "force-dynamic";

/** 办事指南: where and when, what each channel needs, how long it takes, free of charge. */
export default async function GuidePage() {
  const g = await loadGuide();
  const t = g.timeLimits;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="page-title">办事指南：户口迁移（落户）</h1>
        <p className="text-slate-700">
          依据三门峡市人民政府办公室《推动非户籍人口在城市落户实施方案》（三政办〔2019〕24号）。可以网上办理，也可以到下列派出所窗口办理。
        </p>
      </div>

      <section className="card space-y-2" aria-labelledby="basics">
        <h2 id="basics" className="text-xl font-semibold">
          办理须知
        </h2>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            <strong>不收取任何费用。</strong>落户遵循本人意愿，不以购房、投资纳税、积分或退出农村土地承包权、宅基地使用权、集体收益分配权为条件。
          </li>
          <li>
            办理时限：派出所在提交后 <strong>{t.acceptanceWorkingDays} 个工作日</strong>内决定是否受理；受理后 <strong>{t.decisionWorkingDays} 个工作日</strong>
            内作出决定。材料不全的，一次性告知需补正的全部内容，补正期限为 {t.supplementWorkingDays} 个工作日。法定节假日顺延。
          </li>
          <li>网上申请的草稿保留 {t.draftRetentionDays} 天。</li>
          <li>
            办理渠道：网上（本网站，先
            <TextLink href="/precheck">落户预检</TextLink>再<TextLink href="/apply">在线申请</TextLink>
            ），或携带材料原件到落户地派出所窗口。 提交后可凭申请编号
            <TextLink href="/progress">查询办理进度</TextLink>
            ，无需登录。
          </li>
        </ul>
      </section>

      <section className="space-y-3" aria-labelledby="channels">
        <h2 id="channels" className="text-xl font-semibold">
          各落户通道需要的材料
        </h2>
        {g.channels.map((c) => (
          <article key={c.channel} className="card" aria-labelledby={`ch-${c.channel}`}>
            <h3 id={`ch-${c.channel}`} className="text-lg font-semibold">
              {c.title}
            </h3>
            <p className="mt-1">{c.text}</p>
            <p className="mt-1 text-slate-700">{c.who}</p>
            <p className="mt-2 font-medium">需要的材料：</p>
            <ul className="list-disc pl-5">
              {c.documents.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
            {c.variants.length > 0 && (
              <>
                <p className="mt-2 font-medium">按具体情况另需：</p>
                <ul className="list-disc pl-5">
                  {c.variants.map((v) => (
                    <li key={v.label}>
                      {v.label}：{v.documents.join("；")}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </article>
        ))}
      </section>

      <section className="space-y-3" aria-labelledby="where">
        <h2 id="where" className="text-xl font-semibold">
          办理地点（按县、市、区）
        </h2>
        {g.counties.map((county) => (
          <details key={county.code} className="card" data-testid={`guide-county-${county.code}`}>
            <summary className="cursor-pointer text-lg font-semibold">
              {county.name}（{county.stations.length} 个派出所）
            </summary>
            <ul className="mt-3 space-y-3">
              {county.stations.map((s) => (
                <li key={s.id} className="border-t border-slate-200 pt-3">
                  <p className="font-medium">{s.name}</p>
                  <p>地址：{s.address}</p>
                  <p>
                    电话：
                    {s.phone ? (
                      <a href={`tel:${s.phone}`} className="text-brand-700 underline">
                        {s.phone}
                      </a>
                    ) : (
                      "请到窗口咨询"
                    )}
                  </p>
                  <p>办公时间：{s.officeHours ?? "工作日办公，具体时间请致电咨询"}</p>
                  {s.guideNote && <p className="text-slate-700">{s.guideNote}</p>}
                </li>
              ))}
            </ul>
          </details>
        ))}
      </section>
    </div>
  );
}
