import { Prisma } from "@/lib/generated/prisma/client";
import type { ApplicationStatus, Channel } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/db/types";
import { beijingDate, startOfBeijingDay, type WorkCalendar } from "@/lib/calendar/working-days";
import { maskIdNumber } from "@/lib/schemas/id-number";
const CLOSED_STATUSES: readonly ApplicationStatus[] = ["draft", "registered", "refused", "withdrawn"];
import { CLOSED_DECIDED_STATUSES, QUEUE_TABS, STATION_CLOCK_STATUSES, TAB_SPECS, dueInfo, dueSoonLimit, type DueInfo, type QueueTab } from "./queue-tabs";
import { decodeCursor, encodeCursor, type QueueKey } from "./queue-cursor";

/**
 * The clerk's queue at scale: keyset pagination on (dueAt, id) or (decidedAt, id) — never
 * OFFSET — with raw SQL whose row comparisons match the indexes
 * Application(stationId, status, dueAt, id), (stationId, dueAt, id) and (stationId, decidedAt, id).
 * Every query is bound to ONE station: the caller passes the clerk's station (their scope).
 */

export const QUEUE_PAGE_SIZE = 25;

export type QueueFilter = {
  stationId: string;
  channel?: Channel;
  /** Only filings assigned to this clerk. */
  assignedTo?: string;
  /** "origin": the station is the origin of the move-out (迁出确认), not the destination. */
  side?: "origin";
};

export type QueueRow = {
  id: string;
  reference: string | null;
  channel: Channel;
  subtype: string | null;
  status: ApplicationStatus;
  applicantName: string;
  /** Always masked: lists never carry a full ID number. */
  applicantIdMasked: string;
  personsCount: number;
  submittedAt: Date | null;
  dueAt: Date | null;
  decidedAt: Date | null;
  assignedClerkId: string | null;
  assignedClerkName: string | null;
  due: DueInfo | null;
  /** 补正已提交: the resident answered the supplement notice and no clerk has acted since. */
  supplementAnswered: boolean;
  /** The origin station returned the move-out request. */
  moveOutReturned: boolean;
  /** The destination station (shown in the 迁出确认 tab). */
  stationName: string | null;
};

export type QueuePage = {
  rows: QueueRow[];
  /** Cursor of the next page (older/later rows), null on the last page. */
  next: string | null;
  /** Cursor of the previous page, null on the first page. */
  prev: string | null;
};

/** A row as the query returns it: QueueRow's plain fields, the full ID number (masked by toRow), timestamps maybe as text. */
type RawRow = Pick<
  QueueRow,
  "id" | "reference" | "channel" | "subtype" | "status" | "applicantName" | "personsCount" | "assignedClerkId" | "assignedClerkName" | "stationName"
> & {
  applicantIdNumber: string;
} & Record<"submittedAt" | "dueAt" | "decidedAt" | "supplementAnsweredAt" | "moveOutReturnedAt", Date | string | null>;

const COLUMNS = Prisma.sql`
  a."id", a."reference", a."channel"::text AS "channel", a."subtype", a."status"::text AS "status",
  a."applicantName", a."applicantIdNumber", a."personsCount", a."submittedAt", a."dueAt", a."decidedAt",
  a."assignedClerkId", u."realName" AS "assignedClerkName", a."supplementAnsweredAt", a."moveOutReturnedAt",
  (SELECT s."name" FROM "PoliceStation" s WHERE s."id" = a."stationId") AS "stationName"`;
const SELECT = Prisma.sql`SELECT ${COLUMNS} FROM "Application" a LEFT JOIN "User" u ON u."id" = a."assignedClerkId"`;

/** Timestamps are stored as UTC `timestamp(3)`: compare with ISO text cast the same way. */
const ts = (d: Date | string) => Prisma.sql`${typeof d === "string" ? d : d.toISOString()}::timestamp(3)`;
const statusList = (ss: readonly ApplicationStatus[]) => Prisma.join(ss.map((s) => Prisma.sql`${s}::"ApplicationStatus"`));

function toDate(v: Date | string | null): Date | null {
  if (v === null) return null;
  if (v instanceof Date) return v;
  // A driver that returns the text of a `timestamp` column: it is UTC.
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v.replace(" ", "T")}Z`);
}

function toRow(r: RawRow, now: Date, cal: WorkCalendar): QueueRow {
  const dueAt = toDate(r.dueAt);
  // Approved (待迁出) and moved-out (待落户) filings still have a step, and its due date.
  const open = !CLOSED_STATUSES.includes(r.status);
  return {
    id: r.id,
    reference: r.reference,
    channel: r.channel,
    subtype: r.subtype,
    status: r.status,
    applicantName: r.applicantName,
    applicantIdMasked: maskIdNumber(r.applicantIdNumber),
    personsCount: Number(r.personsCount),
    submittedAt: toDate(r.submittedAt),
    dueAt,
    decidedAt: toDate(r.decidedAt),
    assignedClerkId: r.assignedClerkId,
    assignedClerkName: r.assignedClerkName,
    due: dueAt && open ? dueInfo(dueAt, now, cal) : null,
    supplementAnswered: !!r.supplementAnsweredAt && (r.status === "submitted" || r.status === "accepted"),
    moveOutReturned: !!r.moveOutReturnedAt && r.status === "approved",
    stationName: r.stationName,
  };
}

function filterSql(f: QueueFilter, statuses: readonly ApplicationStatus[]): Prisma.Sql {
  const parts =
    f.side === "origin"
      ? [Prisma.sql`a."originStationId" = ${f.stationId}`, Prisma.sql`a."status" IN (${statusList(statuses)})`, Prisma.sql`a."moveOutReturnedAt" IS NULL`]
      : [Prisma.sql`a."stationId" = ${f.stationId}`, Prisma.sql`a."status" IN (${statusList(statuses)})`];
  if (f.channel) parts.push(Prisma.sql`a."channel" = ${f.channel}::"Channel"`);
  if (f.assignedTo) parts.push(Prisma.sql`a."assignedClerkId" = ${f.assignedTo}`);
  return Prisma.join(parts, " AND ");
}

/** The rows a tab reads: the station (or origin) filter, its states and its due-date window. */
type TabRows = { filter: QueueFilter; statuses: readonly ApplicationStatus[]; extra: Prisma.Sql };
/** `n` rows after or before a key (null: from the start). */
type PageStep = { key: QueueKey | null; dir: "after" | "before"; n: number };

const dueKey = (r: RawRow): QueueKey => ({ k: toDate(r.dueAt)?.toISOString() ?? null, i: r.id });
const decidedKey = (r: RawRow): QueueKey => ({ k: toDate(r.decidedAt)?.toISOString() ?? null, i: r.id });

/**
 * Rows in due-date order (soonest first, rows without a due date last), `n` of them after or
 * before a key. Each state is its own index range — (stationId, status[, channel], dueAt, id)
 * or (assignedClerkId, status, dueAt, id) — read in order with a LIMIT and merged (UNION ALL),
 * so a tab spanning several states never sorts thousands of rows. Rows without a due date are
 * a second segment rather than an `OR dueAt IS NULL` that would defeat the index.
 */
async function fetchDueOrder(db: Db, { filter, statuses, extra }: TabRows, { key, dir, n }: PageStep): Promise<RawRow[]> {
  const q = (cond: Prisma.Sql, desc: boolean, limit: number): Promise<RawRow[]> => {
    if (limit <= 0) return Promise.resolve([]);
    const order = desc ? Prisma.sql`"dueAt" DESC, "id" DESC` : Prisma.sql`"dueAt" ASC, "id" ASC`;
    const branches = statuses.map(
      (s) => Prisma.sql`(SELECT a."id", a."dueAt" FROM "Application" a WHERE ${filterSql(filter, [s])} ${extra} AND ${cond} ORDER BY ${order} LIMIT ${limit})`,
    );
    return db.$queryRaw<RawRow[]>`
      SELECT ${COLUMNS} FROM (${Prisma.join(branches, " UNION ALL ")}) k
      JOIN "Application" a ON a."id" = k."id" LEFT JOIN "User" u ON u."id" = a."assignedClerkId"
      ORDER BY ${desc ? Prisma.sql`k."dueAt" DESC, k."id" DESC` : Prisma.sql`k."dueAt" ASC, k."id" ASC`} LIMIT ${limit}`;
  };
  if (dir === "after") {
    if (key && key.k === null) return q(Prisma.sql`a."dueAt" IS NULL AND a."id" > ${key.i}`, false, n);
    const dated = await q(
      key ? Prisma.sql`a."dueAt" IS NOT NULL AND (a."dueAt", a."id") > (${ts(key.k!)}, ${key.i})` : Prisma.sql`a."dueAt" IS NOT NULL`,
      false,
      n,
    );
    return dated.concat(await q(Prisma.sql`a."dueAt" IS NULL`, false, n - dated.length));
  }
  // Backwards: the same segments walked in reverse (returned in reverse order).
  if (!key) return [];
  if (key.k === null) {
    const undated = await q(Prisma.sql`a."dueAt" IS NULL AND a."id" < ${key.i}`, true, n);
    return undated.concat(await q(Prisma.sql`a."dueAt" IS NOT NULL`, true, n - undated.length));
  }
  return q(Prisma.sql`a."dueAt" IS NOT NULL AND (a."dueAt", a."id") < (${ts(key.k)}, ${key.i})`, true, n);
}

/**
 * Decided filings, latest decision first: one range of (stationId, decidedAt, id), where
 * decided states are nearly all the rows with a decision date.
 */
async function fetchDecidedOrder(db: Db, { filter, statuses, extra }: TabRows, { key, dir, n }: PageStep): Promise<RawRow[]> {
  if (dir === "before" && !key) return [];
  const cmp =
    key && key.k !== null
      ? dir === "after"
        ? Prisma.sql`AND (a."decidedAt", a."id") < (${ts(key.k)}, ${key.i})`
        : Prisma.sql`AND (a."decidedAt", a."id") > (${ts(key.k)}, ${key.i})`
      : Prisma.empty;
  const order = dir === "after" ? Prisma.sql`a."decidedAt" DESC, a."id" DESC` : Prisma.sql`a."decidedAt" ASC, a."id" ASC`;
  return db.$queryRaw<RawRow[]>`${SELECT} WHERE ${filterSql(filter, statuses)} ${extra} AND a."decidedAt" IS NOT NULL ${cmp} ORDER BY ${order} LIMIT ${n}`;
}

export type QueuePageInput = {
  tab: QueueTab;
  /** Cursor: the page starting after this row … */
  after?: string | null;
  /** … or the page ending before this row. */
  before?: string | null;
  limit?: number;
};

/** One page of a tab. */
export async function listQueue(db: Db, stationFilter: QueueFilter, input: QueuePageInput, now: Date, cal: WorkCalendar): Promise<QueuePage> {
  const spec = TAB_SPECS[input.tab];
  // The origin side lists every clerk's filings of other stations: "only mine" does not apply.
  const filter: QueueFilter = spec.side === "origin" ? { stationId: stationFilter.stationId, channel: stationFilter.channel, side: "origin" } : stationFilter;
  const limit = Math.min(Math.max(input.limit ?? QUEUE_PAGE_SIZE, 1), 100);
  let extra = Prisma.empty;
  if (spec.dueWindow) {
    const w = spec.dueWindow(now, cal);
    if (w.from) extra = Prisma.sql`${extra} AND a."dueAt" >= ${ts(w.from)}`;
    if (w.to) extra = Prisma.sql`${extra} AND a."dueAt" <= ${ts(w.to)}`;
  }
  const read: TabRows = { filter, statuses: spec.statuses, extra };
  const fetch = spec.order === "due" ? fetchDueOrder : fetchDecidedOrder;
  const keyOf = spec.order === "due" ? dueKey : decidedKey;
  const before = decodeCursor(input.before);
  const after = before ? null : decodeCursor(input.after);

  if (before) {
    const got = await fetch(db, read, { key: before, dir: "before", n: limit + 1 });
    // Reached the top: show the real first page rather than a short one.
    if (got.length <= limit) return listQueue(db, stationFilter, { tab: input.tab, limit }, now, cal);
    const rows = got.slice(0, limit).reverse();
    return {
      rows: rows.map((r) => toRow(r, now, cal)),
      prev: encodeCursor(keyOf(rows[0])),
      next: encodeCursor(keyOf(rows[rows.length - 1])),
    };
  }
  const got = await fetch(db, read, { key: after, dir: "after", n: limit + 1 });
  const rows = got.slice(0, limit);
  return {
    rows: rows.map((r) => toRow(r, now, cal)),
    prev: after && rows.length > 0 ? encodeCursor(keyOf(rows[0])) : null,
    next: got.length > limit ? encodeCursor(keyOf(rows[rows.length - 1])) : null,
  };
}

/** The count tables' keys of a filter (QueueCount, QueueDueCount: alias c). */
function countKeys(filter: QueueFilter): Prisma.Sql {
  const keys = [Prisma.sql`c."stationId" = ${filter.stationId}`];
  if (filter.channel) keys.push(Prisma.sql`c."channel" = ${filter.channel}::"Channel"`);
  if (filter.assignedTo) keys.push(Prisma.sql`c."assignedClerkId" = ${filter.assignedTo}`);
  return Prisma.join(keys, " AND ");
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Open filings on the station's clock (submitted, accepted) past their due date now, per
 * station — the officials' dashboards and drill-down totals — in one round trip: each
 * station's count is QueueDueCount's whole days plus today's filings (dueCountRows).
 */
export async function overdueByStation(db: Db, stationIds: readonly string[], now: Date): Promise<Map<string, number>> {
  if (!stationIds.length) return new Map();
  const perStation = stationIds.map(
    (id) =>
      Prisma.sql`SELECT ${id}::text AS "stationId", (SELECT COALESCE(sum(x."n"), 0) FROM (${dueCountRows({ stationId: id }, STATION_CLOCK_STATUSES, null, now)}) x)::int AS "n"`,
  );
  const rows = await db.$queryRaw<Array<{ stationId: string; n: number }>>`${Prisma.join(perStation, " UNION ALL ")}`;
  return new Map(rows.filter((r) => r.n > 0).map((r) => [r.stationId, r.n]));
}

/**
 * SQL rows ("who", "n"): how many filings of the filter in these states fall due in [from, to)
 * (from null: any time before `to`), per assignee ('' = unassigned) when `byClerk`, else in one
 * group; sum "n" for the total. Whole Beijing days come from QueueDueCount (kept by triggers,
 * O(days)); only the partial days at either end — today, at the clock's `now` — are counted in
 * the (stationId, status, dueAt, id) index. Exact like a count over the filings.
 */
export function dueCountRows(filter: QueueFilter, statuses: readonly ApplicationStatus[], from: Date | null, to: Date, byClerk = false): Prisma.Sql {
  const none = Prisma.sql`SELECT ''::text AS "who", 0::bigint AS "n"`;
  if (from && from.getTime() >= to.getTime()) return none;
  const exact = (lo: Date, hi: Date) =>
    Prisma.sql`SELECT ${byClerk ? Prisma.sql`COALESCE(a."assignedClerkId", '')` : Prisma.sql`''::text`} AS "who", count(*) AS "n" FROM "Application" a
      WHERE ${filterSql(filter, statuses)} AND a."dueAt" >= ${ts(lo)} AND a."dueAt" < ${ts(hi)} GROUP BY 1`;
  const parts: Prisma.Sql[] = [];
  // The first whole day (null: every day before) …
  let firstDay: string | null = null;
  if (from) {
    const fromDay = startOfBeijingDay(beijingDate(from));
    if (fromDay.getTime() === from.getTime()) firstDay = beijingDate(from);
    else {
      const edge = new Date(fromDay.getTime() + DAY_MS);
      if (edge.getTime() >= to.getTime()) return exact(from, to);
      parts.push(exact(from, edge));
      firstDay = beijingDate(edge);
    }
  }
  // … up to the day of `to` (exclusive), whose part before `to` is counted in the index.
  const lastDay = beijingDate(to);
  const toDay = startOfBeijingDay(lastDay);
  if (toDay.getTime() < to.getTime()) parts.push(exact(toDay, to));
  if (firstDay === null || firstDay < lastDay)
    parts.push(Prisma.sql`SELECT ${byClerk ? Prisma.sql`c."assignedClerkId"` : Prisma.sql`''::text`} AS "who", sum(c."n") AS "n" FROM "QueueDueCount" c
      WHERE ${countKeys(filter)} AND c."status" IN (${statusList(statuses)}) ${firstDay ? Prisma.sql`AND c."day" >= ${firstDay}::date` : Prisma.empty}
        AND c."day" < ${lastDay}::date GROUP BY 1`);
  return parts.length ? Prisma.join(parts, " UNION ALL ") : none;
}

const dueTotal = (rows: Prisma.Sql) => Prisma.sql`(SELECT COALESCE(sum(r."n"), 0)::int FROM (${rows}) r)`;

/**
 * How many filings each tab holds (same filters as the list). Counts per state come from
 * QueueCount, and due soon / overdue (which depend on the clock) from QueueDueCount's days plus
 * today's filings (both kept by triggers on Application: O(1) and O(days) at any volume).
 */
export async function countQueueTabs(db: Db, filter: QueueFilter, now: Date, cal: WorkCalendar): Promise<Record<QueueTab, number>> {
  const soon = dueSoonLimit(now, cal);
  // Sequential: the page runs this inside its transaction (one connection).
  const byStatus = await db.$queryRaw<{ status: ApplicationStatus; n: number }[]>`
    SELECT c."status"::text AS "status", sum(c."n")::int AS "n" FROM "QueueCount" c
    WHERE ${countKeys(filter)} GROUP BY c."status"`;
  // Overdue: due before now; due soon: from now to the end of the next working day (inclusive).
  const clock = await db.$queryRaw<{ overdue: number; due_soon: number }[]>`
    SELECT ${dueTotal(dueCountRows(filter, STATION_CLOCK_STATUSES, null, now))} AS "overdue",
           ${dueTotal(dueCountRows(filter, STATION_CLOCK_STATUSES, now, new Date(soon.getTime() + 1)))} AS "due_soon"`;
  const origin = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS "n" FROM "Application" a WHERE ${filterSql({ stationId: filter.stationId, channel: filter.channel, side: "origin" }, ["approved"])}`;
  const n = (s: ApplicationStatus) => Number(byStatus.find((r) => r.status === s)?.n ?? 0);
  const counts = {
    new: n("submitted"),
    accepted: n("accepted"),
    supplement: n("supplement_requested"),
    move_out: n("approved"),
    registration: n("moved_out"),
    origin: Number(origin[0]?.n ?? 0),
    due_soon: Number(clock[0]?.due_soon ?? 0),
    overdue: Number(clock[0]?.overdue ?? 0),
    decided: CLOSED_DECIDED_STATUSES.reduce((sum, s) => sum + n(s), 0),
  } satisfies Record<QueueTab, number>;
  return Object.fromEntries(QUEUE_TABS.map((t) => [t, counts[t]])) as Record<QueueTab, number>;
}

// --- search ------------------------------------------------------------------------------

export type SearchKind = "reference" | "id_number" | "phone" | "digits" | "name";
export const SEARCH_LIMIT = 50;

/**
 * What the clerk typed: a full reference number or ID number (exact), a mobile number, other
 * digits (the end of a reference, part of an ID number or phone), or (part of) a name.
 */
export function classifySearch(raw: string): { kind: SearchKind; value: string } {
  const q = raw.normalize("NFKC").trim().replace(/\s+/g, "");
  const ref = /^(?:SMX-?)?(\d{4})-(\d{1,6})$/i.exec(q) ?? /^SMX-?(\d{4})-?(\d{1,6})$/i.exec(q);
  if (ref) return { kind: "reference", value: `SMX-${ref[1]}-${ref[2].padStart(6, "0")}` };
  if (/^\d{17}[\dXx]$/.test(q)) return { kind: "id_number", value: q.toUpperCase() };
  if (/^1[3-9]\d{9}$/.test(q)) return { kind: "phone", value: q };
  if (/^\d{1,17}[Xx]?$/.test(q)) return { kind: "digits", value: q.toUpperCase() };
  return { kind: "name", value: raw.normalize("NFKC").trim() };
}

/** A LIKE pattern that matches the text literally. */
const likeEscape = (v: string) => v.replace(/[\\%_]/g, (c) => `\\${c}`);

export type SearchRow = QueueRow & { matched: string[] };

const RELATION_NAMES: Record<string, string> = { spouse: "配偶", child: "子女", parent: "父母", other: "其他亲属" };

/**
 * Filings of the station matching the search, any state but draft, due date first, each with
 * why it matched (申请人姓名包含…, 家庭成员…, 受理编号末尾…). Every query is bound to the
 * station (Application(stationId, …) indexes); on PostgreSQL the trigram indexes of the
 * workbench migration serve the LIKE '%…%' of three characters or more.
 */
export async function searchQueue(
  db: Db,
  stationId: string,
  raw: string,
  now: Date,
  cal: WorkCalendar,
): Promise<{ kind: SearchKind; rows: SearchRow[]; more: boolean }> {
  const { kind, value } = classifySearch(raw);
  const reasons = new Map<string, string[]>();
  const add = (id: string, why: string) => {
    const list = reasons.get(id) ?? [];
    if (!list.includes(why)) list.push(why);
    reasons.set(id, list);
  };
  const cap = SEARCH_LIMIT + 1;
  const open = Prisma.sql`a."stationId" = ${stationId} AND a."status" <> 'draft'::"ApplicationStatus"`;
  const contains = `%${likeEscape(value)}%`;
  const endsWith = `%${likeEscape(value)}`;

  if (kind === "reference") {
    for (const r of await db.$queryRaw<{ id: string }[]>`SELECT a."id" FROM "Application" a WHERE a."reference" = ${value} AND ${open}`)
      add(r.id, `受理编号 ${value}`);
  }
  // Part of an ID number: four digits or more (fewer match nearly everything).
  if (kind === "id_number" || (kind === "digits" && value.length >= 4)) {
    const exact = kind === "id_number";
    const pat = exact ? value : contains;
    const apps = await db.$queryRaw<{ id: string }[]>`
      SELECT a."id" FROM "Application" a WHERE ${open} AND ${exact ? Prisma.sql`a."applicantIdNumber" = ${pat}` : Prisma.sql`a."applicantIdNumber" LIKE ${pat}`} LIMIT ${cap}`;
    for (const r of apps) add(r.id, exact ? "申请人身份证号码" : `申请人身份证号码包含 ${value}`);
    const members = await db.$queryRaw<{ id: string; name: string; relation: string }[]>`
      SELECT m."applicationId" AS "id", m."name", m."relation" FROM "HouseholdMember" m JOIN "Application" a ON a."id" = m."applicationId"
      WHERE ${open} AND m."relation" <> 'self' AND ${exact ? Prisma.sql`m."idNumber" = ${pat}` : Prisma.sql`m."idNumber" LIKE ${pat}`} LIMIT ${cap}`;
    for (const r of members) add(r.id, `家庭成员${r.name}（${RELATION_NAMES[r.relation] ?? r.relation}）身份证号码${exact ? "" : `包含 ${value}`}`);
  }
  if (kind === "digits") {
    const refs = await db.$queryRaw<{ id: string; reference: string }[]>`
      SELECT a."id", a."reference" FROM "Application" a WHERE ${open} AND a."reference" LIKE ${endsWith} LIMIT ${cap}`;
    for (const r of refs) add(r.id, `受理编号末尾为 ${value}`);
  }
  if (kind === "phone" || (kind === "digits" && value.length >= 4)) {
    const pat = kind === "phone" ? value : contains;
    const phones = await db.$queryRaw<{ id: string }[]>`
      SELECT a."id" FROM "Application" a JOIN "User" u ON u."id" = a."residentId"
      WHERE ${open} AND ${kind === "phone" ? Prisma.sql`u."mobile" = ${pat}` : Prisma.sql`u."mobile" LIKE ${pat}`} LIMIT ${cap}`;
    for (const r of phones) add(r.id, kind === "phone" ? "申请人手机号码" : `申请人手机号码包含 ${value}`);
  }
  if (kind === "name") {
    const apps = await db.$queryRaw<{ id: string; applicantName: string }[]>`
      SELECT a."id", a."applicantName" FROM "Application" a WHERE ${open} AND a."applicantName" LIKE ${contains} LIMIT ${cap}`;
    for (const r of apps) add(r.id, r.applicantName === value ? "申请人姓名" : `申请人姓名包含「${value}」`);
    // Household members are not indexed by station: three characters or more use the trigram
    // index (part of a name), shorter terms the name index (the whole name, e.g. 「赵娜」).
    const memberMatch = [...value].length >= 3 ? Prisma.sql`m."name" LIKE ${contains}` : Prisma.sql`m."name" = ${value}`;
    const members = await db.$queryRaw<{ id: string; name: string; relation: string }[]>`
      SELECT m."applicationId" AS "id", m."name", m."relation" FROM "HouseholdMember" m JOIN "Application" a ON a."id" = m."applicationId"
      WHERE ${open} AND m."relation" <> 'self' AND ${memberMatch} LIMIT ${cap}`;
    for (const r of members) add(r.id, `家庭成员${r.name}（${RELATION_NAMES[r.relation] ?? r.relation}）`);
  }

  const ids = [...reasons.keys()];
  if (ids.length === 0) return { kind, rows: [], more: false };
  const rows = await db.$queryRaw<RawRow[]>`
    ${SELECT} WHERE a."id" IN (${Prisma.join(ids)}) ORDER BY a."dueAt" ASC NULLS LAST, a."id" ASC LIMIT ${cap}`;
  return {
    kind,
    rows: rows.slice(0, SEARCH_LIMIT).map((r) => ({ ...toRow(r, now, cal), matched: reasons.get(r.id) ?? [] })),
    more: rows.length > SEARCH_LIMIT || ids.length > SEARCH_LIMIT,
  };
}
