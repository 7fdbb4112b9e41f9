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
  payExtremeIdr: number;
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
      if (e.min === "extreme" && (a.idr ?? 0) < limits.payExtremeIdr) return -1;
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
  if (e.k === "end") {
    const ends = pos >= words.length || words[pos]!.clause !== words[pos - 1]!.clause;
    return ends ? matchFrom(els, ei + 1, words, pos, sentence, limits) : -1;
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
  type Entry = { owner: string; pattern: Pattern };
  const byWord = new Map<string, Entry[]>();
  // Patterns that start with a prefix are indexed by its first two letters; those that
  // start with an amount or an age are tried only where one stands.
  const byPrefix = new Map<string, Entry[]>();
  const atAmount: Entry[] = [];
  const atNumber: Entry[] = [];
  const anywhere: Entry[] = [];
  const push = (map: Map<string, Entry[]>, key: string, entry: Entry) => {
    const list = map.get(key) ?? [];
    list.push(entry);
    map.set(key, list);
  };
  for (const entry of entries) {
    const first = entry.pattern.elements[0]!;
    if (first.k === "words") for (const w of first.set) push(byWord, w, entry);
    else if (first.k === "prefix" && first.list.every((p) => p.length >= 2)) {
      for (const p of first.list) push(byPrefix, p.slice(0, 2), entry);
    } else if (first.k === "amount") atAmount.push(entry);
    else if (first.k === "minor") atNumber.push(entry);
    else anywhere.push(entry);
  }
  return {
    /**
     * The matches `accept` keeps (e.g. not negated), in order of position, a few per owner.
     */
    find(words: Word[], accept: (m: Match) => boolean = () => true): Match[] {
      const out: Match[] = [];
      const count = new Map<string, number>();
      const tryList = (list: Entry[], i: number, sentence: number) => {
        for (let e = 0; e < list.length; e++) {
          const { owner, pattern } = list[e]!;
          if ((count.get(owner) ?? 0) >= MAX_PER_OWNER) continue;
          const end = matchFrom(pattern.elements, 0, words, i, sentence, limits);
          if (end <= i) continue;
          const m = { owner, pattern, from: i, to: end };
          if (!accept(m)) continue;
          out.push(m);
          count.set(owner, (count.get(owner) ?? 0) + 1);
        }
      };
      for (let i = 0; i < words.length; i++) {
        const w = words[i]!;
        const exact = byWord.get(w.w);
        if (exact) tryList(exact, i, w.sentence);
        const prefixed = byPrefix.get(w.w.slice(0, 2));
        if (prefixed) tryList(prefixed, i, w.sentence);
        if (w.amount) tryList(atAmount, i, w.sentence);
        const c = w.w.charCodeAt(0);
        if (c >= 48 && c <= 57) tryList(atNumber, i, w.sentence);
        if (anywhere.length) tryList(anywhere, i, w.sentence);
      }
      return out;
    },
  };
}
