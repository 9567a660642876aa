import { GAP_FILLER, PERIOD, PINYIN_FILLERS, lexiconEntries, type CriterionCode, type ObjectKind, type Role } from "./criteria-lexicon";
import { normaliseText, type NormalisedText } from "./normalise-text";
import { buildPinyinLexicon, readPinyin, type PinyinLexicon } from "./read-pinyin";
import { findEnglishCriteria } from "./read-english";

/**
 * The reading of the guard: conditions, not keywords. The text is normalised (normalise-text),
 * pinyin is read back as words (read-pinyin), the words are found with a trie, and every
 * forbidden OBJECT is checked for a CONSTRUCTION bound to it in the same clause, then for what
 * undoes it (a negation, a report, a voluntary choice, a kept right, a name, rented housing
 * accepted). English is read by read-english. Offsets are UTF-16 offsets of the original text.
 */

export type RawFinding = {
  criterion: CriterionCode;
  start: number;
  end: number;
};

type Token = {
  s: number;
  e: number;
  word: string;
  roles: Role[];
  period?: boolean;
};
type TrieNode = { next: Map<string, TrieNode>; roles?: Role[]; word?: string };

type Lexicon = { trie: TrieNode; pinyin: PinyinLexicon };
let lexicon: Lexicon | null = null;

function loadLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const entries = lexiconEntries();
  const trie: TrieNode = { next: new Map() };
  const objectWords = new Set<string>();
  for (const [word, roles] of entries) {
    let node = trie;
    for (const ch of word) {
      let nx = node.next.get(ch);
      if (!nx) node.next.set(ch, (nx = { next: new Map() }));
      node = nx;
    }
    node.roles = roles;
    node.word = word;
    if (roles.some((r) => r.role === "object")) objectWords.add(word);
  }
  // Pinyin: the constructions first, so that "wei" reads as 未 and "wu" as 无.
  const order = [...entries.keys()].sort((a, b) => rank(entries.get(a)!) - rank(entries.get(b)!));
  lexicon = { trie, pinyin: buildPinyinLexicon([...order, ...PINYIN_FILLERS], objectWords) };
  return lexicon;
}

function rank(roles: Role[]): number {
  const r = roles[0].role;
  return r === "deficiency" || r === "demand" || r === "shortfall" || r === "threshold" ? 0 : r === "object" ? 1 : 2;
}

const NUMERAL = /[0-9一二两三四五六七八九十百半几〇零]/u;

function tokenize(text: string, trie: TrieNode): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < text.length;) {
    let node: TrieNode | undefined = trie;
    let best: TrieNode | null = null;
    let bestEnd = i;
    for (let j = i; j < text.length; j++) {
      node = node.next.get(text[j]);
      if (!node) break;
      if (node.roles) {
        best = node;
        bestEnd = j + 1;
      }
    }
    if (NUMERAL.test(text[i])) {
      const m = PERIOD.exec(text.slice(i, i + 12));
      if (m && i + m[0].length > bestEnd) {
        tokens.push({
          s: i,
          e: i + m[0].length,
          word: m[0],
          roles: [],
          period: true,
        });
        i += m[0].length;
        continue;
      }
    }
    if (best) {
      tokens.push({ s: i, e: bestEnd, word: best.word!, roles: best.roles! });
      i = bestEnd;
    } else i++;
  }
  return tokens;
}

const has = (t: Token, role: Role["role"]) => t.roles.some((r) => r.role === role);
/** A name word (村, 所, 局) inside a gap is read as plain text: the filler test judges the gap as a whole. */
const isPlainWord = (t: Token) => t.roles.length > 0 && t.roles.every((r) => r.role === "name");
const objectOf = (t: Token) => t.roles.find((r): r is Extract<Role, { role: "object" }> => r.role === "object");

/** Words around a construction that do not break its bond with the object. */
function isFiller(s: string): boolean {
  return s.length === 0 || GAP_FILLER.test(s);
}

const RENT_ACCEPTED = [
  /(?:或|或者|含|包括|及|以及|和|与)(?:房屋|住房)?(?:租赁|租房|租住|承租)/u,
  /(?:租赁|租房|租住|承租)[^]{0,10}?(?:即可|均可|也可|亦可|同等|视同|同样|可以|等同)/u,
];

type Ctx = {
  n: NormalisedText;
  tokens: Token[];
  clause: Int32Array;
  sentence: Int32Array;
};

/** Index of the clause and of the sentence of each normalised unit. */
function segments(n: NormalisedText): {
  clause: Int32Array;
  sentence: Int32Array;
} {
  const clause = new Int32Array(n.text.length);
  const sentence = new Int32Array(n.text.length);
  let c = 0;
  let s = 0;
  for (let i = 0; i < n.text.length; i++) {
    if (n.breakBefore[i] >= 2) c++;
    if (n.breakBefore[i] >= 3) s++;
    clause[i] = c;
    sentence[i] = s;
  }
  return { clause, sentence };
}

type Bond = { from: number; to: number };

/** Walks back from token k for a demand or deficiency bound to it (max distance in units). */
function boundBefore(ctx: Ctx, k: number, roles: ReadonlyArray<Role["role"]>, maxDistance: number): Bond | null {
  const { tokens, n, clause } = ctx;
  const target = tokens[k];
  let left = target.s;
  for (let j = k - 1; j >= 0; j--) {
    const t = tokens[j];
    if (clause[t.s] !== clause[target.s] || target.s - t.s > maxDistance) return null;
    if (isPlainWord(t)) continue;
    const gap = n.text.slice(t.e, left);
    if (!isFiller(gap)) return null;
    if (roles.some((r) => has(t, r))) {
      // 请提供, 须先提供: the whole run of constructions belongs to the finding.
      let from = t.s;
      for (let q = j - 1; q >= 0 && clause[tokens[q].s] === clause[target.s] && from - tokens[q].e <= 1 && roles.some((r) => has(tokens[q], r)); q--)
        from = tokens[q].s;
      return { from, to: target.e };
    }
    if (objectOf(t) || t.period || has(t, "giveUp") || isFiller(t.word)) {
      left = t.s;
      continue;
    }
    return null;
  }
  return null;
}

/** Walks forward from token k for a construction after it. */
function boundAfter(ctx: Ctx, k: number, roles: ReadonlyArray<Role["role"]>, maxDistance: number, needPeriod = false): Bond | null {
  const { tokens, n, clause } = ctx;
  const target = tokens[k];
  let right = target.e;
  for (let j = k + 1; j < tokens.length; j++) {
    const t = tokens[j];
    if (clause[t.s] !== clause[target.s] || t.e - target.e > maxDistance) return null;
    if (isPlainWord(t)) continue;
    const gap = n.text.slice(right, t.s);
    if (!isFiller(gap)) return null;
    if (roles.some((r) => has(t, r)) && !(has(t, "postNegation") && !roles.includes("postNegation"))) {
      if (!needPeriod) return { from: target.s, to: t.e };
      // A period right after the construction (未满两年) or right before it (两年以上).
      const nx = tokens[j + 1];
      if (nx?.period && clause[nx.s] === clause[t.s] && isFiller(n.text.slice(t.e, nx.s)) && nx.s - t.e <= 3) return { from: target.s, to: nx.e };
      const pv = tokens[j - 1];
      if (pv?.period && pv.s > target.s && t.s - pv.e <= 1) return { from: target.s, to: t.e };
      if (has(t, "shortfall") && /年限|时间|期限|时长/.test(target.word)) return { from: target.s, to: t.e };
      right = t.e;
      continue;
    }
    if (objectOf(t) || t.period || has(t, "giveUp") || isFiller(t.word)) {
      right = t.e;
      continue;
    }
    return null;
  }
  return null;
}

/** The condition-words that only bind right after the object: 购房落户, 积分排序. */
const ADJACENT_ONLY = new Set(["落户", "入户", "迁入", "择优", "排序"]);

function postConstruction(ctx: Ctx, k: number, roles: ReadonlyArray<Role["role"]>, maxDistance: number, needPeriod = false): Bond | null {
  const bond = boundAfter(ctx, k, roles, maxDistance, needPeriod);
  if (!bond) return null;
  const last = ctx.tokens.find((t) => t.e === bond.to);
  if (last && ADJACENT_ONLY.has(last.word) && last.s !== ctx.tokens[k].e) return null;
  return bond;
}

function bind(ctx: Ctx, k: number, kind: ObjectKind): Bond | null {
  const pre = (roles: ReadonlyArray<Role["role"]>, d = 14) => boundBefore(ctx, k, roles, d);
  const post = (roles: ReadonlyArray<Role["role"]>, d = 10, p = false) => postConstruction(ctx, k, roles, d, p);
  switch (kind) {
    case "strong":
    case "period":
      return pre(["demand", "deficiency"]) ?? post(["shortfall", "threshold", "condition", "postDemand"]);
    case "weak": {
      // 无住房 / 没房; 必须有自己的房子, 须拥有住房 (a demand to possess one).
      const d = pre(["deficiency"], 6);
      if (d) return d;
      const m = pre(["demand"], 8);
      return m && /有/u.test(ctx.n.text.slice(m.from, ctx.tokens[k].s)) ? m : null;
    }
    case "area":
      return post(["shortfall", "threshold"], 8);
    case "rent":
      return post(["refusal"], 10) ?? refusalInNextClause(ctx, k);
    case "quota":
      return pre(["deficiency", "demand"], 10) ?? post(["shortfall", "condition", "postDemand"], 8);
    case "timed": {
      // 居住满两年…, 住满五年才行: a period, then a threshold or a condition.
      const after = post(["shortfall", "threshold", "condition"], 12, true);
      if (after) return after;
      // 须在本市居住两年: a demand before, a period right after.
      const before = pre(["demand", "deficiency"]);
      const nx = ctx.tokens[k + 1];
      if (before && nx?.period && ctx.clause[nx.s] === ctx.clause[ctx.tokens[k].s] && isFiller(ctx.n.text.slice(ctx.tokens[k].e, nx.s)))
        return { from: before.from, to: nx.e };
      return null;
    }
    case "land":
      return bindLand(ctx, k);
    case "limit":
      return { from: ctx.tokens[k].s, to: ctx.tokens[k].e };
  }
}

/** 房屋系租赁，不予认可 / 租房的，一律不予办理: a refusal opening the next clause of the sentence. */
function refusalInNextClause(ctx: Ctx, k: number): Bond | null {
  const { tokens, n, clause, sentence } = ctx;
  const obj = tokens[k];
  let end = obj.e;
  while (end < n.text.length && clause[end] === clause[obj.s]) end++;
  if (end >= n.text.length || sentence[end] !== sentence[obj.s] || !isFiller(n.text.slice(obj.e, end))) return null;
  const next = tokens.find((t) => t.s >= end);
  if (!next || !has(next, "refusal") || !/^(?:均|一律|则|都|将|暂|也|亦)?$/u.test(n.text.slice(end, next.s))) return null;
  return { from: obj.s, to: next.e };
}

/** Land rights: giving them up (放弃/退出/流转…) bound to the object, made a condition. */
function bindLand(ctx: Ctx, k: number): Bond | null {
  const { tokens, n, clause } = ctx;
  const obj = tokens[k];
  // 放弃【其在农村的】宅基地 …, 放弃宅基地和承包地
  let left = obj.s;
  for (let j = k - 1; j >= 0 && obj.s - tokens[j].e <= 12; j--) {
    const t = tokens[j];
    if (clause[t.s] !== clause[obj.s]) break;
    if (isPlainWord(t)) continue;
    const gap = n.text.slice(t.e, left);
    if (!isFiller(gap) && !/^[和及与]$/u.test(gap)) break;
    if (has(t, "giveUp")) return landUnit(ctx, j, k);
    if (!(objectOf(t) || isFiller(t.word))) break;
    left = t.s;
  }
  // … 宅基地【尚未】退出
  for (let j = k + 1; j < tokens.length && tokens[j].s - obj.e <= 8; j++) {
    const t = tokens[j];
    if (clause[t.s] !== clause[obj.s]) break;
    if (has(t, "giveUp")) {
      const between = tokens.slice(k + 1, j);
      if (between.some((x) => has(x, "deficiency") || has(x, "demand"))) return { from: obj.s, to: t.e };
      return landUnit(ctx, k, j);
    }
    if (!(objectOf(t) || has(t, "deficiency") || has(t, "demand") || isFiller(t.word))) break;
  }
  return null;
}

/** A give-up unit (tokens a..b) is a finding when demanded, missing, made a condition, or an order on its own. */
function landUnit(ctx: Ctx, a: number, b: number): Bond | null {
  const { tokens, clause, n } = ctx;
  const first = tokens[a];
  const last = tokens[b];
  const pre = boundBefore(ctx, a, ["demand", "deficiency"], 14);
  if (pre) return { from: pre.from, to: last.e };
  const post = boundAfter(ctx, b, ["condition", "shortfall"], 10);
  if (post) return { from: first.s, to: post.to };
  // An order standing alone at the start of its clause: 放弃宅基地 / 交回承包地后办理.
  let c = first.s - 1;
  while (c >= 0 && clause[c] === clause[first.s]) c--;
  const lead = n.text.slice(c + 1, first.s);
  if (isFiller(lead)) return { from: first.s, to: last.e };
  return null;
}

/** What undoes a bound construction. */
function undone(ctx: Ctx, k: number, bond: Bond, criterion: CriterionCode, kind: ObjectKind): boolean {
  const { tokens, n, clause, sentence } = ctx;
  const obj = tokens[k];
  // Before the object in its clause: a negation anywhere (不得将购房作为条件, 无需购房), a report,
  // voluntary choice or kept right unless a demand or deficiency follows it (已告知须购房 stays).
  for (let j = k - 1; j >= 0; j--) {
    const t = tokens[j];
    if (clause[t.s] !== clause[obj.s] || obj.s - t.e > 30) break;
    if (t.e > bond.from && t.s < obj.s && (has(t, "demand") || has(t, "deficiency"))) continue;
    if (has(t, "negation") && !(has(t, "deficiency") && t.s >= bond.from)) return true;
    if (has(t, "report") || has(t, "voluntary") || has(t, "keep")) {
      // 可 / 可以 only make land transfers voluntary (可依法有偿转让), nothing else.
      if ((t.word === "可" || t.word === "可以") && kind !== "land") continue;
      // A demand after the report is still a demand (已告知申请人须提供购房合同); land transfers stay voluntary.
      const demandFollows = bond.from < obj.s && t.s < bond.from;
      if (kind === "land" || !demandFollows) return true;
    }
  }
  // After the object in its sentence: 非落户条件, 不影响落户, 即可, 均可.
  for (let j = k + 1; j < tokens.length; j++) {
    const t = tokens[j];
    if (sentence[t.s] !== sentence[obj.s]) break;
    if (has(t, "postNegation")) return true;
    if (kind === "land" && (has(t, "voluntary") || has(t, "keep")) && clause[t.s] === clause[obj.s]) return true;
  }
  // …，但落户不以纳税为条件 / 不将其作为落户条件: the sentence itself says it is no condition.
  if (NOT_A_CONDITION_AFTER.test(sentenceText(ctx, obj, obj.e))) return true;
  // 申请人没有房产，住在租赁房屋内: a description of someone who rents, not a refusal.
  if (criterion === "home_purchase" && kind !== "rent" && bond.from < obj.s && rentsWithoutRefusal(ctx, k)) return true;
  // 没有名额、指标限制 / 不设名额上限: no limit, not a missing quota.
  if (kind === "quota" && bond.from < obj.s && /^[、和及与]?(?:名额|指标|配额)?(?:限制|控制|上限|限额)/u.test(n.text.slice(obj.e, obj.e + 8))) return true;
  // A name or address right after the object: 纳税人之家小区, 投资集团.
  const nx = tokens[k + 1];
  if (nx && has(nx, "name") && nx.s - obj.e <= 5 && clause[nx.s] === clause[obj.s] && !/[未无不须需应请]/u.test(n.text.slice(obj.e, nx.s))) return true;
  // 无住房，登记在社区集体户: the 二(三) condition itself, not a refusal.
  if (kind === "weak" && /集体户/u.test(sentenceText(ctx, obj))) return true;
  // Rented housing accepted in the same sentence: 房产证或租赁合同均可, 无住房（含租赁）.
  if (criterion === "home_purchase" && kind !== "rent") {
    const s = sentenceText(ctx, obj);
    if (RENT_ACCEPTED.some((re) => re.test(s))) return true;
  }
  return false;
}

const NOT_A_CONDITION_AFTER =
  /不(?:以|将|把)[^]{0,12}?(?:为|作为)(?:落户|申请)?(?:的)?(?:条件|前提|依据|门槛)|不(?:作为|是|属于|构成|列为)(?:落户|申请)?(?:的)?(?:条件|前提|门槛)/u;

/** The sentence of a token says the person rents (租房居住, 租住于…, 以租赁合同申请) and refuses nothing. */
function rentsWithoutRefusal(ctx: Ctx, k: number): boolean {
  const { tokens, sentence } = ctx;
  const obj = tokens[k];
  let rents = false;
  for (const t of tokens) {
    if (sentence[t.s] !== sentence[obj.s]) continue;
    if (has(t, "refusal") || has(t, "shortfall") || has(t, "condition") || (has(t, "demand") && t.s > obj.e)) {
      if (!(has(t, "condition") && ADJACENT_ONLY.has(t.word) && !objectOf(tokens[tokens.indexOf(t) - 1] ?? t))) return false;
    }
    if (t !== obj && t.roles.some((r) => r.role === "object" && r.kind === "rent")) rents = true;
  }
  return rents;
}

function sentenceText(ctx: Ctx, obj: Token, from?: number): string {
  const { n, sentence } = ctx;
  let a = from ?? obj.s;
  let b = obj.e;
  while (from === undefined && a > 0 && sentence[a - 1] === sentence[obj.s]) a--;
  while (b < n.text.length && sentence[b] === sentence[obj.s]) b++;
  return n.text.slice(a, b);
}

export function findRawCriteria(original: string): RawFinding[] {
  if (original.length === 0) return [];
  const lex = loadLexicon();
  const base = normaliseText(original);
  const { text: n, consumed } = readPinyin(base, lex.pinyin);
  const tokens = tokenize(n.text, lex.trie);
  const ctx: Ctx = { n, tokens, ...segments(n) };
  const found: RawFinding[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const obj = objectOf(tokens[k]);
    if (!obj) continue;
    // A word may be an object of several criteria; the first that binds wins.
    for (const role of tokens[k].roles) {
      if (role.role !== "object") continue;
      const bond = bind(ctx, k, role.kind);
      if (!bond || undone(ctx, k, bond, role.criterion, role.kind)) continue;
      found.push({
        criterion: role.criterion,
        start: n.start[bond.from],
        end: n.end[bond.to - 1],
      });
      break;
    }
  }
  found.push(...findEnglishCriteria(base, consumed));
  return dedupe(found);
}

/** One finding per criterion and overlapping span; in text order. */
function dedupe(found: RawFinding[]): RawFinding[] {
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: RawFinding[] = [];
  for (const f of found) {
    if (out.some((o) => o.criterion === f.criterion && f.start < o.end && o.start < f.end)) continue;
    out.push(f);
  }
  return out;
}
