import Link from "next/link";
import { formatCell, type StatTable } from "@/lib/stats/tables";
import { BarChart, type BarChartProps } from "./bar-chart";

type DataTableProps = {
  table: StatTable;
  csvHref?: string;
  rowHref?: (key: string) => string | null;
  /** A count that leads to the filings behind it (row key, column label → link). */
  cellHref?: (key: string | null, column: string) => string | null;
  highlight?: (row: number) => boolean;
};

/**
 * The accessible table beside every chart: the same numbers, readable without the picture
 * (caption, column and row headers), scrollable on a phone, with its CSV download.
 */
export function DataTable({ table, csvHref, rowHref, cellHref, highlight }: DataTableProps) {
  const captionId = `t-${table.key}-caption`;
  return (
    <div className="min-w-0" data-testid={`table-${table.key}`}>
      <div className="overflow-x-auto rounded border border-slate-200" tabIndex={0} role="region" aria-labelledby={captionId}>
        <table className="table-basic">
          <caption id={captionId} className="bg-white px-2 py-2 text-left font-semibold">
            {table.title}
          </caption>
          <thead>
            <tr>
              {table.columns.map((c, i) => (
                <th key={c.label} scope="col" className={i > 0 && c.format !== "text" ? "text-right whitespace-nowrap" : "whitespace-nowrap"}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => {
              const key = table.rowKeys[r];
              const href = key && rowHref ? rowHref(key) : null;
              const total = key === null;
              return (
                <tr key={`${key ?? "total"}-${r}`} className={`${total ? "bg-slate-50 font-semibold" : ""} ${highlight?.(r) ? "bg-amber-50" : ""}`}>
                  {row.map((cell, i) =>
                    i === 0 ? (
                      <th key={i} scope="row" className="whitespace-nowrap text-left font-medium">
                        {href ? (
                          <Link href={href} className="text-brand-700 underline">
                            {formatCell(cell, table.columns[i].format)}
                          </Link>
                        ) : (
                          formatCell(cell, table.columns[i].format)
                        )}
                      </th>
                    ) : (
                      <td key={i} className={table.columns[i].format !== "text" ? "text-right tabular-nums whitespace-nowrap" : "min-w-40"}>
                        {(() => {
                          const link = typeof cell === "number" && cell !== 0 ? cellHref?.(key, table.columns[i].label) : null;
                          const text = formatCell(cell, table.columns[i].format);
                          return link ? (
                            <Link href={link} className="text-brand-700 underline" aria-label={`${text}：查看${String(row[0])}${table.columns[i].label}的申请`}>
                              {text}
                            </Link>
                          ) : (
                            text
                          );
                        })()}
                      </td>
                    ),
                  )}
                </tr>
              );
            })}
            {table.rows.length === 0 && (
              <tr>
                <td colSpan={table.columns.length} className="text-slate-600">
                  本期暂无数据。
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {table.note && <p className="mt-1 text-sm text-slate-600">{table.note}</p>}
      {csvHref && (
        <p className="mt-1">
          <a href={csvHref} className="text-sm text-brand-700 underline" download>
            下载CSV（{table.title.replace(/（.*$/, "")}）
          </a>
        </p>
      )}
    </div>
  );
}

/**
 * A chart with its table beside it: side by side on a wide screen; a table with many columns
 * (`wide`) goes under its chart at full width. On a phone, one under the other.
 */
export function ChartWithTable({ chart, children, wide }: { chart: React.ReactNode; children: React.ReactNode; wide?: boolean }) {
  return (
    <div className={`grid items-start gap-4 ${wide ? "" : "xl:grid-cols-2"}`}>
      <figure className={`min-w-0 rounded border border-slate-200 bg-white p-2 ${wide ? "max-w-4xl" : ""}`}>{chart}</figure>
      {children}
    </div>
  );
}

/**
 * A figure of the statistics: the chart of a table's numbers, named after the table (`chart.id`
 * when another name is wanted), with the table and its links beside it (ChartWithTable).
 */
export function TableFigure({ chart, wide, ...table }: DataTableProps & { chart: Omit<BarChartProps, "id"> & { id?: string }; wide?: boolean }) {
  return (
    <ChartWithTable wide={wide} chart={<BarChart id={table.table.key} {...chart} />}>
      <DataTable {...table} />
    </ChartWithTable>
  );
}
