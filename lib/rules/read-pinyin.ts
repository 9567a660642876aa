import { pinyin } from "pinyin-pro";
import type { NormalisedText } from "./normalise-text";
import { PINYIN_SYLLABLES } from "./pinyin-syllables";

/**
 * Pinyin written for Chinese words ("wei gou fang", "wèigòufáng", "gou4 fang2") read back as
 * the words of the guard's lexicon. The pinyin of every lexicon word is computed once with
 * pinyin-pro; a run of Latin words that splits completely into syllables and contains at least
 * one object word of two or more syllables is replaced by those characters (other syllables by
 * a placeholder), each mapped to the offsets of its syllable in the original text.
 */

const SYLLABLES = new Set(PINYIN_SYLLABLES);
const MAX_SYLLABLE = 6;
const PLACEHOLDER = "\uE000";

export type PinyinLexicon = {
  words: Map<string, string>;
  objects: Set<string>;
  longest: number;
};

export function buildPinyinLexicon(words: Iterable<string>, objectWords: ReadonlySet<string>): PinyinLexicon {
  const map = new Map<string, string>();
  const objects = new Set<string>();
  let longest = 1;
  const numerals = ["一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "半", "年", "个", "月", "个月"];
  for (const w of [...words, ...numerals]) {
    if (!/^\p{Script=Han}+$/u.test(w)) continue;
    const syl = pinyin(w, { toneType: "none", type: "array", v: true });
    if (syl.length !== w.length || !syl.every((s) => SYLLABLES.has(s))) continue;
    const key = syl.join(" ");
    if (!map.has(key)) map.set(key, w);
    if (objectWords.has(w) && syl.length >= 2) objects.add(key);
    longest = Math.max(longest, syl.length);
  }
  return { words: map, objects, longest };
}

/** Splits letters into pinyin syllables (longest first, with backtracking); null when they are not pinyin. */
function syllabify(letters: string): Array<[number, number]> | null {
  const n = letters.length;
  const best: Array<Array<[number, number]> | null> = new Array(n + 1).fill(null);
  best[n] = [];
  for (let i = n - 1; i >= 0; i--) {
    for (let len = Math.min(MAX_SYLLABLE, n - i); len >= 1; len--) {
      const rest = best[i + len];
      if (rest && SYLLABLES.has(letters.slice(i, i + len))) {
        best[i] = [[i, i + len], ...rest];
        break;
      }
    }
  }
  return best[0];
}

type Syllable = { text: string; from: number; to: number };

/** The normalised text with pinyin runs replaced by lexicon words; `consumed[i]` marks units read as pinyin. */
export function readPinyin(n: NormalisedText, lex: PinyinLexicon): { text: NormalisedText; consumed: Uint8Array } {
  const consumed = new Uint8Array(n.text.length);
  if (!/[a-z]/.test(n.text)) return { text: n, consumed };
  const isLetter = (c: string) => c >= "a" && c <= "z";

  // Latin words (letters, tone digits 1–5 right after a letter ignored) as syllable lists.
  type Word = {
    from: number;
    to: number;
    syllables: Syllable[] | null;
    letters: number;
  };
  /** A word from its letters and their positions in the text, split into syllables where it reads as pinyin. */
  const wordOf = (from: number, to: number, letters: string, at: number[]): Word => {
    const parts = syllabify(letters);
    return {
      from,
      to,
      letters: letters.length,
      syllables: parts ? parts.map(([a, b]) => ({ text: letters.slice(a, b), from: at[a], to: at[b - 1] + 1 })) : null,
    };
  };
  const words: Word[] = [];
  const t = n.text;
  for (let i = 0; i < t.length;) {
    if (!isLetter(t[i])) {
      i++;
      continue;
    }
    const from = i;
    let letters = "";
    const at: number[] = [];
    while (i < t.length && (i === from || n.breakBefore[i] === 0) && (isLetter(t[i]) || (/[0-5]/.test(t[i]) && isLetter(t[i - 1])))) {
      if (isLetter(t[i])) {
        letters += t[i];
        at.push(i);
      }
      i++;
    }
    words.push(wordOf(from, i, letters, at));
  }
  // Single letters spaced apart ("g o u f a n g") join into one word.
  const merged: Word[] = [];
  for (let k = 0; k < words.length;) {
    let j = k;
    while (j < words.length && words[j].letters === 1 && (j === k || words[j].from === words[j - 1].to)) j++;
    if (j - k >= 3) {
      const from = words[k].from;
      const to = words[j - 1].to;
      let letters = "";
      const at: number[] = [];
      for (let x = from; x < to; x++) {
        if (!isLetter(t[x])) continue;
        letters += t[x];
        at.push(x);
      }
      merged.push(wordOf(from, to, letters, at));
      k = j;
    } else {
      merged.push(words[k]);
      k++;
    }
  }

  // Runs of consecutive pinyin words, matched greedily against the lexicon.
  const replacements: Array<{ from: number; to: number; text: string }> = [];
  for (let k = 0; k < merged.length;) {
    if (!merged[k].syllables) {
      k++;
      continue;
    }
    let j = k;
    const syl: Syllable[] = [];
    while (j < merged.length && merged[j].syllables && (j === k || /^[^\p{Script=Han}]*$/u.test(t.slice(merged[j - 1].to, merged[j].from)))) {
      syl.push(...merged[j].syllables!);
      j++;
    }
    const out: Array<{ from: number; to: number; text: string }> = [];
    let hasObject = false;
    for (let s = 0; s < syl.length;) {
      let matched = 0;
      for (let len = Math.min(lex.longest, syl.length - s); len >= 1; len--) {
        const key = syl
          .slice(s, s + len)
          .map((x) => x.text)
          .join(" ");
        const word = lex.words.get(key);
        if (word) {
          if (lex.objects.has(key)) hasObject = true;
          for (let q = 0; q < len; q++)
            out.push({
              from: syl[s + q].from,
              to: syl[s + q].to,
              text: word[q],
            });
          matched = len;
          break;
        }
      }
      if (matched === 0) {
        out.push({ from: syl[s].from, to: syl[s].to, text: PLACEHOLDER });
        matched = 1;
      }
      s += matched;
    }
    // A person's name written in pinyin (姓名: Wei Goufang) is not a sentence.
    const isName = /(?:name|mr|ms|mrs|姓名|名字|叫|名为)/u.test(t.slice(Math.max(0, merged[k].from - 6), merged[k].from + 5));
    if (hasObject && syl.length >= 2 && !isName) replacements.push(...out);
    k = Math.max(j, k + 1);
  }
  if (replacements.length === 0) return { text: n, consumed };

  // Rebuild the text: each replaced syllable becomes one character spanning its letters.
  let text = "";
  const start: number[] = [];
  const end: number[] = [];
  const brk: number[] = [];
  let r = 0;
  for (let i = 0; i < t.length;) {
    const rep = replacements[r];
    if (rep && rep.from === i) {
      text += rep.text;
      start.push(n.start[rep.from]);
      end.push(n.end[rep.to - 1]);
      brk.push(n.breakBefore[rep.from] >= 2 ? n.breakBefore[rep.from] : 0);
      for (let x = rep.from; x < rep.to; x++) consumed[x] = 1;
      i = rep.to;
      r++;
      continue;
    }
    if (rep && i > rep.from) {
      r++;
      continue;
    }
    // Tone digits and letters between replaced syllables of one word are dropped.
    if (
      r > 0 &&
      r < replacements.length &&
      i > replacements[r - 1].from &&
      i < replacements[r].from &&
      consumedRun(replacements[r - 1], replacements[r], t, i)
    ) {
      consumed[i] = 1;
      i++;
      continue;
    }
    text += t[i];
    start.push(n.start[i]);
    end.push(n.end[i]);
    brk.push(n.breakBefore[i]);
    i++;
  }
  return {
    text: { text, start, end, breakBefore: Uint8Array.from(brk) },
    consumed,
  };
}

/** A tone digit between two replaced syllables (gou4fang2). */
function consumedRun(prev: { to: number }, next: { from: number }, t: string, i: number): boolean {
  return i >= prev.to && i < next.from && /[0-5]/.test(t[i]) && next.from - prev.to <= 1;
}
