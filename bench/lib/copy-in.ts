import { once } from "node:events";
import type { Client } from "pg";

/**
 * COPY … FROM STDIN over a plain `pg` Client (no extra package): a "submittable" query that
 * streams the chunks it is given as CopyData messages, waiting for the socket to drain, then
 * ends the copy. Resolves with the number of rows PostgreSQL reports.
 */
type Connection = {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(msg: string): void;
  stream: NodeJS.WritableStream & { writableNeedDrain?: boolean };
};

class CopyIn {
  readonly text: string;
  rows = 0;
  private settled = false;
  private error: Error | null = null;
  readonly done: Promise<number>;
  private resolve!: (n: number) => void;
  private reject!: (e: Error) => void;

  constructor(
    text: string,
    private readonly chunks: AsyncIterable<Buffer> | Iterable<Buffer>,
  ) {
    this.text = text;
    this.done = new Promise((res, rej) => {
      this.resolve = res;
      this.reject = rej;
    });
  }

  submit(connection: Connection) {
    connection.query(this.text);
  }

  async handleCopyInResponse(connection: Connection) {
    try {
      for await (const chunk of this.chunks) {
        connection.sendCopyFromChunk(chunk);
        if (connection.stream.writableNeedDrain) await once(connection.stream, "drain");
      }
      connection.endCopyFrom();
    } catch (e) {
      connection.sendCopyFail(e instanceof Error ? e.message : String(e));
    }
  }

  handleCommandComplete(msg: { text?: string }) {
    const m = /COPY (\d+)/.exec(msg.text ?? "");
    if (m) this.rows = Number(m[1]);
  }

  handleError(err: Error) {
    this.error = err;
  }

  handleReadyForQuery() {
    if (this.settled) return;
    this.settled = true;
    if (this.error) this.reject(this.error);
    else this.resolve(this.rows);
  }

  handleRowDescription() {}
  handleDataRow() {}
  handleEmptyQuery() {}
  handlePortalSuspended() {}
  handleCopyData() {}
}

export async function copyIn(client: Client, sql: string, chunks: AsyncIterable<Buffer> | Iterable<Buffer>): Promise<number> {
  const q = new CopyIn(sql, chunks);
  client.query(q as never);
  return q.done;
}

/** A COPY text-format field: \N for null; backslash, tab and newlines escaped. */
export function copyField(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return "\\N";
  return String(v).replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

/** A one-line progress bar with rate and ETA ("[#####-----]  50.0%  5,000,000 / 10,000,000  82,000/s  ETA 1m01s"). */
export function progressLine(done: number, total: number, startedMs: number, now = Date.now()): string {
  const share = total > 0 ? done / total : 1;
  const width = 30;
  const filled = Math.round(share * width);
  const secs = Math.max(0.001, (now - startedMs) / 1000);
  const rate = done / secs;
  const eta = rate > 0 ? (total - done) / rate : Infinity;
  const fmtTime = (s: number) => {
    if (!Number.isFinite(s)) return "?";
    const whole = Math.round(s);
    return whole >= 60 ? `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, "0")}s` : `${whole}s`;
  };
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${(share * 100).toFixed(1).padStart(5)}%  ${done.toLocaleString("en")} / ${total.toLocaleString("en")}  ${Math.round(rate).toLocaleString("en")}/s  elapsed ${fmtTime(secs)}  ETA ${fmtTime(eta)}`;
}
