import type { Element, Pattern } from "./pattern";
import type { Word } from "./words";

/** Where a pattern matched: word indices [from, to). */
export interface Match {
  owner: string;
  pattern: Pattern;
  from: number;
  to: number;
}

/** Pay thresholds (in rupiah) for `<pay-high>` and `<pay-very-high>`. */
export interface MatchLimits {
  payHighIdr: number;
  payVeryHighIdr: number;
}

/** Most words a `..` gap skips. */
const GAP = 3;
/** Accepted matches kept per owner (the first is the evidence). */
const MAX_PER_OWNER = 3;
const MINOR_AGE = /^(1[0-7])(?:[-–]\d{1,2})?$/;

function stepMatches(e: Element, w: Word, i: number, limits: MatchLimits): number {
  switch (e.k) {
    case "words":
      return e.set.has(w.w) ? i + 1 : -1;
    case "prefix":
      return e.list.some((p) => w.w.startsWith(p)) ? i + 1 : -1;
    case "any":
      return i + 1;
    case "minor":
      return !w.amount && MINOR_AGE.test(w.w) ? i + 1 : -1;
    case "amount": {
      const a = w.amount;
      if (!a || a.value <= 0) return -1;
      if (e.role && a.role !== e.role) return -1;
      if (e.min === "high" && (a.idr ?? 0) < limits.payHighIdr) return -1;
      if (e.min === "very-high" && (a.idr ?? 0) < limits.payVeryHighIdr) return -1;
      return a.to;
    }
    default:
      return -1;
  }
}

function matchFrom(
  els: Element[],
  ei: number,
  words: Word[],
  pos: number,
  sentence: number,
  limits: MatchLimits,
): number {
  if (ei === els.length) return pos;
  const e = els[ei]!;
  if (e.k === "gap") {
    for (let g = 0; g <= GAP; g++) {
      const end = matchFrom(els, ei + 1, words, pos + g, sentence, limits);
      if (end >= 0) return end;
      const skipped = words[pos + g];
      if (!skipped || skipped.sentence !== sentence) break;
    }
    return -1;
  }
  const w = words[pos];
  if (!w || w.sentence !== sentence) return -1;
  const next = stepMatches(e, w, pos, limits);
  return next < 0 ? -1 : matchFrom(els, ei + 1, words, next, sentence, limits);
}

/**
 * Patterns indexed by their first word, so an offer is read once, word by word. Linear
 * in the text: each start tries only the patterns whose first step fits, gaps are bounded,
 * and a pattern never crosses a sentence.
 */
export function createPatternSet(entries: { owner: string; pattern: Pattern }[], limits: MatchLimits) {
  const byWord = new Map<string, { owner: string; pattern: Pattern }[]>();
  const other: { owner: string; pattern: Pattern }[] = [];
  for (const entry of entries) {
    const first = entry.pattern.elements[0]!;
    if (first.k === "words") {
      for (const w of first.set) {
        const list = byWord.get(w) ?? [];
        list.push(entry);
        byWord.set(w, list);
      }
    } else other.push(entry);
  }
  return {
    /**
     * The matches `accept` keeps (e.g. not negated), in order of position, a few per owner.
     */
    find(words: Word[], accept: (m: Match) => boolean = () => true): Match[] {
      const out: Match[] = [];
      const count = new Map<string, number>();
      for (let i = 0; i < words.length; i++) {
        const w = words[i]!;
        const candidates = byWord.get(w.w);
        for (const list of candidates ? [candidates, other] : [other]) {
          for (const { owner, pattern } of list) {
            if ((count.get(owner) ?? 0) >= MAX_PER_OWNER) continue;
            const end = matchFrom(pattern.elements, 0, words, i, w.sentence, limits);
            if (end <= i) continue;
            const m = { owner, pattern, from: i, to: end };
            if (!accept(m)) continue;
            out.push(m);
            count.set(owner, (count.get(owner) ?? 0) + 1);
          }
        }
      }
      return out;
    },
  };
}
