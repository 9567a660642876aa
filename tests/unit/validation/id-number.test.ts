import { describe, it, expect } from "vitest";
import { checkDigit, idNumberSchema, makeIdNumber, maskIdNumber, validateIdNumber } from "@/lib/schemas/id-number";

/** A valid number whose check character is X (found, not hard-coded). */
function idEndingInX(): string {
  for (let seq = 0; seq < 1000; seq++) {
    const id = makeIdNumber(`41120219850315${String(seq).padStart(3, "0")}`);
    if (id.endsWith("X")) return id;
  }
  throw new Error("no X found");
}

/** The same number with a wrong check character. */
function withWrongCheck(id: string): string {
  const wrong = id[17] === "0" ? "1" : "0";
  return id.slice(0, 17) + wrong;
}

describe("makeIdNumber / checkDigit", () => {
  it("computes the GB 11643 check character of a known number", () => {
    // Sample number from the standard's worked example (11010519491231002X).
    expect(makeIdNumber("11010519491231002")).toBe("11010519491231002X");
    expect(checkDigit("44052418800101001")).toBe("4");
  });

  it("refuses anything but 17 digits", () => {
    expect(() => makeIdNumber("4112021990010112")).toThrow();
    expect(() => makeIdNumber("4112021990010112a")).toThrow();
  });
});

describe("validateIdNumber", () => {
  it("accepts a valid number, with birth date and sex", () => {
    const id = makeIdNumber("41120219900101123"); // sequence 123: odd → male
    const r = validateIdNumber(id);
    expect(r).toEqual({ ok: true, normalized: id, birthDate: "1990-01-01", sex: "M" });
  });

  it("reads an even sequence digit as female", () => {
    const r = validateIdNumber(makeIdNumber("41120219900101124"));
    expect(r.ok && r.sex).toBe("F");
  });

  it("accepts a check character X, in either case, and normalises to upper case", () => {
    const id = idEndingInX();
    expect(validateIdNumber(id)).toMatchObject({ ok: true, normalized: id });
    expect(validateIdNumber(id.toLowerCase())).toMatchObject({ ok: true, normalized: id });
  });

  it("ignores surrounding whitespace", () => {
    const id = makeIdNumber("41120219900101123");
    expect(validateIdNumber(`  ${id} `)).toMatchObject({ ok: true, normalized: id });
  });

  it("accepts 29 February of a leap year, including 2000", () => {
    expect(validateIdNumber(makeIdNumber("41120220000229123")).ok).toBe(true);
    expect(validateIdNumber(makeIdNumber("41120219960229123")).ok).toBe(true);
  });

  const failures: Array<[string, string, string]> = [
    ["too short", "41120219900101123", "length"],
    ["too long", makeIdNumber("41120219900101123") + "1", "length"],
    ["empty", "", "length"],
    ["a letter inside", "4112021990O101123X", "format"],
    ["X not at the end", "X11202199001011234", "format"],
    ["a bad check digit", withWrongCheck(makeIdNumber("41120219900101123")), "checksum"],
    ["30 February", makeIdNumber("41120219900230123"), "birth_date"],
    ["29 February of 1900 (not a leap year)", makeIdNumber("41120219000229123"), "birth_date"],
    ["29 February of 2019", makeIdNumber("41120220190229123"), "birth_date"],
    ["month 13", makeIdNumber("41120219901301123"), "birth_date"],
    ["day 00", makeIdNumber("41120219900100123"), "birth_date"],
    ["a birth before 1900", makeIdNumber("41120218991231123"), "birth_date"],
    ["a birth in the future", makeIdNumber("41120220991231123"), "birth_date"],
    ["province code 00", makeIdNumber("00120219900101123"), "region"],
    ["province code 10", makeIdNumber("10120219900101123"), "region"],
    ["province code 47", makeIdNumber("47120219900101123"), "region"],
    ["province code 99", makeIdNumber("99120219900101123"), "region"],
  ];

  it.each(failures)("refuses %s (%s) with code %s and a Chinese message", (_label, input, code) => {
    const r = validateIdNumber(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(r.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it.each(["11", "15", "21", "23", "31", "37", "41", "46", "50", "54", "61", "65", "71", "81", "82"])("accepts province code %s", (p) => {
    expect(validateIdNumber(makeIdNumber(`${p}120219900101123`)).ok).toBe(true);
  });

  it("judges 'future' against the date in China (UTC+8)", () => {
    const id = makeIdNumber("41120220240601123");
    // 2024-05-31T17:00Z is already 1 June in Beijing.
    expect(validateIdNumber(id, new Date("2024-05-31T17:00:00Z")).ok).toBe(true);
    expect(validateIdNumber(id, new Date("2024-05-31T15:00:00Z"))).toMatchObject({ ok: false, code: "birth_date" });
  });
});

describe("maskIdNumber", () => {
  it("keeps the first 4 and last 4 characters", () => {
    expect(maskIdNumber("411202199001011234")).toBe("4112**********1234");
  });
  it("hides short input entirely", () => {
    expect(maskIdNumber("1234")).toBe("****");
  });
});

describe("idNumberSchema", () => {
  it("outputs the normalised number", () => {
    const id = idEndingInX();
    expect(idNumberSchema.parse(id.toLowerCase())).toBe(id);
  });

  it("reports the Chinese message of the failure", () => {
    const r = idNumberSchema.safeParse(makeIdNumber("41120219900230123"));
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual(["居民身份证号码中的出生日期无效"]);
  });

  it("says a missing or non-text value in Chinese", () => {
    expect(idNumberSchema.safeParse(undefined).error?.issues[0].message).toBe("请填写居民身份证号码");
    expect(idNumberSchema.safeParse(411202).error?.issues[0].message).toBe("居民身份证号码须为文本");
  });
});
