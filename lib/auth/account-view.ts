import { getPrisma } from "@/lib/db/client";
import type { SessionUser } from "./roles";
import { listActiveSessions } from "./sessions";
import { pendingTotpEnrolment, twoFactorStatus } from "./two-factor";
import { requireTwoFactor, isStaffRole } from "./sessions";

/** What the account security page shows: the person's live sessions and their two-factor state. */
export async function loadAccountSecurity(user: SessionUser) {
  const prisma = getPrisma();
  const [sessions, twoFactor] = await Promise.all([listActiveSessions(prisma, user), twoFactorStatus(prisma, user.id)]);
  return { sessions, twoFactor, twoFactorRequired: isStaffRole(user.role) && requireTwoFactor() };
}

/** The enrolment page: status, and for a pending enrolment the QR code of its secret. */
export async function loadTwoFactorEnrolment(user: SessionUser) {
  const prisma = getPrisma();
  const status = await twoFactorStatus(prisma, user.id);
  return { status, pending: status.enabled ? null : await pendingTotpEnrolment(prisma, user.id), required: isStaffRole(user.role) && requireTwoFactor() };
}
