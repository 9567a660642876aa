import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Db } from "@/lib/db/types";
import { DomainError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "./password";
import { checkRateLimit, countAgainst, isRateLimited, RATE_LIMITS } from "@/lib/http/rate-limit";
import { recordAudit, type AuditInput } from "@/lib/audit/record-audit";
import { verifySecondFactor } from "./two-factor";

/**
 * Sign-in without account enumeration: known and unknown accounts get the same words
 * ("账号或密码不正确") and the same work (an unknown account's password is checked against a
 * dummy scrypt hash, so the answer takes as long). Limits: per address+account, per account
 * from any address (backoff), per address across accounts, and a global throttle — all keyed
 * by the typed login whether or not it exists.
 */

export const WRONG_CREDENTIALS = "账号或密码不正确。";
export const TOO_MANY_ATTEMPTS = "登录尝试过于频繁，请稍后再试。";

/** The audit chain is appended under a transaction-scoped lock: open one when given the client. */
async function audit(db: Db, input: AuditInput) {
  if ("$transaction" in db) await db.$transaction((tx) => recordAudit(tx, input));
  else await recordAudit(db, input);
}

let dummyHash: Promise<string> | undefined;
/** A real scrypt hash of a random password, made once: unknown accounts are checked against it. */
const getDummyHash = () => (dummyHash ??= hashPassword(randomBytes(16).toString("hex")));

const loginKey = (login: string) => login.trim().toLowerCase().slice(0, 64);

type AuthUser = { id: string; role: string; realName: string; totpEnabledAt: Date | null; mustChangePassword: boolean };

/** Throws rate_limited when any sign-in limit for this login or address is used up. Counts the attempt globally. */
export async function assertSignInAllowed(login: string, ip: string) {
  const key = loginKey(login);
  const waits = await Promise.all([
    checkRateLimit(RATE_LIMITS.signInGlobal, "all"),
    isRateLimited(RATE_LIMITS.signInFailures, `${ip}:${key}`),
    isRateLimited(RATE_LIMITS.signInAccountFailures, key),
    isRateLimited(RATE_LIMITS.signInIpFailures, ip),
  ]);
  if (waits.some((w) => w !== null)) throw new DomainError("rate_limited", TOO_MANY_ATTEMPTS);
}

/** Counts a failed attempt (wrong password or wrong second factor) against every per-key limit. */
export async function countSignInFailure(login: string, ip: string) {
  const key = loginKey(login);
  await Promise.all([
    countAgainst(RATE_LIMITS.signInFailures, `${ip}:${key}`),
    countAgainst(RATE_LIMITS.signInAccountFailures, key),
    countAgainst(RATE_LIMITS.signInIpFailures, ip),
  ]);
}

/**
 * Checks login and password: the user when right, else null. Audited either way (the address
 * is the real client address, lib/http/client-ip.ts). Does not check the limits (see checkPasswordStep).
 */
export async function authenticate(db: Db, login: string, password: string, ip: string): Promise<AuthUser | null> {
  const isMobile = /^1\d{10}$/.test(login);
  const user = await db.user.findUnique({
    where: isMobile ? { mobile: login } : { username: login.toLowerCase() },
    select: {
      id: true,
      role: true,
      realName: true,
      passwordHash: true,
      disabled: true,
      stationId: true,
      countyCode: true,
      totpEnabledAt: true,
      mustChangePassword: true,
    },
  });
  // Always one scrypt verification, whether or not the account exists or is disabled.
  const passwordOk = await verifyPassword(password, user?.passwordHash ?? (await getDummyHash()));
  const ok = !!user && !user.disabled && passwordOk;
  await audit(db, {
    actorId: user?.id ?? null,
    actorRole: user?.role ?? null,
    stationId: user?.stationId ?? null,
    countyCode: user?.countyCode ?? null,
    action: ok ? "auth.sign_in" : "auth.sign_in_failed",
    entityType: "user",
    entityId: user?.id ?? null,
    ip,
  });
  return ok ? { id: user.id, role: user.role, realName: user.realName, totpEnabledAt: user.totpEnabledAt, mustChangePassword: user.mustChangePassword } : null;
}

/** The password step with every limit: the user, or DomainError rate_limited / unauthenticated (same words for every account). */
export async function checkPasswordStep(db: Db, login: string, password: string, ip: string): Promise<AuthUser> {
  await assertSignInAllowed(login, ip);
  const user = await authenticate(db, login, password, ip);
  if (!user) {
    await countSignInFailure(login, ip);
    throw new DomainError("unauthenticated", WRONG_CREDENTIALS);
  }
  return user;
}

/** The second step for accounts with TOTP on. Wrong codes count like wrong passwords. */
export async function checkSecondFactorStep(db: Db, userId: string, code: string, login: string, ip: string): Promise<void> {
  await assertSignInAllowed(login, ip);
  const ok = await verifySecondFactor(db, userId, code);
  await audit(db, { actorId: userId, action: ok ? "auth.second_factor_ok" : "auth.second_factor_failed", entityType: "user", entityId: userId, ip });
  if (!ok) {
    await countSignInFailure(login, ip);
    throw new DomainError("unauthenticated", "验证码不正确或已使用过。");
  }
}

/**
 * A short-lived signed ticket saying "this user passed the password step": carried from the
 * password form to the second-factor form (5 minutes), never usable without the second factor
 * when TOTP is on. Signed with AUTH_SECRET.
 */
const TICKET_TTL_MS = 5 * 60_000;

function ticketKey(): string {
  const s = process.env.AUTH_SECRET;
  if (!s) throw new Error("AUTH_SECRET is not set");
  return s;
}

export function issueSignInTicket(userId: string, login: string, now = Date.now()): string {
  const body = Buffer.from(JSON.stringify({ u: userId, l: loginKey(login), e: now + TICKET_TTL_MS, n: randomBytes(8).toString("hex") })).toString("base64url");
  const mac = createHmac("sha256", ticketKey()).update(`sign-in-ticket.${body}`).digest("base64url");
  return `${body}.${mac}`;
}

export function readSignInTicket(ticket: unknown, now = Date.now()): { userId: string; login: string } | null {
  if (typeof ticket !== "string" || ticket.length > 512) return null;
  const [body, mac] = ticket.split(".");
  if (!body || !mac) return null;
  const expected = createHmac("sha256", ticketKey()).update(`sign-in-ticket.${body}`).digest("base64url");
  if (mac.length !== expected.length || !timingSafeEqual(Buffer.from(mac), Buffer.from(expected))) return null;
  try {
    const v = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as { u?: unknown; l?: unknown; e?: unknown };
    if (typeof v.u !== "string" || typeof v.l !== "string" || typeof v.e !== "number" || v.e < now) return null;
    return { userId: v.u, login: v.l };
  } catch {
    return null;
  }
}
