import type { Role } from "@/lib/generated/prisma/enums";

export type { Role };

export const ROLE_LABELS: Record<Role, string> = {
  resident: "申请人",
  clerk: "派出所民警",
  official: "主管领导",
  admin: "系统管理员",
  auditor: "审计人员",
};

/** Where each role lands after signing in. */
export const ROLE_HOME: Record<Role, string> = {
  resident: "/my",
  clerk: "/clerk",
  official: "/official",
  admin: "/admin",
  auditor: "/audit",
};

/** What the guard knows of the signed-in person, reloaded from the database each request. */
export type SessionUser = {
  id: string;
  role: Role;
  realName: string;
  username: string | null;
  mobile: string | null;
  stationId: string | null;
  isStationHead: boolean;
  /** Official: their county; null for the city (and for other roles). */
  countyCode: string | null;
  /** The UserSession row of this request's cookie (lib/auth/sessions.ts). */
  sessionId?: string;
  /** Signed in with a temporary password: only the password page until it is changed. */
  mustChangePassword?: boolean;
  /** Staff without TOTP while LUOHU_REQUIRE_2FA is on: only the enrolment page until done. */
  needsTwoFactorEnrolment?: boolean;
  /** TOTP two-factor sign-in is on for this account. */
  twoFactorEnabled?: boolean;
};

/** The identity part of a session from a user row (no session id or sign-in flags). */
export function toSessionUser(
  u: Pick<SessionUser, "id" | "role" | "realName" | "username" | "mobile" | "stationId" | "isStationHead" | "countyCode">,
): SessionUser {
  return {
    id: u.id,
    role: u.role,
    realName: u.realName,
    username: u.username,
    mobile: u.mobile,
    stationId: u.stationId,
    isStationHead: u.isStationHead,
    countyCode: u.countyCode,
  };
}

export const STAFF_AND_RESIDENT: readonly Role[] = ["resident", "clerk", "official", "admin", "auditor"];
