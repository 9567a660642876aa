/**
 * A horizontal bar chart in plain SVG (no chart library): one row per category, one bar per
 * series. The picture is decoration for sighted readers — it is an image with a title and a
 * text description, and the same numbers always stand in a table beside it (ChartWithTable).
 * Scales with its container (viewBox), so it fits a 360 px phone.
 */

export type BarSeries = { name: string; values: ReadonlyArray<number | null>; color?: string };

export type BarChartProps = {
  id: string;
  title: string;
  categories: readonly string[];
  series: readonly BarSeries[];
  /** How a value reads on the bar's end. */
  format?: (v: number) => string;
  /** Upper end of the scale (default: the largest value). */
  max?: number;
  /** A vertical reference line, e.g. a target of 2 points. */
  marker?: { value: number; label: string };
};

export const SERIES_COLORS = ["#1e40af", "#f59e0b", "#059669", "#b91c1c", "#7c3aed"];

const WIDTH = 560;
const LABEL_W = 170;
const VALUE_W = 64;
const BAR_H = 14;
const GAP = 4;
const ROW_PAD = 10;

function truncate(s: string, max = 12): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

export function BarChart({ id, title, categories, series, format = (v) => v.toLocaleString("zh-CN"), max, marker }: BarChartProps) {
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const top = Math.max(max ?? 0, ...values, marker?.value ?? 0, 0) || 1;
  const rowH = series.length * (BAR_H + GAP) + ROW_PAD;
  const legendH = series.length > 1 ? 24 : 0;
  const height = legendH + categories.length * rowH + 8;
  const plotW = WIDTH - LABEL_W - VALUE_W;
  const x = (v: number) => LABEL_W + (Math.max(0, v) / top) * plotW;
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const desc = categories
    .map((c, i) => `${c}：${series.map((s) => `${s.name} ${s.values[i] === null || s.values[i] === undefined ? "无数据" : format(s.values[i] as number)}`).join("，")}`)
    .join("；");

  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-labelledby={`${titleId} ${descId}`} className="h-auto max-w-full" data-testid={`chart-${id}`}>
      <title id={titleId}>{title}</title>
      <desc id={descId}>{desc}</desc>
      {series.length > 1 &&
        series.map((s, k) => (
          <g key={s.name} transform={`translate(${LABEL_W + k * 150}, 6)`}>
            <rect width="12" height="12" fill={s.color ?? SERIES_COLORS[k % SERIES_COLORS.length]} />
            <text x="16" y="11" fontSize="12" fill="#334155">
              {s.name}
            </text>
          </g>
        ))}
      {marker && (
        <g>
          <line x1={x(marker.value)} x2={x(marker.value)} y1={legendH} y2={height - 4} stroke="#b91c1c" strokeDasharray="4 3" />
          <text x={x(marker.value) + 3} y={legendH + 10} fontSize="11" fill="#b91c1c">
            {marker.label}
          </text>
        </g>
      )}
      {categories.map((c, i) => {
        const y0 = legendH + i * rowH + ROW_PAD / 2;
        return (
          <g key={`${c}-${i}`}>
            <text x={LABEL_W - 8} y={y0 + (series.length * (BAR_H + GAP)) / 2 + 4} fontSize="12" textAnchor="end" fill="#0f172a">
              <title>{c}</title>
              {truncate(c)}
            </text>
            {series.map((s, k) => {
              const v = s.values[i];
              const y = y0 + k * (BAR_H + GAP);
              const has = v !== null && v !== undefined && Number.isFinite(v);
              return (
                <g key={s.name}>
                  <rect x={LABEL_W} y={y} width={has ? Math.max(1, x(v as number) - LABEL_W) : 0} height={BAR_H} fill={s.color ?? SERIES_COLORS[k % SERIES_COLORS.length]} rx="2" />
                  <text x={has ? x(v as number) + 4 : LABEL_W + 4} y={y + BAR_H - 3} fontSize="11" fill="#334155">
                    {has ? format(v as number) : "—"}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
