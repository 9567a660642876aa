import Link from "next/link";
import { requirePageUser } from "@/lib/auth/guard";
import { getPrisma } from "@/lib/db/client";
import { COUNTIES } from "@/lib/places";
import { loadTransferTargets } from "@/lib/admin/transfer-targets";
import { currentBeijingYear } from "@/lib/stats/period";
import { AdminBack } from "../_ui/admin-nav";
import { TargetsForm } from "./targets-form";

export const metadata = { title: "转户目标" };

export default async function TargetsPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  await requirePageUser(["admin"], "/admin/targets");
  const y = Number((await searchParams).year);
  const now = currentBeijingYear();
  const year = Number.isInteger(y) && y >= 2015 && y <= 2100 ? y : now;
  const targets = await loadTransferTargets(getPrisma(), year);
  return (
    <div className="space-y-4">
      <AdminBack />
      <h1 className="page-title">转户目标（{year}年）</h1>
      <p className="text-slate-700">《实施方案》要求全市每年转户不少于46,000人。请将年度目标分解到各县（市、区）；全市目标为各单位目标之和，且不低于46,000人。</p>
      <nav aria-label="年度" className="flex flex-wrap gap-2">
        {[now - 1, now, now + 1].map((x) => (
          <Link key={x} href={`/admin/targets?year=${x}`} className={x === year ? "btn-primary" : "btn-secondary"} aria-current={x === year ? "page" : undefined}>
            {x}年
          </Link>
        ))}
      </nav>
      <section className="card">
        <TargetsForm key={year} year={year} counties={COUNTIES.map((c) => ({ code: c.code, name: c.name }))} initial={Object.fromEntries(COUNTIES.map((c) => [c.code, targets[c.code] === null ? "" : String(targets[c.code])]))} />
      </section>
    </div>
  );
}
