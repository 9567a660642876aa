import Link from "next/link";
import type { ReactNode } from "react";

/** A column heading: its text, or the text with classes; `srOnly` headings (操作) are read out, not shown. */
export type ListColumn = string | { label: string; className?: string; srOnly?: boolean };

/**
 * The list table of the staff pages: a card that scrolls sideways at 375 px, a caption for
 * screen readers (shown when `showCaption`), column headings with `scope="col"` (none for a table
 * whose rows are headed, see HeadedRows), and the rows.
 */
export function ListTable({
  caption,
  showCaption = false,
  columns,
  testId,
  children,
}: {
  caption: ReactNode;
  showCaption?: boolean;
  columns?: readonly ListColumn[];
  testId?: string;
  children: ReactNode;
}) {
  return (
    <div className="card overflow-x-auto">
      <Table testId={testId} columns={columns} caption={<caption className={showCaption ? "px-2 py-2 text-left font-semibold" : "sr-only"}>{caption}</caption>}>
        {children}
      </Table>
    </div>
  );
}

function Table({ testId, columns, caption, children }: { testId?: string; columns?: readonly ListColumn[]; caption?: ReactNode; children: ReactNode }) {
  return (
    <table className="table-basic" data-testid={testId}>
      {caption}
      {columns && (
        <thead>
          <tr>
            {columns.map((c) => {
              const col = typeof c === "string" ? { label: c } : c;
              return (
                <th key={col.label} scope="col" className={col.className}>
                  {col.srOnly ? <span className="sr-only">{col.label}</span> : col.label}
                </th>
              );
            })}
          </tr>
        </thead>
      )}
      <tbody>{children}</tbody>
    </table>
  );
}

/** Rows of a two-column table headed by their first cell (`scope="row"`): "受理（提交后） | 5 个工作日". */
export function HeadedRows({
  rows,
  headClassName = "text-left font-medium",
}: {
  rows: ReadonlyArray<readonly [label: string, value: ReactNode]>;
  headClassName?: string;
}) {
  return rows.map(([label, value]) => (
    <tr key={label}>
      <th scope="row" className={headClassName}>
        {label}
      </th>
      <td>{value}</td>
    </tr>
  ));
}

/** The heading of a row's action column (read out, not shown). */
export const ACTIONS_COLUMN: ListColumn = { label: "操作", srOnly: true };

/** A row's link ("修改", "管理"), naming the row for screen readers. */
export function RowLink({ href, children, name }: { href: string; children: ReactNode; name: ReactNode }) {
  return (
    <Link href={href} className="text-brand-700 underline">
      {children}
      <span className="sr-only">{name}</span>
    </Link>
  );
}

/** Links to the years of a yearly list (calendar, population), the shown year marked. */
export function YearNav({
  years,
  current,
  href,
  label,
  suffix,
}: {
  years: readonly number[];
  current: number;
  href: (year: number) => string;
  label: string;
  suffix?: (year: number) => string;
}) {
  return (
    <nav aria-label={label} className="flex flex-wrap gap-2">
      {years.map((x) => (
        <Link key={x} href={href(x)} className={x === current ? "btn-primary" : "btn-secondary"} aria-current={x === current ? "page" : undefined}>
          {x}年{suffix?.(x)}
        </Link>
      ))}
    </nav>
  );
}

/**
 * A wide table in a region that scrolls sideways on a phone and can be scrolled with the
 * keyboard (focusable, named by the heading `labelledBy` points to).
 */
export function RegionTable({
  labelledBy,
  testId,
  columns,
  children,
}: {
  labelledBy: string;
  testId?: string;
  columns: readonly ListColumn[];
  children: ReactNode;
}) {
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white" tabIndex={0} role="region" aria-labelledby={labelledBy}>
      <Table testId={testId} columns={columns}>
        {children}
      </Table>
    </div>
  );
}
