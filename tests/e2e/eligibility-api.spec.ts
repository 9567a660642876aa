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
      data: {
        ...base(),
        channel: "residence",
        residence: { tenure: "rented", address: "湖滨区崤山路1号", legal: true },
        documents: ["id_card", "hukou_booklet", "rental_contract"],
      },
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
    const data = {
      ...base(),
      channel: "residence",
      residence: { tenure: "rented", address: "x", legal: true },
      documents: ["id_card", "hukou_booklet", "rental_contract"],
    };
    const plain = await (await request.post(URL, { data })).json();
    const withFacts = await (
      await request.post(URL, {
        data: { ...data, ownsHome: false, homeAreaM2: 0, taxPaidYuan: 0, investmentYuan: 0, points: 0, keepsRuralLandRights: true, unknownExtra: "kept out" },
      })
    ).json();
    expect(withFacts.ignoredFacts).toEqual(["ownsHome", "homeAreaM2", "taxPaidYuan", "investmentYuan", "points", "keepsRuralLandRights"]);
    expect({ ...withFacts, ignoredFacts: [] }).toEqual({ ...plain, ignoredFacts: [] });
  });

  test("400 validation_failed names the path of every problem", async ({ request }) => {
    const res = await request.post(URL, {
      data: {
        applicant: { idNumber: badChecksum(testId()), name: "张三", hukouType: "rural", hukouRegion: "410323" },
        destinationCounty: "999999",
        channel: "talent",
        subtype: "enrollment",
        documents: ["passport"],
      },
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

  test("1.1: a spouse living in a rented home with a principal who keeps hukou elsewhere is eligible", async ({ request }) => {
    const data = {
      ...base(),
      channel: "family",
      principal: { relation: "spouse", livesTogether: true, hasHukouAtDestination: false, hasLegalResidenceAtDestination: true },
      residence: { tenure: "rented", address: "湖滨区崤山路1号", legal: true },
      documents: ["id_card", "hukou_booklet", "marriage_certificate", "rental_contract"],
    };
    const res = await request.post(URL, { data });
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({ outcome: "eligible", channel: "family", clauses: ["二(二)"], missingDocuments: [] });
    const illegal = await (await request.post(URL, { data: { ...data, residence: { ...data.residence, legal: false } } })).json();
    expect(illegal.outcome).toBe("ineligible");
    const noHome = await request.post(URL, { data: { ...data, residence: undefined } });
    expect(noHome.status()).toBe(400);
    expect((await noHome.json()).issues.map((i: { path: string }) => i.path)).toEqual(["residence"]);
  });

  test("1.1: the hukou path asks for principal_hukou_booklet", async ({ request }) => {
    const res = await request.post(URL, {
      data: {
        ...base(),
        channel: "family",
        principal: { relation: "child", livesTogether: true, hasHukouAtDestination: true },
        documents: ["id_card", "hukou_booklet", "birth_certificate"],
      },
    });
    expect(await res.json()).toMatchObject({ outcome: "needs_documents", missingDocuments: ["principal_hukou_booklet"] });
  });

  test("1.1: no idNumber or name; a child under 16 needs no id_card; a disagreeing birthDate is a 400", async ({ request }) => {
    const child = { hukouType: "rural", hukouRegion: "410323" };
    const year = new Date().getUTCFullYear() - 8;
    const res = await request.post(URL, {
      data: {
        applicant: { ...child, birthDate: `${year}-03-01` },
        destinationCounty: "411202",
        channel: "residence",
        residence: { tenure: "rented", legal: true },
        documents: ["hukou_booklet", "rental_contract"],
      },
    });
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({ outcome: "eligible", missingDocuments: [] });
    const byId = await (
      await request.post(URL, {
        data: {
          applicant: { ...child, idNumber: testId("411202", `${year}0301`) },
          destinationCounty: "411202",
          channel: "talent",
          subtype: "veteran",
          documents: ["hukou_booklet", "discharge_certificate"],
        },
      })
    ).json();
    expect(byId.outcome).toBe("eligible");
    const clash = await request.post(URL, {
      data: { ...base(), applicant: { ...base().applicant, birthDate: "1991-01-01" }, channel: "talent", subtype: "veteran" },
    });
    expect(clash.status()).toBe(400);
    expect((await clash.json()).issues.map((i: { path: string }) => i.path)).toEqual(["applicant.birthDate"]);
  });
});
