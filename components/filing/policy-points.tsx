/** Points of the plan for residents (the rights after settling, what else to know): title, clause, text, responsible office. */
export function PolicyPoints({ points }: { points: ReadonlyArray<{ clause: string; title: string; text: string; office: string }> }) {
  return (
    <ul className="mt-2 space-y-3">
      {points.map((r) => (
        <li key={r.clause}>
          <p className="font-medium">
            {r.title} <span className="text-sm text-slate-600">（方案{r.clause}）</span>
          </p>
          <p className="text-sm text-slate-700">{r.text}</p>
          <p className="text-sm">负责部门：{r.office}</p>
        </li>
      ))}
    </ul>
  );
}
