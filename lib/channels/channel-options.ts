import { getPrisma } from "@/lib/db/client";
import { getCurrentRuleSet } from "@/lib/rules/rule-set-service";
import { channelOptions, type ChannelOption } from "@/lib/filings/channel-guide";

/** The channel choices with the clauses of the rule set in force (pages call this; no database import in app/). */
export async function loadChannelOptions(): Promise<ChannelOption[]> {
  const ruleSet = await getCurrentRuleSet(getPrisma());
  return channelOptions(ruleSet.data);
}
