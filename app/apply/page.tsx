import Link from "next/link";
import { redirect } from "next/navigation";
import { requirePageUser, runQuery } from "@/lib/auth/guard";
import { myDraftsQuery } from "@/lib/filings/load-resident-pages";
import { DraftsList } from "@/components/filing/drafts-list";

export const metadata = { title: "我要申请" };

/** 我要申请: continue a draft, or start a new filing (the pre-check's link carries its answers along). */
export default async function ApplyPage({ searchParams }: { searchParams: Promise<{ precheck?: string; from?: string }> }) {
  const { precheck } = await searchParams;
  if (precheck) redirect(`/apply/new?precheck=${encodeURIComponent(precheck)}`);
  const user = await requirePageUser(["resident"], "/apply");
  const drafts = await runQuery(user, myDraftsQuery);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="page-title">我要申请</h1>
      {drafts.length > 0 && (
        <section className="card">
          <h2 className="mb-2 text-lg font-semibold">继续填写草稿</h2>
          <DraftsList drafts={drafts} linkClassName="btn-secondary" />
        </section>
      )}
      <section className="card">
        <h2 className="mb-2 text-lg font-semibold">开始新的申请</h2>
        <p className="mb-4 text-slate-700">网上办理，材料一次告知、一次补齐，最多跑一次。不确定能否落户、走哪个通道，可先做落户预检。</p>
        <div className="flex flex-wrap gap-3">
          <Link href="/apply/new" className="btn-primary">
            选择落户通道并开始
          </Link>
          <Link href="/precheck" className="btn-secondary">
            先做落户预检
          </Link>
        </div>
      </section>
    </div>
  );
}
