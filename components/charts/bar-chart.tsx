/**
 * A horizontal bar chart in plain SVG (no chart library): one row per category, one bar per
 * series. The picture is decoration for sighted readers — it is an image with a title and a
 * text description, and the same numbers always stand in a table beside it (ChartWithTable).
 * Uses the width it is given (viewBox) but never draws smaller than its natural size, so
 * every label stays at least 12 px: on a narrow phone the figure scrolls sideways instead.
 * Axis titles name what is measured; target lines (markers) are drawn across the bars; each bar
 * has a tooltip (its <title>) with the numbers behind it, e.g. numerator and denominator.
 */

export type BarSeries = {
  name: string;
  values: ReadonlyArray<number | null>;
  color?: string;
};

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
  /** More reference lines (targets). */
  markers?: ReadonlyArray<{ value: number; label: string }>;
  /** Title of the value axis (what and in which unit), and of the category axis. */
  valueTitle?: string;
  categoryTitle?: string;
  /** Tooltip of one bar (category i, series k), e.g. "已落户 3,000 ÷ 目标 4,600". */
  detail?: (i: number, k: number) => string | null;
};

export const SERIES_COLORS = ["#1e40af", "#f59e0b", "#059669", "#b91c1c", "#7c3aed"];

const WIDTH = 560;
const LABEL_W = 170;
const VALUE_W = 72;
const BAR_H = 16;
const AXIS_H = 40;
const GAP = 4;
const ROW_PAD = 10;

/** The scale's end: the given maximum, else a round number (1, 2, 2.5, 5 × 10ⁿ per tick) so the four ticks read well. */
function niceTop(v: number, max?: number): number {
  if (max !== undefined && v <= max) return max;
  const raw = v / 4;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow;
  return step * 4;
}

function truncate(s: string, max = 12): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

export function BarChart({
  id,
  title,
  categories,
  series,
  format = (v) => v.toLocaleString("zh-CN"),
  max,
  marker,
  markers,
  valueTitle,
  categoryTitle,
  detail,
}: BarChartProps) {
  const lines = [...(marker ? [marker] : []), ...(markers ?? [])];
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const top = niceTop(Math.max(max ?? 0, ...values, ...lines.map((m) => m.value), 0) || 1, max);
  const rowH = series.length * (BAR_H + GAP) + ROW_PAD;
  const legendH = (series.length > 1 ? 24 : 0) + (categoryTitle ? 18 : 0);
  const plotBottom = legendH + categories.length * rowH + 4;
  const height = plotBottom + AXIS_H;
  const plotW = WIDTH - LABEL_W - VALUE_W;
  const x = (v: number) => LABEL_W + (Math.max(0, v) / top) * plotW;
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const desc = categories
    .map(
      (c, i) =>
        `${c}：${series.map((s) => `${s.name} ${s.values[i] === null || s.values[i] === undefined ? "无数据" : format(s.values[i] as number)}`).join("，")}`,
    )
    .join("；");

  return (
    <div className="overflow-x-auto">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        className="h-auto"
        style={{ minWidth: WIDTH }}
        data-testid={`chart-${id}`}
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{desc}</desc>
        {categoryTitle && (
          <text x={LABEL_W - 8} y={14} fontSize="12" fontWeight="600" textAnchor="end" fill="#334155" data-axis="category">
            {categoryTitle}
          </text>
        )}
        {series.length > 1 &&
          series.map((s, k) => (
            <g key={s.name} transform={`translate(${LABEL_W + k * 150}, ${categoryTitle ? 22 : 6})`}>
              <rect width="12" height="12" fill={s.color ?? SERIES_COLORS[k % SERIES_COLORS.length]} />
              <text x="16" y="11" fontSize="12" fill="#334155">
                {s.name}
              </text>
            </g>
          ))}
        {/* value axis with ticks and its title */}
        <line x1={LABEL_W} x2={LABEL_W + plotW} y1={plotBottom} y2={plotBottom} stroke="#94a3b8" />
        {[0, 0.25, 0.5, 0.75, 1].map((f) => (
          <g key={f}>
            <line x1={x(top * f)} x2={x(top * f)} y1={plotBottom} y2={plotBottom + 4} stroke="#94a3b8" />
            <text x={x(top * f)} y={plotBottom + 17} fontSize="12" textAnchor="middle" fill="#475569">
              {format(top * f)}
            </text>
          </g>
        ))}
        {valueTitle && (
          <text x={LABEL_W + plotW / 2} y={plotBottom + 34} fontSize="12" fontWeight="600" textAnchor="middle" fill="#334155" data-axis="value">
            {valueTitle}
          </text>
        )}
        {lines.map((m, j) => (
          <g key={`${m.label}-${j}`} data-testid={`target-line-${id}`}>
            <line x1={x(m.value)} x2={x(m.value)} y1={legendH} y2={plotBottom} stroke="#b91c1c" strokeWidth="1.5" strokeDasharray="5 3" />
            <text
              x={Math.min(x(m.value) + 3, WIDTH - 4)}
              y={legendH + 12 + j * 14}
              fontSize="12"
              fill="#b91c1c"
              textAnchor={x(m.value) + 3 > WIDTH - 90 ? "end" : "start"}
            >
              {m.label}
            </text>
          </g>
        ))}
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
                    <rect
                      x={LABEL_W}
                      y={y}
                      width={has ? Math.max(1, x(v as number) - LABEL_W) : 0}
                      height={BAR_H}
                      fill={s.color ?? SERIES_COLORS[k % SERIES_COLORS.length]}
                      rx="2"
                    >
                      <title>{`${c} · ${s.name}：${has ? format(v as number) : "无数据"}${detail?.(i, k) ? `（${detail(i, k)}）` : ""}`}</title>
                    </rect>
                    <text x={has ? x(v as number) + 4 : LABEL_W + 4} y={y + BAR_H - 3} fontSize="12" fill="#334155">
                      {has ? format(v as number) : "—"}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
    </div>
  );
}
