import Link from "next/link";
import type { SessionUser } from "@/lib/auth/roles";

/**
 * On a staff home page while the account has no two-factor sign-in (the demo does not require
 * it; production does, LUOHU_REQUIRE_2FA): how to turn it on.
 */
export function TwoFactorHint({ user }: { user: SessionUser }) {
  if (user.role === "resident" || user.twoFactorEnabled) return null;
  return (
    <aside className="mb-4 rounded border border-sky-300 bg-sky-50 p-3 text-sm text-sky-900" aria-label="两步验证" data-testid="two-factor-hint">
      <p className="font-semibold">建议启用两步验证（生产环境对工作人员强制要求）</p>
      <p className="mt-1">
        启用方法：点击页首“账户安全”→
        <Link href="/account/two-factor" className="underline">
          两步验证
        </Link>
        ，用手机上的身份验证器（Microsoft Authenticator、Google Authenticator、FreeOTP
        等）扫描二维码，输入显示的6位数字，并保存恢复码。之后登录时除密码外还需输入验证码。
      </p>
    </aside>
  );
}
