import Link from "next/link";
import { runGuarded } from "@/lib/auth/guard";
import type { SessionUser } from "@/lib/auth/roles";
import { supervisionFigureDef } from "@/lib/supervision/supervision";

/** The dashboard's supervision figure (四(四)): intercepted attempts to impose forbidden or unset conditions this year. */
export async function SupervisionFigure({ user }: { user: SessionUser }) {
  if (user.role !== "official") return null;
  const fig = await runGuarded(user, supervisionFigureDef, {});
  return (
    <section
      className="card mb-6 flex flex-wrap items-center justify-between gap-3"
      aria-labelledby="supervision-figure-title"
      data-testid="supervision-figure"
    >
      <div>
        <h2 id="supervision-figure-title" className="font-semibold">
          违规设置落户条件（{fig.from.slice(0, 4)}年以来）
        </h2>
        <p className="text-sm text-slate-600">被系统拦截的以购房、投资、纳税、积分、放弃土地权益或社保、居住年限、名额等为条件的尝试（四(四)）</p>
      </div>
      <p>
        <strong className="text-3xl tabular-nums" data-testid="supervision-figure-count">
          {fig.attempts}
        </strong>{" "}
        次
        <Link href="/official/supervision" className="ml-3 text-brand-700 underline">
          查看明细
        </Link>
      </p>
    </section>
  );
}
