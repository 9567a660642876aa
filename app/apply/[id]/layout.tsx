import Link from "next/link";

export default async function DraftLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <div className="mx-auto max-w-2xl">
      <nav aria-label="申请导航" className="mb-4 text-sm">
        <Link href={`/apply/${encodeURIComponent(id)}`} className="text-brand-700 underline">
          ← 返回任务列表
        </Link>
        <span className="ml-3 text-slate-500">每页点击“保存并继续”即保存草稿，之后可随时离开，在任何设备登录后继续填写；未保存就离开时会提醒您。</span>
      </nav>
      {children}
    </div>
  );
}
