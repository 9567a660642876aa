import Link from "next/link";

export default function NotFound() {
  return (
    <div className="card">
      <h1 className="page-title">页面不存在</h1>
      <p className="text-slate-700">您要找的页面不存在，或您没有查看权限。</p>
      <Link href="/" className="mt-4 inline-block text-brand-700 underline">
        返回首页
      </Link>
    </div>
  );
}
