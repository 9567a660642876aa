import Link from "next/link";
import { currentUser } from "@/lib/auth/guard";
import { ROLE_HOME, ROLE_LABELS } from "@/lib/auth/roles";
import { signOutAction } from "@/app/login/actions";
import { isElderMode } from "@/lib/http/elder-mode";
import { toggleElderModeAction } from "./elder-mode-actions";

/** The public pages the header names for everyone, signed in or not. */
const HEADER_LINKS = [
  { href: "/precheck", label: "落户预检" },
  { href: "/progress", label: "进度查询" },
];

export async function SiteHeader() {
  const [user, elder] = await Promise.all([currentUser(), isElderMode()]);
  return (
    <header className="bg-brand-800 text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-3 py-3 sm:px-6">
        <Link href="/" className="text-base font-bold leading-tight sm:text-lg">
          三门峡市户口迁移（落户）网上办理
        </Link>
        <nav aria-label="账户" className="flex flex-wrap items-center gap-3 text-sm">
          <form action={toggleElderModeAction}>
            <button type="submit" className="rounded border border-white/60 px-2 py-1 hover:bg-white/10" aria-pressed={elder} data-testid="elder-toggle">
              {elder ? "标准版" : "长辈版"}
              <span className="sr-only">{elder ? "（当前为长辈版：大字、高对比，点击切换回标准版）" : "（大字、高对比的简洁版）"}</span>
            </button>
          </form>
          {HEADER_LINKS.map((l) => (
            <Link key={l.href} href={l.href} className="underline-offset-4 hover:underline">
              {l.label}
            </Link>
          ))}
          {user ? (
            <>
              <Link href={ROLE_HOME[user.role]} className="underline-offset-4 hover:underline" data-testid="signed-in-as">
                {user.realName}（{ROLE_LABELS[user.role]}）
              </Link>
              <Link href="/account" className="underline-offset-4 hover:underline">
                账户安全
              </Link>
              <form action={signOutAction}>
                <button type="submit" className="rounded border border-white/60 px-2 py-1 hover:bg-white/10">
                  退出
                </button>
              </form>
            </>
          ) : (
            <>
              <Link href="/login" className="rounded border border-white/60 px-2 py-1 hover:bg-white/10">
                登录
              </Link>
              <Link href="/register" className="underline-offset-4 hover:underline">
                注册
              </Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}
