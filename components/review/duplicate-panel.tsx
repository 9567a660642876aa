import Link from "next/link";
import type { DuplicateHit } from "@/lib/filings/duplicate-check";
import { STATUS_LABELS } from "@/lib/filings/status";

/** Another open filing for the same person anywhere in the city, or a registration here already. */
export function DuplicatePanel({ hits }: { hits: DuplicateHit[] }) {
  return (
    <section className="card" aria-labelledby="dup-title" data-testid="duplicate-panel">
      <h2 id="dup-title" className="mb-2 text-lg font-semibold">
        重复申请核查
      </h2>
      {hits.length === 0 ? (
        <p className="text-green-800">未发现同一身份证号码在全市的其他在办申请，也未发现已在本落户地登记的记录。</p>
      ) : (
        <ul className="space-y-2" role="list">
          {hits.map((h) => (
            <li key={`${h.applicationId}-${h.memberId}`} className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900">
              <span className="font-medium">{h.personName}</span>
              {h.kind === "already_registered" ? " 已通过申请 " : " 另有在办申请 "}
              {h.sameStation ? (
                <Link href={`/clerk/filings/${h.applicationId}`} className="font-mono underline">
                  {h.reference ?? "（无编号）"}
                </Link>
              ) : (
                <span className="font-mono">{h.reference ?? "（无编号）"}</span>
              )}
              {h.kind === "already_registered" ? " 在落户地登记户口" : `（${h.stationName ?? "其他派出所"}，${STATUS_LABELS[h.status]}）`}。
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
