import { describe, expect, it } from "vitest";
import { sniffFileType } from "@/lib/storage/sniff-file-type";
import { assertStorageKey } from "@/lib/storage/file-storage";
import { maskName } from "@/lib/permits/mask-person";
import { publicBaseUrl, verifyUrl } from "@/lib/permits/public-base-url";
import { encodePrecheckCarry, parsePrecheckCarry } from "@/lib/filings/precheck-carry";
import { suggestStation, stationPlace } from "@/lib/filings/suggest-station";
import { buildTasks } from "@/lib/filings/filing-tasks";
import { applicantStepSchema, memberSchema, residenceDetailsSchema, startFilingSchema, submitFilingSchema } from "@/lib/filings/filing-schemas";
import { eligibilityRequestSchema } from "@/lib/schemas/eligibility";
import { formatZodIssues } from "@/lib/errors";
import { alternativesOf } from "@/lib/filings/document-checklist";
import { DEFAULT_RULE_SET_DATA } from "@/lib/rules/default-rule-set";
import { SETTLED_RIGHTS } from "@/lib/filings/settled-rights";
import { cleanFileName } from "@/lib/filings/upload-document";
import { STATIONS } from "@/lib/seed/stations-data";
import { testId } from "../../helpers/ids";

const bytes = (...b: number[]) => new Uint8Array(b);

describe("file type from the bytes", () => {
  it.each([
    ["JPEG", bytes(0xff, 0xd8, 0xff, 0xe1, 0, 0), "image/jpeg"],
    ["PNG", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), "image/png"],
    ["PDF", new TextEncoder().encode("%PDF-1.7\n"), "application/pdf"],
    ["EXE", bytes(0x4d, 0x5a, 0x90, 0), null],
    ["GIF", new TextEncoder().encode("GIF89a"), null],
    ["HTML pretending", new TextEncoder().encode("<html>%PDF-1.4"), null],
    ["empty", bytes(), null],
    ["truncated PNG", bytes(0x89, 0x50, 0x4e), null],
  ])("%s", (_name, b, expected) => {
    expect(sniffFileType(b)).toBe(expected);
  });

  it("storage keys cannot climb out of the folder", () => {
    expect(() => assertStorageKey("app1/abc123")).not.toThrow();
    for (const bad of ["../etc/passwd", "a/../../b", "/abs/key", "a/b/c", "a\\b"]) expect(() => assertStorageKey(bad)).toThrow();
  });

  it("file names lose paths and control characters", () => {
    expect(cleanFileName("C:\\Users\\张\\租赁合同.pdf", "pdf")).toBe("租赁合同.pdf");
    expect(cleanFileName("../../x\u0000y.png", "png")).toBe("xy.png");
    expect(cleanFileName("", "jpg")).toBe("file.jpg");
  });
});

describe("masking and links", () => {
  it("masks names to the surname", () => {
    expect(maskName("张明")).toBe("张*");
    expect(maskName("欧阳娜娜")).toBe("欧***");
    expect(maskName("王")).toBe("王*");
  });

  it("builds the verification URL from PUBLIC_BASE_URL or the request host", () => {
    const prev = process.env.PUBLIC_BASE_URL;
    delete process.env.PUBLIC_BASE_URL;
    expect(publicBaseUrl(new Headers({ host: "127.0.0.1:3201" }))).toBe("http://127.0.0.1:3201");
    // Forwarded headers count only behind a trusted proxy (LUOHU_TRUST_PROXY).
    expect(publicBaseUrl(new Headers({ host: "luohu.smx.gov.cn", "x-forwarded-proto": "https", "x-forwarded-host": "evil.invalid" }))).toBe(
      "http://luohu.smx.gov.cn",
    );
    process.env.LUOHU_TRUST_PROXY = "1";
    expect(publicBaseUrl(new Headers({ host: "luohu.smx.gov.cn", "x-forwarded-proto": "https" }))).toBe("https://luohu.smx.gov.cn");
    delete process.env.LUOHU_TRUST_PROXY;
    expect(publicBaseUrl(new Headers({ host: "evil.com/<script>" }))).toBe("http://localhost:3000");
    process.env.PUBLIC_BASE_URL = "https://luohu.smx.gov.cn/";
    expect(verifyUrl(publicBaseUrl(new Headers({ host: "other" })), "ZQ-2026-000001")).toBe("https://luohu.smx.gov.cn/verify/ZQ-2026-000001");
    if (prev === undefined) delete process.env.PUBLIC_BASE_URL;
    else process.env.PUBLIC_BASE_URL = prev;
  });
});

describe("the pre-check's link", () => {
  it("1.1: carries the principal's legal residence at the destination", () => {
    const carry = encodePrecheckCarry({
      applicant: { hukouType: "rural", hukouRegion: "411221" },
      destinationCounty: "411202",
      channel: "family",
      residence: { legal: true },
      principal: { relation: "parent", livesTogether: true, hasHukouAtDestination: false, hasLegalResidenceAtDestination: true },
    });
    expect(parsePrecheckCarry(carry)!.prefill.principal).toEqual({
      relation: "parent",
      livesTogether: true,
      hasHukouAtDestination: false,
      hasLegalResidenceAtDestination: true,
    });
  });

  it("round-trips the answers without name or ID number", () => {
    const id = testId();
    const carry = encodePrecheckCarry({
      applicant: { idNumber: id, name: "李四", hukouType: "rural", hukouRegion: "411221" },
      destinationCounty: "411202",
      channel: "family",
      principal: { relation: "spouse", livesTogether: true, hasHukouAtDestination: true, idNumber: id },
    });
    const text = Buffer.from(carry, "base64url").toString("utf8");
    expect(text).not.toContain("李四");
    const parsed = parsePrecheckCarry(carry)!;
    expect(parsed.channel).toBe("family");
    expect(parsed.prefill.principal).toEqual({ relation: "spouse", livesTogether: true, hasHukouAtDestination: true });
    expect(JSON.stringify(parsed)).not.toContain(id);
    expect(parsePrecheckCarry("not json at all")).toBeNull();
    expect(parsePrecheckCarry(Buffer.from('{"channel":"nope","destinationCounty":"999999"}').toString("base64url"))).toEqual({
      channel: undefined,
      subtype: undefined,
      destinationCounty: undefined,
      prefill: {
        hukouType: undefined,
        hukouRegion: undefined,
        residence: undefined,
        principal: undefined,
        employment: undefined,
        hasDirectRelativeToJoin: undefined,
      },
    });
  });
});

describe("station suggestion", () => {
  const stations = STATIONS.map((s) => ({ id: s.code, name: s.name, address: s.address, countyCode: s.countyCode }));
  it("finds the station by its place name or street in the address, within the county", () => {
    expect(stationPlace("三门峡市公安局湖滨分局前进派出所")).toBe("前进");
    expect(suggestStation(stations, "411202", "湖滨区崤山路88号")).toBe("411202-01");
    expect(suggestStation(stations, "411202", "湖滨区黄河路东段5号")).toBe("411202-02");
    expect(suggestStation(stations, "411203", "陕州区大营镇人民路66号")).toBe("411203-01");
    expect(suggestStation(stations, "411203", "某个不认识的地方")).toBeNull();
    // Never a station of another county.
    expect(suggestStation(stations, "411221", "湖滨区崤山路88号")).toBeNull();
  });
});

describe("form schemas are the API's where they overlap", () => {
  const apiIssue = (patch: Record<string, unknown>, path: string) => {
    const r = eligibilityRequestSchema.safeParse({
      applicant: { idNumber: testId(), name: "张三", hukouType: "rural", hukouRegion: "410323" },
      destinationCounty: "411202",
      channel: "residence",
      ...patch,
    });
    return r.success ? undefined : formatZodIssues(r.error).find((i) => i.path === path)?.message;
  };
  it("uses the same messages for the same fields", () => {
    const form = applicantStepSchema.safeParse({ applicationId: "a", hukouType: "x", hukouRegion: "12", hukouAddress: "某地某路" });
    const issues = form.success ? [] : formatZodIssues(form.error);
    expect(issues.find((i) => i.path === "hukouRegion")?.message).toBe(
      apiIssue({ applicant: { idNumber: testId(), name: "张三", hukouType: "rural", hukouRegion: "12" } }, "applicant.hukouRegion"),
    );
    expect(issues.find((i) => i.path === "hukouType")?.message).toBe(
      apiIssue({ applicant: { idNumber: testId(), name: "张三", hukouType: "x", hukouRegion: "410323" } }, "applicant.hukouType"),
    );
    const start = startFilingSchema.safeParse({ channel: "talent", subtype: "enrollment" });
    expect(start.success).toBe(false);
    const member = memberSchema.safeParse({ applicationId: "a", relation: "spouse", name: "李", idNumber: testId().slice(0, 17) + "0" });
    const memberIssues = member.success ? [] : formatZodIssues(member.error);
    expect(memberIssues.find((i) => i.path === "idNumber")?.message).toMatch(/校验码|身份证/);
    expect(residenceDetailsSchema.safeParse({ applicationId: "a", tenure: "rented", legal: "true" }).success).toBe(true);
    expect(residenceDetailsSchema.safeParse({ applicationId: "a", tenure: "", legal: "true" }).success).toBe(false);
  });

  it("the declaration needs both ticks and a well-formed submit key", () => {
    expect(submitFilingSchema.safeParse({ applicationId: "a", submitKey: "0123456789abcdef", truthful: "true", voluntary: "true" }).success).toBe(true);
    expect(submitFilingSchema.safeParse({ applicationId: "a", submitKey: "0123456789abcdef", truthful: "true" }).success).toBe(false);
    expect(submitFilingSchema.safeParse({ applicationId: "a", submitKey: "short", truthful: "true", voluntary: "true" }).success).toBe(false);
  });
});

describe("task list and checklist helpers", () => {
  it("a collective filing has no members task; check waits for everything", () => {
    const tasks = buildTasks(
      {
        id: "x",
        channel: "collective",
        answers: {
          applicant: { hukouType: "rural", hukouRegion: "411221", hukouAddress: "某地" },
          destination: { county: "411202", address: "某地", stationId: "s" },
          completed: { details: true },
        },
      },
      true,
    );
    expect(tasks.map((t) => t.key)).toEqual(["channel", "applicant", "destination", "details", "documents", "check"]);
    expect(tasks.find((t) => t.key === "check")?.status).toBe("not_started");
    const res = buildTasks({ id: "x", channel: "residence", answers: {} }, false);
    expect(res.find((t) => t.key === "documents")?.status).toBe("cannot_start");
    expect(res.find((t) => t.key === "members")?.status).toBe("not_started");
  });

  it("alternatives come from the rule set's groups", () => {
    expect(alternativesOf(DEFAULT_RULE_SET_DATA, "rental_contract")).toEqual(["rental_contract", "property_certificate", "employer_housing_certificate"]);
    expect(alternativesOf(DEFAULT_RULE_SET_DATA, "birth_certificate")).toEqual(["birth_certificate", "relationship_proof"]);
    expect(alternativesOf(DEFAULT_RULE_SET_DATA, "id_card")).toEqual(["id_card"]);
  });

  it("the rights after settling cite 三(六)–(十) with the offices the plan names", () => {
    const byClause = Object.fromEntries(SETTLED_RIGHTS.map((r) => [r.clause, r.office]));
    expect(byClause["三(六)"]).toContain("市住房城乡建设局");
    expect(byClause["三(七)"]).toContain("市医保局");
    expect(byClause["三(八)"]).toContain("市人力资源社会保障局");
    expect(byClause["三(九)"]).toContain("市教育局");
    expect(byClause["三(十)"]).toContain("市公安局");
  });
});
