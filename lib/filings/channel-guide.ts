import { CHANNEL_GUIDE_ORDER, CHANNEL_REGISTRY } from "@/lib/channels/registry";
import { DEFAULT_RULE_SET_DATA } from "@/lib/rules/default-rule-set";
import type { RuleSetData } from "@/lib/rules/types";
import { SUBTYPES_BY_CHANNEL, SUBTYPE_LABELS, type Channel, type Subtype } from "@/lib/schemas/eligibility";

/**
 * Plain explanations of the channels for the resident choosing one. The words come from the
 * channel registry (lib/channels), the clause from the rule set in force; the conditions
 * themselves live in the rule set.
 */
export type ChannelGuideEntry = { channel: Channel; title: string; clause: string; text: string; who: string };

export function channelGuide(ruleData: Pick<RuleSetData, "channels"> = DEFAULT_RULE_SET_DATA): ChannelGuideEntry[] {
  return CHANNEL_GUIDE_ORDER.map((channel) => ({ channel, clause: ruleData.channels[channel].clause, ...CHANNEL_REGISTRY[channel].guide }));
}

export const SUBTYPE_HINTS: Readonly<Record<Subtype, string>> = {
  college_graduate: "需提交毕业证书",
  vocational_graduate: "需提交毕业证书",
  skilled_worker: "需提交职业资格证书或职业技能等级证书",
  veteran: "需提交退出现役证",
  returned_overseas: "需提交国（境）外学历学位认证书",
  enrollment: "需提交录取通知书，户口迁至学校所在地",
  after_graduation: "需提交毕业证书，迁入就业地或迁回原籍",
  urban_registration_at_origin: "凭录取通知书在原籍登记为城镇居民，随迁父母可一并迁移",
};

export type ChannelOption = ChannelGuideEntry & { subtypes: Array<{ value: Subtype; label: string; hint: string }> };

/** The channel choices with their subtypes, as plain data for the (client) choice form; clauses from the given rule set. */
export function channelOptions(ruleData: Pick<RuleSetData, "channels"> = DEFAULT_RULE_SET_DATA): ChannelOption[] {
  return channelGuide(ruleData).map((c) => ({
    ...c,
    subtypes: SUBTYPES_BY_CHANNEL[c.channel].map((s) => ({ value: s, label: SUBTYPE_LABELS[s], hint: SUBTYPE_HINTS[s] })),
  }));
}
