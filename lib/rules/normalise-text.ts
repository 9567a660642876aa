import { Converter } from "opencc-js/t2cn";

/**
 * Normalises free text for the forbidden-criteria guard and keeps, for every character of the
 * result, the UTF-16 offsets of the original characters it came from — so that a finding in
 * the normalised text can be highlighted in the text as typed.
 *
 * Folds: full-width and other compatibility forms (NFKC), traditional to simplified Chinese
 * (OpenCC's table, character by character), upper to lower case, accents and pinyin tone marks,
 * look-alike Cyrillic and Greek letters to Latin ones. Drops: zero-width and bidi characters,
 * combining marks, and every space, punctuation mark and symbol between characters. Real
 * clause and sentence boundaries (a comma or full stop between words, not between single
 * characters) are kept as marks beside the text.
 */

export type NormalisedText = {
  /** Normalised characters (letters, digits, Han), one UTF-16 unit per entry of the arrays below. */
  readonly text: string;
  /** Original UTF-16 start offset of each unit of `text`. */
  readonly start: readonly number[];
  /** Original UTF-16 end offset (exclusive) of each unit of `text`. */
  readonly end: readonly number[];
  /** 0: nothing before unit i; 1: a separator (space, punctuation) was dropped; 2: a clause boundary; 3: a sentence boundary. */
  readonly breakBefore: Uint8Array;
};

/** Cyrillic and Greek letters that look like Latin ones (after lower-casing). */
const LOOKALIKES: Readonly<Record<string, string>> = {
  а: "a",
  в: "b",
  е: "e",
  ё: "e",
  к: "k",
  м: "m",
  н: "h",
  о: "o",
  р: "p",
  с: "c",
  т: "t",
  у: "y",
  х: "x",
  і: "i",
  ї: "i",
  ј: "j",
  ѕ: "s",
  ԁ: "d",
  ԛ: "q",
  ԝ: "w",
  ү: "y",
  һ: "h",
  ӏ: "l",
  ɡ: "g",
  ı: "i",
  ȷ: "j",
  ℓ: "l",
  α: "a",
  β: "b",
  ε: "e",
  η: "n",
  ι: "i",
  κ: "k",
  μ: "u",
  ν: "v",
  ο: "o",
  ρ: "p",
  τ: "t",
  υ: "u",
  χ: "x",
  ω: "w",
  γ: "y",
  ϲ: "c",
  ς: "s",
};

const SENTENCE_MARKS = new Set([..."。！？；!?;\n\r.．｡…"]);
const CLAUSE_MARKS = new Set([..."，,：:﹐﹕､"]);

let t2s: Map<string, string> | null = null;

/** Traditional → simplified for single characters, built once from OpenCC's table (about 30 ms). */
function traditionalMap(): Map<string, string> {
  if (t2s) return t2s;
  const convert = Converter({ from: "t", to: "cn" });
  const chars: string[] = [];
  for (let cp = 0x3400; cp <= 0x9fff; cp++) if (cp < 0x4dc0 || cp >= 0x4e00) chars.push(String.fromCodePoint(cp));
  // One character per line: OpenCC converts phrases, a newline keeps each character on its own.
  const out = convert(chars.join("\n")).split("\n");
  const map = new Map<string, string>();
  if (out.length === chars.length) {
    chars.forEach((ch, i) => {
      if (out[i] !== ch && out[i].length > 0) map.set(ch, out[i]);
    });
  }
  t2s = map;
  return map;
}

const HAN = /\p{Script=Han}/u;
const DROP = /[\p{Cf}\p{Mn}\p{Me}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The normalised form of one original code point: "" when it is dropped. */
function foldChar(ch: string, map: Map<string, string>): string {
  if (HAN.test(ch)) {
    const k = ch.normalize("NFKC");
    return map.get(k) ?? k;
  }
  let s = ch.normalize("NFKC").toLowerCase();
  if (/[^\x00-\x7f]/.test(s)) s = s.normalize("NFKD").replace(/\p{M}/gu, "");
  let out = "";
  for (const c of s) out += LOOKALIKES[c] ?? c;
  return out;
}

const cache = new Map<string, string>();

function fold(ch: string, map: Map<string, string>): string {
  const code = ch.charCodeAt(0);
  if (ch.length === 1 && code < 0x80) return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : ch;
  let v = cache.get(ch);
  if (v === undefined) {
    v = foldChar(ch, map);
    if (cache.size < 50_000) cache.set(ch, v);
  }
  return v;
}

export function normaliseText(original: string): NormalisedText {
  const map = traditionalMap();
  let text = "";
  const start: number[] = [];
  const end: number[] = [];
  const breaks: number[] = [];
  // The pending separator run: 0 none, 1 space-ish, 2 clause mark, 3 sentence mark.
  let pending = 0;
  let pendingSpaceOnly = true;
  // Segment lengths decide whether a mark is a real boundary: "未，购房" is a disguise, "未购房，不予办理" is two clauses.
  const segLen: number[] = [];
  let currentSeg = 0;
  const markAt: Array<{ index: number; kind: number; before: number }> = [];

  for (let i = 0; i < original.length;) {
    const cp = original.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const next = i + ch.length;
    const isLetter = cp < 0x80 ? (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) : LETTER_OR_DIGIT.test(ch);
    if (!isLetter) {
      if (cp >= 0x80 && DROP.test(ch)) {
        i = next;
        continue;
      }
      const kind = SENTENCE_MARKS.has(ch) ? 3 : CLAUSE_MARKS.has(ch) ? 2 : 1;
      if (kind > pending) pending = kind;
      if (!/\s/u.test(ch)) pendingSpaceOnly = false;
      i = next;
      continue;
    }
    const folded = fold(ch, map);
    if (folded.length === 0) {
      i = next;
      continue;
    }
    if (pending > 0 && text.length > 0) {
      if (!pendingSpaceOnly) {
        segLen.push(currentSeg);
        currentSeg = 0;
      }
      if (pending >= 2)
        markAt.push({
          index: text.length,
          kind: pending,
          before: segLen.length,
        });
    }
    const brk = text.length === 0 ? 0 : pending > 0 ? 1 : 0;
    for (let k = 0; k < folded.length; k++) {
      text += folded[k];
      start.push(i);
      end.push(next);
      breaks.push(k === 0 ? brk : 0);
    }
    currentSeg += folded.length;
    pending = 0;
    pendingSpaceOnly = true;
    i = next;
  }
  segLen.push(currentSeg);

  const breakBefore = Uint8Array.from(breaks);
  for (const m of markAt) {
    // Segment m.before - 1 ends at the mark, segment m.before starts after it.
    const left = segLen[m.before - 1] ?? 0;
    const right = segLen[m.before] ?? 0;
    if (left >= 2 && right >= 2) breakBefore[m.index] = m.kind;
  }
  return { text, start, end, breakBefore };
}

/** Lower case, NFKC, no separators: the old helper, kept for callers that compare words. */
export function normalizeCjk(text: string): string {
  return normaliseText(text).text;
}
