import { notFound } from "next/navigation";
import { requirePageUser, runQuery } from "@/lib/auth/guard";
import { stationQuery } from "@/lib/admin/load-admin-pages";
import { AdminBack } from "@/components/admin/admin-nav";
import { StationForm } from "../station-form";

export const metadata = { title: "修改派出所" };

export default async function StationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(["admin"], `/admin/stations/${encodeURIComponent(id)}`);
  const s = await runQuery(user, stationQuery, id);
  if (!s) notFound();
  return (
    <div className="space-y-4">
      <AdminBack />
      <h1 className="page-title">{s.name}</h1>
      <section className="card">
        <StationForm id={s.id} initial={s} />
      </section>
    </div>
  );
}
