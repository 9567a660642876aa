import Link from "next/link";
import { requirePageUser } from "@/lib/auth/guard";
import { STAFF_AND_RESIDENT } from "@/lib/auth/roles";
import { loadAccountSecurity } from "@/lib/auth/account-view";
import { endOtherSessionsAction, endSessionAction } from "./actions";
import { TitledCard } from "@/components/ui/titled-card";

export const metadata = { title: "账户安全" };

const fmt = (d: Date) => d.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });

/** The person's own sessions (end any other one) and their password and two-factor settings. */
export default async function AccountPage() {
  const user = await requirePageUser(STAFF_AND_RESIDENT, "/account");
  const { sessions, twoFactor, twoFactorRequired } = await loadAccountSecurity(user);
  const others = sessions.filter((s) => !s.current);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="page-title">账户安全</h1>
      <TitledCard id="sessions-h" title="当前登录的设备">
        <p className="mb-3 text-sm text-slate-600">
          {user.role === "resident" ? "2小时" : "30分钟"}无操作自动退出；每次登录最长有效12小时。发现不认识的登录，请结束它并修改密码。
        </p>
        <ul className="divide-y divide-slate-200" data-testid="session-list">
          {sessions.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="session-row" data-current={s.current ? "1" : "0"}>
              <div className="text-sm">
                <p className="font-medium">
                  {s.current ? "本设备（当前）" : "其他设备"} · {s.ip}
                </p>
                <p className="break-all text-slate-600">{s.userAgent || "未知浏览器"}</p>
                <p className="text-slate-600">
                  登录于 {fmt(s.createdAt)}，最近活动 {fmt(s.lastSeenAt)}
                </p>
              </div>
              {!s.current && (
                <form action={endSessionAction}>
                  <input type="hidden" name="sessionId" value={s.id} />
                  <button type="submit" className="btn-secondary">
                    结束此登录
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
        {others.length > 0 && (
          <form action={endOtherSessionsAction} className="mt-3">
            <button type="submit" className="btn-danger">
              结束其他全部登录（{others.length}）
            </button>
          </form>
        )}
      </TitledCard>
      <TitledCard id="security-h" title="密码与两步验证">
        <ul className="space-y-2 text-sm">
          <li>
            <Link href="/account/password" className="text-brand-700 underline">
              修改密码
            </Link>
            （修改后所有设备上的登录都会结束）
          </li>
          <li>
            <Link href="/account/two-factor" className="text-brand-700 underline">
              两步验证（身份验证器）
            </Link>
            ：{twoFactor.enabled ? `已启用，剩余恢复码 ${twoFactor.recoveryCodesLeft} 个` : twoFactorRequired ? "未启用（必须启用）" : "未启用"}
          </li>
        </ul>
      </TitledCard>
    </div>
  );
}
