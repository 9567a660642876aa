import Link from "next/link";
import { requirePageUser } from "@/lib/auth/guard";
import { STAFF_AND_RESIDENT } from "@/lib/auth/roles";
import { loadTwoFactorEnrolment } from "@/lib/auth/account-view";
import { TotpConfirmForm } from "./totp-confirm-form";
import { restartTotpAction } from "../actions";

export const metadata = { title: "两步验证" };

/** TOTP enrolment: scan the QR code with an authenticator app, confirm with a first code, keep the recovery codes. */
export default async function TwoFactorPage() {
  const user = await requirePageUser(STAFF_AND_RESIDENT, "/account/two-factor", { setupPage: true });
  const { status, pending, required } = await loadTwoFactorEnrolment(user);
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="page-title">两步验证</h1>
      {status.enabled ? (
        <div className="card" data-testid="two-factor-enabled">
          <p>两步验证已启用。登录时除密码外还需输入身份验证器上的6位数字。剩余恢复码 {status.recoveryCodesLeft} 个。</p>
          <p className="mt-2">
            <Link href="/account" className="text-brand-700 underline">
              返回账户安全
            </Link>
          </p>
        </div>
      ) : (
        pending && (
          <div className="card space-y-4">
            {required && (
              <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-900">
                工作人员账号必须启用两步验证后才能继续使用。
              </p>
            )}
            <ol className="list-decimal space-y-1 pl-5 text-sm">
              <li>在手机上安装身份验证器（如 Microsoft Authenticator、Google Authenticator、FreeOTP 或支持 TOTP 的密码管理器）。</li>
              <li>用它扫描下面的二维码；无法扫码时，手动输入密钥。</li>
              <li>输入身份验证器显示的6位数字，完成启用，并妥善保存恢复码。</li>
            </ol>
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src={pending.qrDataUrl} alt="两步验证二维码（内容为身份验证器密钥）" width={220} height={220} className="mx-auto" />
            <p className="text-sm">
              密钥：
              <code className="break-all font-mono" data-testid="totp-secret">
                {pending.secret}
              </code>
            </p>
            <TotpConfirmForm />
            <form action={restartTotpAction}>
              <button type="submit" className="text-sm text-brand-700 underline">
                换一个二维码
              </button>
            </form>
          </div>
        )
      )}
    </div>
  );
}
