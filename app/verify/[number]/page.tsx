import Link from "next/link";
import { headers } from "next/headers";
import { verifyPermitPublicly } from "@/lib/permits/verify-permit-publicly";
import { DateText } from "@/components/date-text";
import { checkRateLimit, RATE_LIMITS } from "@/lib/http/rate-limit";
import { clientIpFromHeaders } from "@/lib/http/client-ip";

export const metadata = { title: "准迁证核验结果", robots: { index: false } };

/**
 * The public verification page behind the permit's QR code (no sign-in): genuine and current,
 * revoked, or unknown — with the people masked (姓名、身份证号) so the page gives away no more
 * than is needed to recognise the permit. Rate-limited per client against number guessing.
 */
export default async function VerifyNumberPage({
  params,
  searchParams,
}: {
  params: Promise<{ number: string }>;
  searchParams: Promise<{ code?: string | string[] }>;
}) {
  const { number: raw } = await params;
  const { code } = await searchParams;
  let number: string;
  try {
    number = decodeURIComponent(raw);
  } catch {
    number = raw;
  }
  const limited = await checkRateLimit(RATE_LIMITS.verify, clientIpFromHeaders(await headers()));
  if (limited) {
    return (
      <div className="card mx-auto max-w-xl" role="alert">
        <h1 className="page-title">请稍后再试</h1>
        <p>核验请求过于频繁，请 {limited} 秒后再试。</p>
      </div>
    );
  }
  const v = await verifyPermitPublicly(number, typeof code === "string" ? code : "");
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="page-title">准迁证核验结果</h1>
      {v.state === "unknown" && (
        <div className="rounded-lg border-2 border-slate-400 bg-white p-5" data-testid="verify-result" data-state="unknown">
          <p className="text-xl font-bold">未查到该证明</p>
          <p className="mt-2 text-slate-700">
            编号“{v.number}
            ”与核验码不对应任何三门峡市签发的准予迁入证明。请核对证明上的编号和核验码（扫描证明上的二维码会自动带上两者）；如二维码指向其他网址，请谨防伪造。
          </p>
        </div>
      )}
      {v.state !== "unknown" && (
        <div
          className={`rounded-lg border-2 p-5 ${v.state === "valid" ? "border-green-600 bg-green-50" : "border-red-600 bg-red-50"}`}
          data-testid="verify-result"
          data-state={v.state}
        >
          <p className={`text-xl font-bold ${v.state === "valid" ? "text-green-800" : "text-red-800"}`}>
            {v.state === "valid" ? "✔ 真实有效" : "✖ 已撤销（失效）"}
          </p>
          <dl className="mt-3 grid grid-cols-[7rem_1fr] gap-y-1 text-sm">
            <dt className="text-slate-600">证明编号</dt>
            <dd>{v.number}</dd>
            <dt className="text-slate-600">签发机关</dt>
            <dd>{v.stationName}</dd>
            <dt className="text-slate-600">迁入地</dt>
            <dd>{v.destinationCountyName}</dd>
            <dt className="text-slate-600">签发日期</dt>
            <dd>
              <DateText date={v.issuedAt} />
            </dd>
            {v.revokedAt && (
              <>
                <dt className="text-slate-600">撤销日期</dt>
                <dd>
                  <DateText date={v.revokedAt} />
                </dd>
              </>
            )}
            {v.registered && (
              <>
                <dt className="text-slate-600">办理情况</dt>
                <dd>已完成落户</dd>
              </>
            )}
          </dl>
          <h2 className="mt-4 font-semibold">迁入人员</h2>
          <ul className="text-sm" data-testid="verify-persons">
            {v.persons.map((p, i) => (
              <li key={i}>
                {p.maskedName}（{p.relation}） {p.maskedIdNumber}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="text-sm text-slate-600">
        为保护个人信息，姓名和身份证号码已部分隐藏。
        <Link href="/verify" className="ml-2 text-brand-700 underline">
          核验其他编号
        </Link>
      </p>
    </div>
  );
}
