import { timingSafeEqual } from "node:crypto";
import type { Db } from "@/lib/db/types";
import { countyName } from "@/lib/places";
import { maskIdNumber } from "@/lib/schemas/id-number";
import { relationLabel } from "@/lib/filings/member-relations";
import { maskName } from "./mask-person";

/** Permit numbers as nextPermitNumber makes them: ZQ-2026-000045. */
export const PERMIT_NUMBER_PATTERN = /^ZQ-\d{4}-\d{6}$/;

export type PermitPerson = { name: string; idNumber: string; relation: string };

export type PermitVerification =
  | { state: "unknown"; number: string }
  | {
      state: "valid" | "revoked";
      number: string;
      issuedAt: Date;
      stationName: string;
      destinationCountyName: string;
      /** Masked: the page shows no more personal data than needed to recognise the permit. */
      persons: Array<{ maskedName: string; maskedIdNumber: string; relation: string }>;
      /** The move is complete (落户完成): the permit was genuine and has been used. */
      registered: boolean;
      revokedAt: Date | null;
    };

/** The people a permit names, from its JSON column (written by the clerk's approval). */
export function permitPersons(json: unknown): PermitPerson[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((p) => {
    const o = p as Record<string, unknown>;
    return typeof o?.name === "string" && typeof o?.idNumber === "string"
      ? [{ name: o.name, idNumber: o.idNumber, relation: typeof o.relation === "string" ? o.relation : "other" }]
      : [];
  });
}

/** A typed or scanned verification code: letters and digits only, upper case ("abcd-1234 …" → "ABCD1234…"). */
export function normaliseVerifyCode(raw: unknown): string {
  return typeof raw === "string"
    ? raw
        .slice(0, 80)
        .toUpperCase()
        .replace(/[^0-9A-Z]/g, "")
    : "";
}

/**
 * Public verification of a permit (no sign-in): genuine and current, revoked, or unknown.
 * Needs the number AND the verification code printed on the permit (96 random bits): numbers
 * run in sequence, so a number alone answers "unknown" and discloses nothing about the holders.
 * A permit whose filing is no longer approved (refused on correction, withdrawn) counts as
 * revoked even without a revocation date.
 */
export async function verifyPermit(db: Db, rawNumber: string, rawCode: unknown): Promise<PermitVerification> {
  const number = rawNumber.trim().toUpperCase();
  if (!PERMIT_NUMBER_PATTERN.test(number)) return { state: "unknown", number: rawNumber.trim().slice(0, 40) };
  const code = normaliseVerifyCode(rawCode);
  const permit = await db.permit.findUnique({
    where: { number },
    select: {
      verifyCode: true,
      number: true,
      issuedAt: true,
      revokedAt: true,
      persons: true,
      station: { select: { name: true, countyCode: true } },
      application: { select: { status: true, destinationCounty: true } },
    },
  });
  if (!permit || !codesMatch(permit.verifyCode, code)) return { state: "unknown", number };
  const current = ["approved", "moved_out", "registered"].includes(permit.application.status);
  return {
    state: permit.revokedAt || !current ? "revoked" : "valid",
    number: permit.number,
    issuedAt: permit.issuedAt,
    stationName: permit.station.name,
    destinationCountyName: countyName(permit.application.destinationCounty),
    persons: permitPersons(permit.persons).map((p) => ({
      maskedName: maskName(p.name),
      maskedIdNumber: maskIdNumber(p.idNumber),
      relation: relationLabel(p.relation).replace("（申请人）", ""),
    })),
    registered: permit.application.status === "registered",
    revokedAt: permit.revokedAt,
  };
}

function codesMatch(stored: string, given: string): boolean {
  const a = Buffer.from(normaliseVerifyCode(stored));
  const b = Buffer.from(given);
  return a.length > 0 && a.length === b.length && timingSafeEqual(a, b);
}
