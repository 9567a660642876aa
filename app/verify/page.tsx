import { redirect } from "next/navigation";
import { CardPage } from "@/components/ui/card-page";

export const metadata = { title: "核验准予迁入证明", robots: { index: false } };

/** Public: type a permit number (or scan the QR code, which opens /verify/<number> directly). */
export default async function VerifyPage({ searchParams }: { searchParams: Promise<{ number?: string | string[]; code?: string | string[] }> }) {
  const { number, code } = await searchParams;
  // An empty submit says so instead of reloading silently.
  const empty = typeof number === "string" && !number.trim();
  if (typeof number === "string" && number.trim()) {
    const c = typeof code === "string" ? code.trim().slice(0, 80) : "";
    redirect(`/verify/${encodeURIComponent(number.trim().toUpperCase().slice(0, 40))}${c ? `?code=${encodeURIComponent(c)}` : ""}`);
  }
  return (
    <CardPage title="核验准予迁入证明">
      <p className="mb-4 text-sm text-slate-700">扫描准迁证右下角的二维码，或输入证明编号和证明上印的核验码，即可核验真伪。无需登录。</p>
      <form method="get" action="/verify" className="space-y-4">
        <div>
          <label htmlFor="number" className="label">
            准迁证编号
          </label>
          {empty && (
            <p id="number-error" className="field-error" role="alert">
              请输入准迁证编号
            </p>
          )}
          <input
            id="number"
            name="number"
            className="input"
            placeholder="如 ZQ-2026-000045"
            maxLength={40}
            autoComplete="off"
            autoFocus={empty}
            aria-invalid={empty || undefined}
            aria-describedby={empty ? "number-error" : undefined}
          />
        </div>
        <div>
          <label htmlFor="code" className="label">
            核验码
          </label>
          <input id="code" name="code" className="input font-mono" placeholder="证明上“核验码”后的24位字母数字" maxLength={80} autoComplete="off" required />
        </div>
        <button type="submit" className="btn-primary w-full">
          核验
        </button>
      </form>
    </CardPage>
  );
}
