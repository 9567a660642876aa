import type { Db } from "@/lib/db/types";
import { toSessionUser, type Role, type SessionUser } from "./roles";
import { DomainError } from "@/lib/errors";

/**
 * Revocable sessions. The session cookie (a next-auth JWT) carries only `uid`, `sid` (a
 * UserSession row) and `sv` (the user's sessionVersion when the session began). Every request
 * reloads the user and the session row (lib/auth/guard.ts `currentUser`) and refuses the cookie when
 * - the row was ended (sign-out, "end this session" from another browser),
 * - the user's sessionVersion moved on (password change or reset, role/station change, disabling),
 * - the session was idle too long (staff 30 min, residents 2 h) or is older than its absolute lifetime.
 * So a copied cookie dies with the session it belongs to.
 */

export const STAFF_IDLE_MS = Number(process.env.LUOHU_STAFF_IDLE_MINUTES ?? 30) * 60_000;
export const RESIDENT_IDLE_MS = 2 * 60 * 60_000;
/** Absolute lifetime of any session (the JWT's maxAge matches it). */
export const SESSION_MAX_AGE_S = Number(process.env.LUOHU_SESSION_MAX_HOURS ?? 12) * 60 * 60;
/** lastSeenAt is written at most once a minute per session (keeps reads cheap). */
const TOUCH_EVERY_MS = 60_000;

export const isStaffRole = (role: Role) => role !== "resident";

export function idleLimitMs(role: Role): number {
  return isStaffRole(role) ? STAFF_IDLE_MS : RESIDENT_IDLE_MS;
}

export type SessionClaims = { uid?: unknown; sid?: unknown; sv?: unknown };

const USER_SELECT = {
  id: true,
  role: true,
  realName: true,
  username: true,
  mobile: true,
  stationId: true,
  isStationHead: true,
  countyCode: true,
  disabled: true,
  sessionVersion: true,
  mustChangePassword: true,
  totpEnabledAt: true,
} as const;

/** Starts a session for a user who just proved who they are. */
export async function startSession(db: Db, userId: string, meta: { ip: string; userAgent: string }) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
  const row = await db.userSession.create({
    data: { userId, version: user.sessionVersion, ip: meta.ip.slice(0, 64), userAgent: meta.userAgent.slice(0, 200) },
    select: { id: true, version: true },
  });
  return { sid: row.id, sv: row.version };
}

/**
 * The person a session cookie stands for, or null when the session is no longer valid.
 * Also writes lastSeenAt (at most once a minute) so the idle timeout counts from the last request.
 */
export async function loadSessionUser(db: Db, claims: SessionClaims, now = new Date()): Promise<SessionUser | null> {
  if (typeof claims.uid !== "string" || typeof claims.sid !== "string" || typeof claims.sv !== "number") return null;
  const session = await db.userSession.findUnique({
    where: { id: claims.sid },
    select: { userId: true, version: true, createdAt: true, lastSeenAt: true, endedAt: true, user: { select: USER_SELECT } },
  });
  if (!session || session.userId !== claims.uid || session.endedAt) return null;
  const u = session.user;
  if (u.disabled || u.sessionVersion !== claims.sv || session.version !== claims.sv) return null;
  const age = now.getTime() - session.createdAt.getTime();
  const idle = now.getTime() - session.lastSeenAt.getTime();
  if (age > SESSION_MAX_AGE_S * 1000 || idle > idleLimitMs(u.role)) {
    await db.userSession.updateMany({ where: { id: claims.sid, endedAt: null }, data: { endedAt: now } });
    return null;
  }
  if (idle > TOUCH_EVERY_MS) await db.userSession.updateMany({ where: { id: claims.sid, endedAt: null }, data: { lastSeenAt: now } });
  return {
    ...toSessionUser(u),
    sessionId: claims.sid,
    mustChangePassword: u.mustChangePassword,
    needsTwoFactorEnrolment: isStaffRole(u.role) && requireTwoFactor() && !u.totpEnabledAt,
    twoFactorEnabled: !!u.totpEnabledAt,
  };
}

/** Session rows (address, browser) are kept this long, then deleted: no session lives past 12 hours anyway. */
export const SESSION_RETENTION_DAYS = Number(process.env.LUOHU_SESSION_RETENTION_DAYS ?? 90);

/**
 * Deletes session rows begun more than `retentionDays` ago (the nightly `session-cleanup` job),
 * in batches so that a large backlog never holds one long lock. Returns how many went.
 */
export async function purgeOldSessions(db: Db, opts: { now?: Date; retentionDays?: number; batch?: number } = {}): Promise<number> {
  const days = opts.retentionDays ?? SESSION_RETENTION_DAYS;
  if (!(days > 0)) return 0;
  const before = new Date((opts.now ?? new Date()).getTime() - days * 24 * 60 * 60_000);
  // Never younger than a session's whole lifetime: a live session is never deleted.
  const cutoff = new Date(Math.min(before.getTime(), Date.now() - SESSION_MAX_AGE_S * 1000));
  let total = 0;
  for (;;) {
    const n =
      await db.$executeRaw`DELETE FROM "UserSession" WHERE id IN (SELECT id FROM "UserSession" WHERE "createdAt" < ${cutoff} LIMIT ${opts.batch ?? 5000})`;
    total += n;
    if (n < (opts.batch ?? 5000)) return total;
  }
}

/** Ends one session (sign-out). */
export async function endSession(db: Db, sessionId: string) {
  await db.userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: new Date() } });
}

/**
 * Ends every session of a user at once: bumps the version (so even a session row that was
 * missed is refused) and closes the rows. Called on password change/reset, role or station change, disabling.
 */
export async function revokeAllSessions(db: Db, userId: string) {
  await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  await db.userSession.updateMany({ where: { userId, endedAt: null }, data: { endedAt: new Date() } });
}

export type ActiveSession = { id: string; createdAt: Date; lastSeenAt: Date; ip: string; userAgent: string; current: boolean };

/** The user's sessions that still count (not ended, not expired), newest first. */
export async function listActiveSessions(db: Db, user: Pick<SessionUser, "id" | "role" | "sessionId">, now = new Date()): Promise<ActiveSession[]> {
  const me = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } });
  const rows = await db.userSession.findMany({
    where: {
      userId: user.id,
      endedAt: null,
      version: me.sessionVersion,
      createdAt: { gt: new Date(now.getTime() - SESSION_MAX_AGE_S * 1000) },
      lastSeenAt: { gt: new Date(now.getTime() - idleLimitMs(user.role)) },
    },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, ip: true, userAgent: true },
    take: 50,
  });
  return rows.map((r) => ({ ...r, current: r.id === user.sessionId }));
}

/** Ends one of the user's own sessions (never someone else's: the row must be theirs). */
export async function endOwnSession(db: Db, userId: string, sessionId: string) {
  const n = await db.userSession.updateMany({ where: { id: sessionId, userId, endedAt: null }, data: { endedAt: new Date() } });
  if (n.count === 0) throw new DomainError("not_found", "该会话不存在或已结束。");
}

/** Ends all the user's sessions except the current one. Returns how many ended. */
export async function endOtherSessions(db: Db, userId: string, currentSessionId: string | undefined) {
  const n = await db.userSession.updateMany({
    where: { userId, endedAt: null, ...(currentSessionId ? { id: { not: currentSessionId } } : {}) },
    data: { endedAt: new Date() },
  });
  return n.count;
}

/**
 * LUOHU_REQUIRE_2FA: staff must use TOTP two-factor sign-in. "1"/"0" decide; unset, it is on
 * outside the demo and off in the demo (embedded default or LUOHU_DEMO=1).
 */
export function requireTwoFactor(): boolean {
  const v = process.env.LUOHU_REQUIRE_2FA?.trim();
  if (v === "1" || v === "true") return true;
  if (v === "0" || v === "false") return false;
  const demo = !process.env.DATABASE_URL || process.env.LUOHU_DEMO === "1";
  return !demo;
}
