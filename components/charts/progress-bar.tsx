/**
 * Progress against a target in SVG: the bar, and a marker where a steady pace would be today.
 * An image with a text alternative; the numbers are in the table beside it as well.
 */
export function ProgressBar({
  id,
  label,
  value,
  target,
  expected,
  className,
}: {
  id: string;
  label: string;
  value: number;
  target: number | null;
  expected?: number | null;
  className?: string;
}) {
  const WIDTH = 600;
  const H = 28;
  const share = target ? value / target : 0;
  const fill = Math.min(1, share) * WIDTH;
  const mark = target && expected ? Math.min(1, expected / target) * WIDTH : null;
  const behind = expected !== null && expected !== undefined && value < expected;
  const text = target
    ? `${label}：已完成 ${value.toLocaleString("zh-CN")} 人，目标 ${target.toLocaleString("zh-CN")} 人，完成 ${(share * 100).toFixed(1)}%${expected ? `；序时进度应完成 ${Math.round(expected).toLocaleString("zh-CN")} 人` : ""}`
    : `${label}：已完成 ${value.toLocaleString("zh-CN")} 人，未设定目标`;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${H + 14}`} width="100%" role="img" aria-label={text} className={className} data-testid={`progress-${id}`}>
      <title>{text}</title>
      <rect x="0" y="0" width={WIDTH} height={H} rx="4" fill="#e2e8f0" />
      <rect x="0" y="0" width={fill} height={H} rx="4" fill={behind ? "#f59e0b" : "#1e40af"} />
      {mark !== null && (
        <g>
          <line x1={mark} x2={mark} y1="-2" y2={H + 2} stroke="#0f172a" strokeWidth="2" />
          <text x={Math.min(mark, WIDTH - 60)} y={H + 12} fontSize="12" fill="#0f172a">
            序时进度
          </text>
        </g>
      )}
      <text x="8" y={H / 2 + 5} fontSize="14" fill={share > 0.12 ? "#fff" : "#0f172a"}>
        {target ? `${(share * 100).toFixed(1)}%` : "—"}
      </text>
    </svg>
  );
}
