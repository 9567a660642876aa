import { createHash, randomInt, timingSafeEqual } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import type { Db } from "@/lib/db/types";
import { DomainError } from "@/lib/errors";

/**
 * TOTP two-factor sign-in (RFC 6238, 30 s, 6 digits) for staff. Enrolment: a secret is stored
 * unconfirmed, shown as a QR code; the first correct code turns it on and returns ten one-time
 * recovery codes (stored SHA-256 hashed, shown once). A code is accepted once (the last
 * accepted time step is kept). Required for staff by LUOHU_REQUIRE_2FA (lib/auth/sessions.ts).
 */

export const TOTP_ISSUER = "落户通";
const RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const normaliseRecovery = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, "");

export function newRecoveryCodes(n = 10): string[] {
  return Array.from({ length: n }, () => {
    let s = "";
    for (let i = 0; i < 10; i += 1) s += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
    return `${s.slice(0, 5)}-${s.slice(5)}`;
  });
}

/** Checks a 6-digit code against a secret; returns the time step when valid (never throws). */
export async function checkTotp(secret: string, code: string, afterTimeStep?: number | null): Promise<number | null> {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  try {
    const r = await verify({ secret, token, epochTolerance: 30, ...(afterTimeStep != null ? { afterTimeStep } : {}) });
    return r.valid && "timeStep" in r ? (r as { timeStep: number }).timeStep : null;
  } catch {
    return null;
  }
}

/** Starts (or restarts) enrolment: a fresh unconfirmed secret, its otpauth URI and a QR code (data: URL). */
export async function beginTotpEnrolment(db: Db, userId: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { username: true, mobile: true, totpEnabledAt: true } });
  if (user.totpEnabledAt) throw new DomainError("invalid_state", "两步验证已启用。");
  const secret = generateSecret();
  await db.user.update({ where: { id: userId }, data: { totpSecret: secret, totpLastStep: null } });
  return enrolmentView(secret, user.username ?? user.mobile ?? userId);
}

/** The QR code and URI of the pending (unconfirmed) secret, to show again on reload. */
export async function pendingTotpEnrolment(db: Db, userId: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { username: true, mobile: true, totpSecret: true, totpEnabledAt: true } });
  if (user.totpEnabledAt) return null;
  if (!user.totpSecret) return beginTotpEnrolment(db, userId);
  return enrolmentView(user.totpSecret, user.username ?? user.mobile ?? userId);
}

async function enrolmentView(secret: string, label: string) {
  const uri = generateURI({ issuer: TOTP_ISSUER, label, secret });
  const qrDataUrl = await QRCode.toDataURL(uri, { errorCorrectionLevel: "M", margin: 1, width: 220 });
  return { secret, uri, qrDataUrl };
}

/** Confirms enrolment with a first code; returns the recovery codes (shown once). */
export async function confirmTotpEnrolment(db: Db, userId: string, code: string): Promise<string[]> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true } });
  if (user.totpEnabledAt) throw new DomainError("invalid_state", "两步验证已启用。");
  if (!user.totpSecret) throw new DomainError("invalid_state", "请先打开两步验证设置页面扫描二维码。");
  const step = await checkTotp(user.totpSecret, code);
  if (step === null)
    throw new DomainError("validation_failed", "验证码不正确，请核对手机上的6位数字后重试。", { issues: [{ path: "code", message: "验证码不正确" }] });
  const codes = newRecoveryCodes();
  await db.user.update({
    where: { id: userId },
    data: { totpEnabledAt: new Date(), totpLastStep: step, recoveryCodeHashes: codes.map((c) => sha256(normaliseRecovery(c))) },
  });
  return codes;
}

/**
 * The second factor at sign-in: a current TOTP code (accepted once) or an unused recovery code
 * (then used up). True when accepted.
 */
export async function verifySecondFactor(db: Db, userId: string, code: string): Promise<boolean> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { totpSecret: true, totpEnabledAt: true, totpLastStep: true, recoveryCodeHashes: true },
  });
  if (!user?.totpSecret || !user.totpEnabledAt) return false;
  const step = await checkTotp(user.totpSecret, code, user.totpLastStep);
  if (step !== null) {
    // Conditional update: two parallel sign-ins with the same code cannot both win.
    const n = await db.user.updateMany({
      where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return n.count === 1;
  }
  const normalised = normaliseRecovery(code);
  if (normalised.length !== 10) return false;
  const h = Buffer.from(sha256(normalised));
  const match = user.recoveryCodeHashes.find((x) => x.length === h.length && timingSafeEqual(Buffer.from(x), h));
  if (!match) return false;
  await db.user.update({ where: { id: userId }, data: { recoveryCodeHashes: user.recoveryCodeHashes.filter((x) => x !== match) } });
  return true;
}

export async function twoFactorStatus(db: Db, userId: string) {
  const u = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { totpEnabledAt: true, recoveryCodeHashes: true } });
  return { enabled: !!u.totpEnabledAt, enabledAt: u.totpEnabledAt, recoveryCodesLeft: u.recoveryCodeHashes.length };
}
