import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { CHANNEL_CODES, CHANNEL_GUIDE_ORDER, CHANNEL_REGISTRY } from "@/lib/channels/registry";
import { Channel as PrismaChannel } from "@/lib/generated/prisma/enums";
import { DEFAULT_RULE_SET_DATA } from "@/lib/rules/default-rule-set";
import { ruleSetDataSchema } from "@/lib/rules/validate-rule-set";
import { CHANNELS, CHANNEL_LABELS, SUBTYPES_BY_CHANNEL } from "@/lib/schemas/eligibility";
import { CHANNEL_SHORT_LABELS } from "@/lib/review/labels";
import { channelGuide, channelOptions } from "@/lib/filings/channel-guide";
import { channelTakesMembers, detailsTitle, destinationTitle } from "@/lib/filings/filing-tasks";
import { DETAILS_STEP_DEFS } from "@/lib/filings/save-draft-steps";

const sorted = (xs: readonly string[]) => [...xs].sort();

describe("the channel registry names the same channels as the database and the rule set", () => {
  it("Prisma enum (schema.prisma and the generated client) = registry = API enum = default rule set = rule-set shape", () => {
    const schema = readFileSync(path.join(process.cwd(), "prisma/schema.prisma"), "utf8");
    const block = /enum Channel \{([^}]*)\}/.exec(schema)?.[1] ?? "";
    const inSchema = block
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("//"));
    expect(sorted(inSchema)).toEqual(sorted(CHANNEL_CODES));
    expect(sorted(Object.values(PrismaChannel))).toEqual(sorted(CHANNEL_CODES));
    expect(sorted(Object.keys(CHANNEL_REGISTRY))).toEqual(sorted(CHANNEL_CODES));
    expect(CHANNELS).toEqual(CHANNEL_CODES);
    expect(sorted(Object.keys(DEFAULT_RULE_SET_DATA.channels))).toEqual(sorted(CHANNEL_CODES));
    expect(sorted(Object.keys(ruleSetDataSchema.shape.channels.shape))).toEqual(sorted(CHANNEL_CODES));
    expect(sorted(CHANNEL_GUIDE_ORDER)).toEqual(sorted(CHANNEL_CODES));
    expect(sorted(Object.keys(DETAILS_STEP_DEFS))).toEqual(sorted(CHANNEL_CODES));
  });

  it("every entry's code is its key", () => {
    for (const c of CHANNEL_CODES) expect(CHANNEL_REGISTRY[c].code).toBe(c);
  });
});

describe("what derives from the registry", () => {
  it("labels, subtypes, details titles, persons carried", () => {
    for (const c of CHANNEL_CODES) {
      const e = CHANNEL_REGISTRY[c];
      expect(CHANNEL_LABELS[c]).toBe(e.label);
      expect(CHANNEL_SHORT_LABELS[c]).toBe(e.shortLabel);
      expect(SUBTYPES_BY_CHANNEL[c]).toEqual(e.subtypes);
      expect(detailsTitle(c)).toBe(e.details.title);
      expect(destinationTitle(c)).toBe(e.destinationTitle);
      expect(channelTakesMembers(c)).toBe(e.persons === "household");
    }
    expect(channelTakesMembers("collective")).toBe(false);
  });

  it("clauses come from the rule set given, not from the registry", () => {
    const edited = structuredClone(DEFAULT_RULE_SET_DATA);
    edited.channels.residence.clause = "二(九)";
    expect(channelGuide(DEFAULT_RULE_SET_DATA).find((g) => g.channel === "residence")?.clause).toBe("二(二)");
    expect(channelGuide(edited).find((g) => g.channel === "residence")?.clause).toBe("二(九)");
    expect(channelOptions(edited).find((g) => g.channel === "residence")?.clause).toBe("二(九)");
    expect(
      channelOptions()
        .find((g) => g.channel === "talent")
        ?.subtypes.map((s) => s.value),
    ).toEqual([...CHANNEL_REGISTRY.talent.subtypes]);
    for (const e of Object.values(CHANNEL_REGISTRY)) expect(JSON.stringify(e)).not.toMatch(/[一二三四]\([一二三四五六七八九十]+\)/);
  });
});
