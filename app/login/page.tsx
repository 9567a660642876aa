import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser, homeFor } from "@/lib/auth/guard";
import { SignInForm } from "./sign-in-form";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { CardPage } from "@/components/ui/card-page";

export const metadata = { title: "登录" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[]; changed?: string }> }) {
  const user = await currentUser();
  if (user) redirect(homeFor(user));
  const params = await searchParams;
  // Only a same-site path survives as the target after sign-in (lib/http/safe-redirect.ts).
  const next = safeRedirectPath(params.next, "") || undefined;
  return (
    <CardPage title="登录">
      {params.changed === "1" && (
        <p role="status" className="mb-4 rounded border border-green-300 bg-green-50 p-3 text-green-800">
          密码已修改，所有登录已退出。请用新密码重新登录。
        </p>
      )}
      <SignInForm next={next} />
      <p className="mt-4 text-sm">
        <Link href="/password-reset" className="text-brand-700 underline">
          忘记密码
        </Link>
        （通过手机短信验证码重设）
      </p>
      <p className="mt-4 text-sm text-slate-600">
        还没有账号？
        <Link href={`/register${next ? `?next=${encodeURIComponent(next)}` : ""}`} className="text-brand-700 underline">
          实名注册
        </Link>
        （申请人使用手机号登录；民警、领导等工作人员使用用户名登录）
      </p>
    </CardPage>
  );
}
