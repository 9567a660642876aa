import type { Db } from "@/lib/db/types";

/**
 * Per-day aggregates that need the filings themselves (rural settlements, refusal reasons),
 * remembered per process and checked against DailyCounter on every read.
 *
 * Why this is safe: transition() bumps DailyCounter in the same transaction as every state
 * change, so a day's counter (e.g. registered filings of a county) changes whenever something
 * the aggregate depends on changes. A remembered day whose check value still equals the
 * counter's is right; a day whose counter moved (in practice: today) is recounted from the
 * filings. The first read after a start counts the whole range once; every later read costs
 * the counter query (index-only) plus today's recount.
 *
 * The memo is per process and per database (keyed by its name: tools and tests may open
 * several in one process); a check that never matches only costs a recount, never a wrong
 * number.
 */

export type DayCheck = { unit: string; day: string; check: number };
export type DayValue<V> = { unit: string; day: string; value: V };

const addDays = (ymd: string, n: number) => new Date(Date.parse(`${ymd}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export class DayMemo<V> {
  private readonly memo = new Map<string, { check: number; value: V }>();

  /** `empty`: the value of a day the recount finds nothing for. */
  constructor(
    private readonly empty: () => V,
    private readonly limit = 200_000,
  ) {}

  /**
   * The values of the days the counters list. `recount(fromDay, toDayExclusive)` returns the
   * values of every unit and day in that range that has any. A recounted day is remembered
   * with the counter's check as it was read before the recount: if work lands in between, the
   * next read sees the counter move and recounts again.
   */
  async read(db: Db, checks: readonly DayCheck[], recount: (fromDay: string, toDay: string) => Promise<Array<DayValue<V>>>): Promise<Array<DayValue<V>>> {
    const ns = (await db.$queryRaw<Array<{ name: string }>>`SELECT current_database() AS name`)[0].name;
    const key = (c: { unit: string; day: string }) => `${ns}|${c.unit}|${c.day}`;
    const stale = checks.filter((c) => this.memo.get(key(c))?.check !== c.check);
    if (stale.length) {
      const from = stale.reduce((a, c) => (c.day < a ? c.day : a), stale[0].day);
      const to = stale.reduce((a, c) => (c.day > a ? c.day : a), stale[0].day);
      if (this.memo.size > this.limit) this.memo.clear();
      const found = new Map((await recount(from, addDays(to, 1))).map((v) => [key(v), v.value]));
      for (const c of stale) this.memo.set(key(c), { check: c.check, value: found.get(key(c)) ?? this.empty() });
    }
    const out: Array<DayValue<V>> = [];
    for (const c of checks) {
      const m = this.memo.get(key(c));
      if (m) out.push({ ...c, value: m.value });
    }
    return out;
  }
}
