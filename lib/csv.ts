/**
 * CSV for Excel users in China: UTF-8 with a byte-order mark (without it Excel reads the file
 * as GBK and shows mojibake), CRLF line ends, RFC 4180 quoting.
 */
import { contentDisposition } from "@/lib/http/content-disposition";
import { formatBeijing } from "@/lib/format";

export type CsvCell = string | number | boolean | Date | null | undefined;

const BOM = "\uFEFF";

/**
 * A text cell that starts like a formula (=, +, -, @, tab, CR) is prefixed with an apostrophe:
 * a name or note typed by a resident must never run as a formula in the official's Excel
 * (CSV injection). Numbers stay numbers.
 */
function neutralize(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export function csvCell(v: CsvCell): string {
  if (v === null || v === undefined) return "";
  let s: string;
  if (typeof v === "number") s = Number.isFinite(v) ? String(v) : "";
  else if (typeof v === "boolean") s = v ? "是" : "否";
  else if (v instanceof Date) s = formatBeijing(v);
  else s = neutralize(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/** A whole CSV document, BOM first. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  return BOM + csvLine(header) + rows.map(csvLine).join("");
}

/** Dates are formatted in lib/format.ts; re-exported for the CSV exports and pages that import it from here. */
export { formatBeijing };

/** Content-Disposition of a download with a Chinese file name (RFC 6266 / 5987) and an ASCII fallback. */
export function attachmentHeader(fileName: string): string {
  return contentDisposition("attachment", fileName);
}

const CSV_HEADERS = (fileName: string) => ({
  "Content-Type": "text/csv; charset=utf-8",
  "Content-Disposition": attachmentHeader(fileName),
  "Cache-Control": "no-store",
});

export function csvResponse(fileName: string, header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): Response {
  return new Response(toCsv(header, rows), { headers: CSV_HEADERS(fileName) });
}

/**
 * A CSV streamed batch by batch (large exports such as the audit trail): memory stays flat
 * whatever the row count. `batches` yields rows until it is done.
 */
export function csvStreamResponse(fileName: string, header: readonly string[], batches: AsyncIterable<ReadonlyArray<readonly CsvCell[]>>): Response {
  const enc = new TextEncoder();
  const it = batches[Symbol.asyncIterator]();
  let started = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(enc.encode(BOM + csvLine(header)));
        return;
      }
      try {
        const { done, value } = await it.next();
        if (done) controller.close();
        else controller.enqueue(enc.encode(value.map(csvLine).join("")));
      } catch (e) {
        controller.error(e);
      }
    },
    async cancel() {
      await it.return?.();
    },
  });
  return new Response(stream, { headers: CSV_HEADERS(fileName) });
}
