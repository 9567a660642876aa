import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser, runQuery } from "@/lib/auth/guard";
import { collectiveEditQuery } from "@/lib/admin/load-admin-pages";
import { beijingDate } from "@/lib/calendar/working-days";
import { CollectiveForm } from "../collective-form";

export const metadata = { title: "修改社区集体户" };

export default async function EditCollectivePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(["admin"], `/admin/collective/${encodeURIComponent(id)}`);
  const { household: h, stations } = await runQuery(user, collectiveEditQuery, id);
  if (!h) notFound();
  return (
    <div className="space-y-4">
      <p>
        <Link href="/admin/collective" className="text-brand-700 underline">
          ← 返回社区集体户登记
        </Link>
      </p>
      <h1 className="page-title">修改社区集体户</h1>
      <div className="card">
        <CollectiveForm id={h.id} initial={{ ...h, approvedAt: beijingDate(h.approvedAt) }} stations={stations} />
      </div>
    </div>
  );
}
