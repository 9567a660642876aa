/**
 * What every refusal decision letter (不予批准决定书) says whatever its reasons: its title and the
 * remedies with their time limits (administrative reconsideration by the city's public security
 * bureau within sixty days, a lawsuit before a people's court within six months).
 */
export const REFUSAL_LETTER_SAYS = ["不予批准决定书", "六十日内", "三门峡市公安局申请行政复议", "六个月内", "人民法院提起行政诉讼"];
