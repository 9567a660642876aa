import { getPrisma } from "@/lib/db/client";
import type { Db } from "@/lib/db/types";
import { channelGuide } from "@/lib/filings/channel-guide";
import { getCurrentRuleSet } from "@/lib/rules/rule-set-service";
import type { DocumentGroup } from "@/lib/rules/types";
import { DOCUMENT_LABELS, RELATION_LABELS, SUBTYPE_LABELS, TENURE_LABELS, type DocumentCode } from "@/lib/schemas/eligibility";

export type GuideStation = { id: string; name: string; address: string; phone: string | null; officeHours: string | null; guideNote: string | null };
export type GuideCounty = { code: string; name: string; stations: GuideStation[] };
export type GuideChannel = {
  channel: string;
  title: string;
  clause: string;
  text: string;
  who: string;
  documents: string[];
  variants: Array<{ label: string; documents: string[] }>;
};

/** 身份证 / 户口簿 are always needed; the rule set lists what each channel adds. */
const ALWAYS = ["申请人及随迁人员的居民身份证", "户口簿（原籍）"];

function groupText(g: DocumentGroup): string {
  return g.label ?? g.alternatives.map((a) => DOCUMENT_LABELS[a as DocumentCode] ?? a).join("或");
}

const VARIANT_LABELS: Record<string, string> = { ...SUBTYPE_LABELS, ...TENURE_LABELS, ...RELATION_LABELS };

/**
 * 办事指南: per county, its stations (address, hours, phone, notes kept by admins on the
 * stations page); per channel, what it needs (from the current rule set); the time limits.
 */
export async function loadGuide(db: Db = getPrisma()) {
  const [counties, stations, rs] = await Promise.all([
    db.county.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { code: true, name: true } }),
    db.policeStation.findMany({
      where: { active: true },
      orderBy: { code: "asc" },
      select: { id: true, name: true, address: true, phone: true, officeHours: true, guideNote: true, countyCode: true },
    }),
    getCurrentRuleSet(db),
  ]);
  const byCounty: GuideCounty[] = counties.map((c) => ({ ...c, stations: stations.filter((s) => s.countyCode === c.code) }));
  const ch = rs.data.channels as unknown as Record<
    string,
    {
      documents: DocumentGroup[];
      subtypes?: Record<string, { documents: DocumentGroup[] }>;
      tenures?: Record<string, { documents: DocumentGroup[] }>;
      relations?: Record<string, { documents: DocumentGroup[] }>;
    }
  >;
  const channels: GuideChannel[] = channelGuide(rs.data).map((g) => {
    const rules = ch[g.channel];
    const variants = Object.entries({ ...(rules?.subtypes ?? {}), ...(rules?.tenures ?? {}), ...(rules?.relations ?? {}) })
      .map(([k, v]) => ({ label: VARIANT_LABELS[k] ?? k, documents: v.documents.map(groupText) }))
      .filter((v) => v.documents.length > 0);
    return { ...g, documents: [...ALWAYS, ...(rules?.documents ?? []).map(groupText)], variants };
  });
  return { counties: byCounty, channels, timeLimits: rs.data.timeLimits, ruleSetVersion: rs.version };
}
