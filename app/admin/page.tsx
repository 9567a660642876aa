import Link from "next/link";
import { TwoFactorHint } from "@/components/two-factor-hint";
import { requirePageUser, runGuarded } from "@/lib/auth/guard";
import { calendarStatusDef, calendarWarningText } from "@/lib/calendar/calendar-warning";
import { ADMIN_SECTIONS } from "@/components/admin/admin-nav";

export const metadata = { title: "系统管理" };

/** Settings index: every change made from these pages is written to the audit trail. */
export default async function AdminPage() {
  const user = await requirePageUser(["admin"], "/admin");
  const { missingYear } = await runGuarded(user, calendarStatusDef, {});
  return (
    <div>
      <h1 className="page-title">系统管理</h1>
      <TwoFactorHint user={user} />
      {missingYear && (
        <p className="mb-4 rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950" role="alert" data-testid="calendar-warning">
          {calendarWarningText(missingYear)}{" "}
          <Link href="/admin/calendar" className="underline">
            去录入
          </Link>
        </p>
      )}
      <p className="mb-4 text-slate-700">您好，{user.realName}。以下各项设置的每一次修改都会记入审计日志。</p>
      <ul className="grid gap-3 sm:grid-cols-2">
        {ADMIN_SECTIONS.map((s) => (
          <li key={s.href}>
            <Link href={s.href} className="card block h-full hover:border-brand-600">
              <span className="text-lg font-semibold text-brand-700 underline">{s.title}</span>
              <span className="mt-1 block text-sm text-slate-700">{s.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
