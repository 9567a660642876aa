import { z } from "zod";
import { beijingToday } from "@/lib/format";

/**
 * Resident identity number (公民身份号码) per GB 11643-1999: 6-digit address code,
 * 8-digit birth date, 3-digit sequence (odd = male), 1 check character (ISO 7064 MOD 11-2).
 */

export type IdNumberErrorCode = "length" | "format" | "checksum" | "birth_date" | "region";

export type IdNumberResult =
  { ok: true; normalized: string; /** YYYY-MM-DD */ birthDate: string; sex: "M" | "F" } | { ok: false; code: IdNumberErrorCode; message: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = "10X98765432";

/** Province-level codes in use (GB/T 2260), incl. Taiwan 71, Hong Kong 81, Macao 82. */
const PROVINCE_CODES: ReadonlySet<string> = new Set([
  "11",
  "12",
  "13",
  "14",
  "15",
  "21",
  "22",
  "23",
  "31",
  "32",
  "33",
  "34",
  "35",
  "36",
  "37",
  "41",
  "42",
  "43",
  "44",
  "45",
  "46",
  "50",
  "51",
  "52",
  "53",
  "54",
  "61",
  "62",
  "63",
  "64",
  "65",
  "71",
  "81",
  "82",
]);

const MESSAGES: Record<IdNumberErrorCode, string> = {
  length: "居民身份证号码应为18位",
  format: "居民身份证号码应为17位数字加1位校验码（数字或X）",
  checksum: "居民身份证号码校验码不正确，请核对后重新输入",
  birth_date: "居民身份证号码中的出生日期无效",
  region: "居民身份证号码前两位不是有效的省级行政区划代码",
};

/** The check character for the first 17 digits. */
export function checkDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** Appends the right check character to 17 digits (tests and seed data). */
export function makeIdNumber(prefix17: string): string {
  if (!/^\d{17}$/.test(prefix17)) throw new Error(`makeIdNumber needs 17 digits, got "${prefix17}"`);
  return prefix17 + checkDigit(prefix17);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** A real calendar date (Feb 29 only in leap years), from 1900 on; counted, not built as a Date (hot path). */
export function isCalendarDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || y < 1900 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]);
}

/** YYYYMMDD → "YYYY-MM-DD" if a real date not after `now`'s date in China (UTC+8, no DST): a birth "today" is not "future". */
function parseBirthDate(yyyymmdd: string, now?: Date): string | null {
  if (!isCalendarDate(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)), Number(yyyymmdd.slice(6, 8)))) return null;
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  return iso > beijingToday(now) ? null : iso;
}

function fail(code: IdNumberErrorCode): IdNumberResult {
  return { ok: false, code, message: MESSAGES[code] };
}

/**
 * Validates an ID number. Surrounding whitespace is ignored and a lowercase x is accepted
 * and normalised to X. The date and region are checked before the check digit so that a
 * typo in the date gets the more helpful message.
 */
export function validateIdNumber(input: string, now?: Date): IdNumberResult {
  const s = input.trim().toUpperCase();
  if (s.length !== 18) return fail("length");
  if (!/^\d{17}[\dX]$/.test(s)) return fail("format");
  if (!PROVINCE_CODES.has(s.slice(0, 2))) return fail("region");
  const birthDate = parseBirthDate(s.slice(6, 14), now);
  if (!birthDate) return fail("birth_date");
  if (checkDigit(s) !== s[17]) return fail("checksum");
  return { ok: true, normalized: s, birthDate, sex: Number(s[16]) % 2 === 1 ? "M" : "F" };
}

/** 4112**********1234: enough to recognise one's own number, not enough to misuse it. */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) return "*".repeat(id.length);
  return id.slice(0, 4) + "*".repeat(id.length - 8) + id.slice(-4);
}

/** Accepts an ID number and outputs it normalised (trimmed, upper-case X). */
export const idNumberSchema = z
  .string({ error: (iss) => (iss.input === undefined ? "请填写居民身份证号码" : "居民身份证号码须为文本") })
  .transform((value, ctx) => {
    const r = validateIdNumber(value);
    if (!r.ok) {
      ctx.issues.push({ code: "custom", message: r.message, input: value, params: { idNumberError: r.code } });
      return z.NEVER;
    }
    return r.normalized;
  });
