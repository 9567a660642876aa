import { test, expect } from "@playwright/test";
import { testId, badChecksum } from "../helpers/ids";

const URL = "/api/v1/eligibility";

const base = () => ({
  applicant: { idNumber: testId(), name: "张三", hukouType: "rural", hukouRegion: "410323" },
  destinationCounty: "411202",
});

test.describe("POST /api/v1/eligibility (spec contract)", () => {
  test("rented residence with its contract is eligible, citing 二(二), with the rule set version", async ({ request }) => {
    const res = await request.post(URL, {
      data: { ...base(), channel: "residence", residence: { tenure: "rented", address: "湖滨区崤山路1号", legal: true }, documents: ["id_card", "hukou_booklet", "rental_contract"] },
    });
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.outcome).toBe("eligible");
    expect(body.channel).toBe("residence");
    expect(body.clauses).toContain("二(二)");
    expect(body.missingDocuments).toEqual([]);
    expect(typeof body.ruleSetVersion).toBe("string");
    expect(body.ruleSetVersion.length).toBeGreaterThan(0);
  });

  test("missing documents are all listed at once", async ({ request }) => {
    const res = await request.post(URL, { data: { ...base(), channel: "talent", subtype: "college_graduate", documents: [] } });
    const body = await res.json();
    expect(body.outcome).toBe("needs_documents");
    expect(body.missingDocuments).toEqual(expect.arrayContaining(["id_card", "hukou_booklet", "graduation_certificate"]));
    expect(body.missingDocuments).toHaveLength(3);
  });

  test("collective hukou while renting is ineligible and suggests the residence channel", async ({ request }) => {
    const res = await request.post(URL, {
      data: {
        ...base(),
        channel: "collective",
        residence: { tenure: "rented", address: "湖滨区", legal: true },
        employment: { employed: true, workCounty: "411202", employerHasCollectiveHousehold: false },
        hasDirectRelativeToJoin: false,
        documents: ["id_card", "hukou_booklet", "employment_contract"],
      },
    });
    const body = await res.json();
    expect(body.outcome).toBe("ineligible");
    expect(body.suggestedChannels).toContain("residence");
    expect(body.reasons.every((r: { clause: string }) => r.clause.length > 0)).toBe(true);
  });

  test("ignored facts are reported and change nothing", async ({ request }) => {
    const data = { ...base(), channel: "residence", residence: { tenure: "rented", address: "x", legal: true }, documents: ["id_card", "hukou_booklet", "rental_contract"] };
    const plain = await (await request.post(URL, { data })).json();
    const withFacts = await (
      await request.post(URL, { data: { ...data, ownsHome: false, homeAreaM2: 0, taxPaidYuan: 0, investmentYuan: 0, points: 0, keepsRuralLandRights: true, unknownExtra: "kept out" } })
    ).json();
    expect(withFacts.ignoredFacts).toEqual(["ownsHome", "homeAreaM2", "taxPaidYuan", "investmentYuan", "points", "keepsRuralLandRights"]);
    expect({ ...withFacts, ignoredFacts: [] }).toEqual({ ...plain, ignoredFacts: [] });
  });

  test("400 validation_failed names the path of every problem", async ({ request }) => {
    const res = await request.post(URL, {
      data: { applicant: { idNumber: badChecksum(testId()), name: "张三", hukouType: "rural", hukouRegion: "410323" }, destinationCounty: "999999", channel: "talent", subtype: "enrollment", documents: ["passport"] },
    });
    expect(res.status()).toBe(400);
    const body = await res.json();
    expect(body.error).toBe("validation_failed");
    const paths = body.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["applicant.idNumber", "destinationCounty", "subtype", "documents.0"]));
    for (const i of body.issues) expect(i.message).toBeTruthy();
  });

  test("missing applicant and channel, wrong types, malformed JSON: 400, never 500", async ({ request }) => {
    for (const data of [{}, { applicant: "x", channel: 5 }, [], "text", null]) {
      const res = await request.post(URL, { data: JSON.stringify(data), headers: { "content-type": "application/json" } });
      expect(res.status(), JSON.stringify(data)).toBe(400);
    }
    const broken = await request.post(URL, { data: "{not json", headers: { "content-type": "application/json" } });
    expect(broken.status()).toBe(400);
  });

  test("415 for a non-JSON content type, 413 over 64 KiB", async ({ request }) => {
    const text = await request.post(URL, { data: "a=b", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(text.status()).toBe(415);
    const big = await request.post(URL, { data: { ...base(), channel: "residence", pad: "x".repeat(70 * 1024) } });
    expect(big.status()).toBe(413);
  });
});
