import type { CriterionCode } from "./criteria-lexicon";
import type { NormalisedText } from "./normalise-text";

/**
 * English notes read the same way as Chinese ones: an object (home purchase, tax records,
 * points, homestead …) bound to a construction (must, required, lacks, insufficient, is full …)
 * within a few words of the same clause, undone by a negation (does not require, not a
 * condition), a report (informed, asked about), a kept right, or a name (Henan Investment Group).
 */

type Finding = { criterion: CriterionCode; start: number; end: number };
type Kind = "strong" | "weak" | "area" | "rent" | "land" | "timed" | "quota";

const alt = (...xs: string[]) => `(?:${xs.join("|")})`;
const HOME = alt("homes?", "houses?", "housing", "propert(?:y|ies)", "apartments?", "flats?", "real estate", "residential property");

const OBJECTS: ReadonlyArray<readonly [CriterionCode, Kind, string]> = [
  [
    "home_purchase",
    "strong",
    alt(
      `${alt("home", "house", "housing", "property", "apartment", "flat", "real estate")} ?${alt("purchases?", "ownership", "owners?", "certificates?", "deeds?", "titles?")}`,
      "homeowner(?:s|ship)?",
    ),
  ],
  [
    "home_purchase",
    "strong",
    `${alt("buy", "buys", "buying", "bought", "purchase", "purchases", "purchasing", "purchased", "own", "owns", "owning", "owned")}(?: of)?(?: ${alt("a", "an", "the", "any", "own", "his", "her", "their", "your", "one")})?(?: own)? ${HOME}`,
  ],
  ["home_purchase", "strong", `(?:owned|own) ${HOME}`],
  ["home_purchase", "weak", HOME],
  ["home_purchase", "area", `${alt("floor", "living", "housing", "home", "house", "apartment", "dwelling")} ${alt("area", "space", "size", "price", "value")}`],
  [
    "home_purchase",
    "rent",
    `${alt("rent", "rented", "rental", "renting", "leased", "lease", "tenancy", "tenants?", "renters?")}(?: ${alt("homes?", "houses?", "housing", "flats?", "apartments?", "property", "contracts?", "agreements?", "accommodation", "residence")})?`,
  ],
  ["investment", "strong", alt("invest(?:s|ed|ing|ments?)?", "registered capital", "capital contributions?", "shareholdings?", "equity stakes?")],
  [
    "tax_payment",
    "strong",
    `(?:income )?tax(?:es)?(?: ${alt("payments?", "records?", "certificates?", "returns?", "receipts?", "paid", "bills?", "contributions?", "history", "proof")})?`,
  ],
  ["tax_payment", "strong", "taxpayer status"],
  ["points", "strong", alt("points?(?: based| system| score)?", "scores?", "scoring", "rankings?")],
  [
    "rural_land_rights",
    "land",
    alt(
      "homesteads?(?: land)?(?: use)?(?: rights?)?",
      "contracted (?:land|farmland|plots?)",
      "(?:rural |farm )?land (?:contract |contracting |contractual |use |management )?rights?",
      "collective (?:income|revenue|benefit|distribution|dividend)s?(?: rights?)?",
      "farmland",
      "rural land",
      "land",
    ),
  ],
  [
    "social_insurance",
    "strong",
    alt("social (?:insurance|security)(?: contributions?| payments?| records?)?", "pension (?:insurance|contributions?)", "insurance contributions?"),
  ],
  [
    "residence_duration",
    "timed",
    `${alt("resided", "reside", "resides", "residing", "residence", "residency", "lived", "live", "lives", "living", "stayed", "stay", "staying")}`,
  ],
  ["quota", "quota", alt("(?:settlement |annual |registration )?quotas?", "settlement places", "slots")],
];

const PRE = alt(
  "must",
  "shall",
  "should",
  "required to",
  "requires?",
  "required",
  "requiring",
  "needs? to",
  "needed to",
  "needs?",
  "has to",
  "have to",
  "only accepts?",
  "only accepted",
  "only",
  "proof of",
  "provide",
  "submit",
  "show",
  "present",
  "lacks?",
  "lacking",
  "without",
  "no",
  "not",
  "never",
  "insufficient",
  "inadequate",
  "not enough",
  "did not",
  "didn t",
  "does not",
  "doesn t",
  "has not",
  "hasn t",
  "have not",
  "haven t",
  "unless",
  "until",
  "at least",
  "minimum",
  "less than",
  "fewer than",
  "under",
  "below",
  "according to",
  "based on",
  "by",
);
const DEFICIENT = alt(
  "no",
  "without",
  "lacks?",
  "lacking",
  "does not have",
  "doesn t have",
  "do not have",
  "don t have",
  "has no",
  "have no",
  "not own",
  "does not own",
  "doesn t own",
  "is not an?",
);
const POST = alt(
  "(?:is |are )?required",
  "(?:is |are )?needed",
  "(?:is |are )?mandatory",
  "compulsory",
  "insufficient",
  "too (?:low|small|little|few|short)",
  "below",
  "under",
  "missing",
  "lacking",
  "not (?:enough|met|reached|sufficient|paid|provided|shown)",
  "(?:is |are )?full",
  "exhausted",
  "used up",
  "run out",
  "ran out",
  "reached",
  "first",
  "only",
  "must (?:reach|be at least|exceed|total)",
  "must (?:be |have been )?(?:paid|provided|shown|submitted|presented|held|owned)",
  "reach(?:es)? at least",
  "prerequisite",
  "(?:as )?a condition",
  "threshold",
  "less than",
  "fewer than",
  "at least",
  "(?:is |are )?(?:not |n t )?(?:accepted|eligible)",
  "ineligible",
  "rejected",
  "refused",
  "denied",
);
const REFUSE = alt(
  "(?:is |are |do |does |will )?(?:not|n t|never) (?:be )?(?:accepted|eligible|count|counts|qualify|qualifies|valid|allowed|recognized|recognised|considered|enough|sufficient|acceptable)",
  "cannot (?:be )?(?:used|accepted|counted|count)",
  "can t (?:be )?(?:used|accepted|counted|count)",
  "(?:is |are )?invalid",
  "ineligible",
  "(?:is |are )?rejected",
  "(?:is |are )?refused",
  "(?:is |are )?excluded",
);
const GIVE_UP = alt(
  "give up",
  "gives up",
  "giving up",
  "gave up",
  "given up",
  "surrender\\w*",
  "relinquish\\w*",
  "transfer\\w*",
  "return\\w*",
  "forfeit\\w*",
  "abandon\\w*",
  "quit\\w*",
  "hand(?:s|ed|ing)? over",
  "waiv\\w*",
  "renounc\\w*",
  "sell\\w*",
  "sold",
);
const PERIOD_EN = `${alt("\\d+", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "half a", "a", "an")} (?:full )?${alt("years?", "months?")}`;
const NEGATION = alt(
  "does not require",
  "do not require",
  "doesn t require",
  "don t require",
  "did not require",
  "(?:does|do|did) not need",
  "(?:doesn|don|didn) t need",
  "not required",
  "no need",
  "need not",
  "needn t",
  "not a condition",
  "shall not",
  "must not",
  "may not",
  "cannot be required",
  "regardless of",
  "irrespective of",
  "without requiring",
  "not necessary",
  "unnecessary",
  "no requirement",
  "keeps?",
  "kept",
  "retains?",
  "retained",
  "retaining",
  "keeping",
  "voluntar(?:y|ily)",
  "informed",
  "told",
  "advised",
  "explained",
  "asked about",
  "asked",
  "enquired",
  "inquired",
  "optional",
  "not needed",
  "forbidden",
  "prohibited",
  "no longer",
  "never (?:be )?(?:a condition|required)",
  "no (?:points?|scores?|quotas?|ranking)(?: based)? (?:system|scheme|policy|mechanism|limit)",
);
const POST_NEGATION = alt(
  "(?:is|are) not (?:a |the )?(?:condition|requirement|required|needed|necessary)",
  "not required",
  "(?:is|are) optional",
  "not a condition",
  "has no bearing",
  "does not matter",
  "doesn t matter",
  "irrelevant",
  "is fine",
  "(?:is|are) (?:also )?accepted",
  "also counts?",
  "equally",
);
const NAME = alt(
  "group",
  "company",
  "co",
  "corp",
  "corporation",
  "ltd",
  "limited",
  "inc",
  "bank",
  "bureau",
  "office",
  "street",
  "st",
  "road",
  "rd",
  "avenue",
  "ave",
  "building",
  "plaza",
  "tower",
  "fund",
  "holdings?",
  "consulting",
  "partners",
  "cent(?:er|re)",
  "agency",
  "department",
  "dept",
  "administration",
  "authority",
  "services?",
  "management",
  "development",
  "trust",
  "securities",
  "firm",
  "advis(?:o|e)rs?",
  "advisory",
  "lane",
  "district",
  "park",
  "gardens?",
  "estates?",
  "community",
  "compound",
  "association",
  "club",
  "school",
  "university",
);

let compiled: Array<{
  criterion: CriterionCode;
  kind: Kind;
  re: RegExp;
}> | null = null;
const re = (s: string, flags = "") => new RegExp(s, flags);
const PRE_RE = re(`(?:^| )${PRE}(?: [a-z0-9]+){0,4} $`);
const DEF_RE = re(`(?:^| )${DEFICIENT}(?: (?:a|an|any|own|his|her|their|one|s|owned))* $`);
const POST_RE = re(`^(?: [a-z0-9]+){0,3}? ${POST}(?= |$)`);
const REFUSE_RE = re(`^(?: [a-z0-9]+){0,3}? ${REFUSE}(?= |$)`);
const GIVE_PRE_RE = re(`(?:^| )${GIVE_UP}(?: [a-z0-9]+){0,3} $`);
const GIVE_POST_RE = re(`^(?: [a-z0-9]+){0,3}? (?:(?:be |been )?${GIVE_UP})(?= |$)`);
const PERIOD_RE = re(`^(?: [a-z0-9]+){0,8}? ${PERIOD_EN}(?= |$)`);
const NEG_RE = re(`(?:^| )${NEGATION}(?= |$)`);
const POST_NEG_RE = re(`(?:^| )${POST_NEGATION}(?= |$)`);
const NAME_RE = re(`^ ${NAME}(?= |$)`);
const CONSTRUCTION_WORD = re(
  `(?:^| )${alt("must", "shall", "required?", "requires", "need(?:s|ed)?", "has to", "have to", "not", "no", "less than", "fewer than", "under", "at least", "minimum", "insufficient", "only", "below", "never", "without")}(?= |$)`,
);

function patterns() {
  if (!compiled)
    compiled = OBJECTS.map(([criterion, kind, src]) => ({
      criterion,
      kind,
      re: re(`(?<= )${src}(?= )`, "g"),
    }));
  return compiled;
}

export function findEnglishCriteria(n: NormalisedText, consumed: Uint8Array): Finding[] {
  if (!/[a-z]/.test(n.text)) return [];
  // Words of Latin letters and digits not read as pinyin, one space between, " . " and " , " at boundaries.
  let ws = " ";
  const from: number[] = [-1];
  const to: number[] = [-1];
  let inWord = false;
  for (let i = 0; i < n.text.length; i++) {
    const c = n.text[i];
    const latin = !consumed[i] && ((c >= "a" && c <= "z") || (c >= "0" && c <= "9"));
    if (!latin) {
      if (inWord) {
        ws += " ";
        from.push(-1);
        to.push(-1);
      }
      inWord = false;
      continue;
    }
    if (inWord && n.breakBefore[i] > 0) {
      ws += " ";
      from.push(-1);
      to.push(-1);
      if (n.breakBefore[i] >= 2) {
        ws += n.breakBefore[i] >= 3 ? ". " : ", ";
        from.push(-1, -1);
        to.push(-1, -1);
      }
    }
    ws += c;
    from.push(n.start[i]);
    to.push(n.end[i]);
    inWord = true;
  }
  ws += " ";
  from.push(-1);
  to.push(-1);
  if (!/[a-z]{2}/.test(ws)) return [];

  const found: Finding[] = [];
  const clauseStart = (i: number) => Math.max(ws.lastIndexOf(" . ", i), ws.lastIndexOf(" , ", i)) + 1;
  const clauseEnd = (i: number) => {
    const a = ws.indexOf(" . ", i);
    const b = ws.indexOf(" , ", i);
    return Math.min(a < 0 ? ws.length : a + 1, b < 0 ? ws.length : b + 1);
  };
  const sentenceStart = (i: number) => ws.lastIndexOf(" . ", i) + 1;
  const sentenceEnd = (i: number) => {
    const a = ws.indexOf(" . ", i);
    return a < 0 ? ws.length : a + 1;
  };

  for (const { criterion, kind, re: objRe } of patterns()) {
    objRe.lastIndex = 0;
    for (let m = objRe.exec(ws); m; m = objRe.exec(ws)) {
      const os = m.index;
      const oe = os + m[0].length;
      const cs = clauseStart(os);
      const before = ws.slice(cs, os);
      const after = ws.slice(oe, clauseEnd(oe));
      let span: [number, number] | null = null;
      const preM = (r: RegExp) => {
        const x = r.exec(before);
        return x ? cs + x.index + (x[0].startsWith(" ") ? 1 : 0) : -1;
      };
      const postM = (r: RegExp) => {
        const x = r.exec(after);
        return x ? oe + x.index + x[0].length : -1;
      };
      if (kind === "strong") {
        const p = preM(PRE_RE);
        const q = postM(POST_RE);
        if (p >= 0) span = [p, oe];
        else if (q >= 0) span = [os, q];
      } else if (kind === "weak") {
        const p = preM(DEF_RE);
        if (p >= 0) span = [p, oe];
      } else if (kind === "area") {
        const q = postM(POST_RE);
        if (q >= 0) span = [os, q];
      } else if (kind === "rent") {
        const q = postM(REFUSE_RE);
        if (q >= 0) span = [os, q];
      } else if (kind === "quota") {
        const p = preM(DEF_RE);
        const q = postM(POST_RE);
        if (p >= 0) span = [p, oe];
        else if (q >= 0) span = [os, q];
      } else if (kind === "timed") {
        const q = postM(PERIOD_RE);
        const clause = ws.slice(clauseStart(os), q >= 0 ? q : oe);
        const p = preM(PRE_RE);
        if (q >= 0 && CONSTRUCTION_WORD.test(clause)) span = [p >= 0 ? p : os, q];
      } else if (kind === "land") {
        const g1 = preM(GIVE_PRE_RE);
        const g2 = postM(GIVE_POST_RE);
        if (g1 >= 0 || g2 >= 0) {
          const unitFrom = g1 >= 0 ? g1 : os;
          const unitTo = g2 >= 0 ? g2 : oe;
          const lead = ws.slice(clauseStart(unitFrom), unitFrom);
          const p = PRE_RE.exec(lead);
          span = [p ? clauseStart(unitFrom) + p.index + (p[0].startsWith(" ") ? 1 : 0) : unitFrom, unitTo];
        }
      }
      if (!span) continue;
      // Undone: a negation or report before in the sentence, a "not a condition" after it, a name right after.
      const sentBefore = ws.slice(sentenceStart(os), os);
      const sentAfter = ws.slice(oe, sentenceEnd(oe));
      const around = sentBefore + m[0] + (/^ [a-z0-9]+/.exec(sentAfter)?.[0] ?? "") + " ";
      if (NEG_RE.test(around) || POST_NEG_RE.test(sentAfter) || NAME_RE.test(after)) continue;
      // "No home purchase is required", "no tax records needed": the sentence waives it.
      if (/(?:^| )no $/.test(sentBefore.slice(-4)) && /^(?: [a-z]+){0,2} (?:is |are )?(?:required|needed|necessary)(?: |$)/.test(sentAfter)) continue;
      if (
        criterion === "home_purchase" &&
        kind !== "rent" &&
        /(?:^| )(?:or|and|including|incl) (?:a )?(?:rent|rental|rented|lease|leased|tenancy)/.test(ws.slice(sentenceStart(os), sentenceEnd(oe)))
      )
        continue;
      const a = firstMapped(from, span[0], span[1]);
      const b = lastMapped(to, span[0], span[1]);
      if (a >= 0 && b > a) found.push({ criterion, start: a, end: b });
    }
  }
  return found;
}

function firstMapped(from: number[], a: number, b: number): number {
  for (let i = a; i < b; i++) if (from[i] >= 0) return from[i];
  return -1;
}
function lastMapped(to: number[], a: number, b: number): number {
  for (let i = b - 1; i >= a; i--) if (to[i] >= 0) return to[i];
  return -1;
}
