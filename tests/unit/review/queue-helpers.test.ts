import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "@/lib/review/queue-cursor";
import { classifySearch } from "@/lib/review/queue";
import { dueInfo } from "@/lib/review/queue-tabs";
import { EMPTY_CALENDAR, type WorkCalendar } from "@/lib/calendar/working-days";

describe("queue cursors", () => {
  it("round-trip a key and refuse anything else", () => {
    const key = { k: "2026-11-27T15:59:59.999Z", i: "cmabc123" };
    expect(decodeCursor(encodeCursor(key))).toEqual(key);
    expect(decodeCursor(encodeCursor({ k: null, i: "x1" }))).toEqual({ k: null, i: "x1" });
    for (const bad of [
      "",
      "abc",
      Buffer.from('["not a date","x"]').toString("base64url"),
      Buffer.from('["2026-01-01", "a b"]').toString("base64url"),
      "x".repeat(500),
    ]) {
      expect(decodeCursor(bad)).toBeNull();
    }
  });
});

describe("search terms", () => {
  it("tells reference numbers, ID numbers and names apart", () => {
    expect(classifySearch(" smx-2026-000123 ")).toEqual({ kind: "reference", value: "SMX-2026-000123" });
    expect(classifySearch("2026-123")).toEqual({ kind: "reference", value: "SMX-2026-000123" });
    expect(classifySearch("41122119900101123x")).toEqual({ kind: "id_number", value: "41122119900101123X" });
    expect(classifySearch("４１１２２１１９９００１０１１２３Ｘ").kind).toBe("id_number"); // full-width digits (NFKC)
    expect(classifySearch("王 芳")).toEqual({ kind: "name", value: "王 芳" });
    // Digits are never searched as a name: the end of a reference, part of an ID number or a phone.
    expect(classifySearch("4112")).toEqual({ kind: "digits", value: "4112" });
    expect(classifySearch("000004")).toEqual({ kind: "digits", value: "000004" });
    expect(classifySearch("13800000001")).toEqual({ kind: "phone", value: "13800000001" });
    expect(classifySearch("杨")).toEqual({ kind: "name", value: "杨" });
  });
});

describe("working days left on a row", () => {
  // Beijing time: Friday 2026-11-27 10:00.
  const friday = new Date("2026-11-27T02:00:00Z");
  /** 23:59:59.999 Beijing time of a day, as due dates are. */
  const endOf = (ymd: string) => new Date(Date.parse(`${ymd}T16:00:00Z`) - 1);
  const cal: WorkCalendar = { holidays: new Set(["2026-11-30"]), workdays: new Set(["2026-11-28"]) };

  it("counts the make-up Saturday and skips the holiday Monday", () => {
    expect(dueInfo(endOf("2026-11-28"), friday, cal)).toMatchObject({ daysLeft: 1, urgent: true, label: "剩 1 个工作日" });
    expect(dueInfo(endOf("2026-12-01"), friday, cal)).toMatchObject({ daysLeft: 2, urgent: false });
    expect(dueInfo(endOf("2026-12-01"), friday, EMPTY_CALENDAR)).toMatchObject({ daysLeft: 2, urgent: false });
    expect(dueInfo(endOf("2026-11-27"), friday, cal)).toMatchObject({ daysLeft: 0, urgent: true, label: "今日到期" });
  });

  it("overdue rows are urgent and say by how many working days", () => {
    expect(dueInfo(endOf("2026-11-25"), friday, EMPTY_CALENDAR)).toMatchObject({ overdue: true, urgent: true, label: "已超期 2 个工作日" });
    // Due Friday, now Saturday: overdue although no working day has passed.
    const saturday = new Date("2026-11-28T02:00:00Z");
    expect(dueInfo(endOf("2026-11-27"), saturday, EMPTY_CALENDAR)).toMatchObject({ overdue: true, urgent: true, label: "已超期" });
  });
});
