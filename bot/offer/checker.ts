import type { Lexicon } from "../nlp/lexicon";
import { normalizeText } from "../nlp/normalize";
import { createPatternSet, type Match } from "./matcher";
import { compilePattern, type Pattern } from "./pattern";
import type { FlagId, Rule, Vocabulary } from "./schema";
import { readWords, type Word } from "./words";

/** Risk levels of CONTRACTS.md. */
export type Level = "low" | "medium" | "high";

/** One raised flag: the exact span(s) of the offer that raised it. */
export interface FoundFlag {
  id: FlagId;
  /** The words of the original text that triggered it (parts joined by " … "). */
  evidence: string;
  weight: number;
  spans: { start: number; end: number }[];
}

/** What the screening found. */
export interface Screening {
  level: Level;
  score: number;
  flags: FoundFlag[];
}

const GROUP = "group:";
const RULE = "rule:";
/** In a combination, the rule's own patterns. */
const SELF = "self";
/** A combination's evidence is one span when its parts are this close. */
const JOIN_SPAN = 160;

function words(list: string[], lexicon: Lexicon): Set<string> {
  return new Set(list.flatMap((w) => normalizeText(w, lexicon).split(" ").filter(Boolean)));
}

/**
 * Builds the red-flag screener from rules and vocabulary (already validated). Throws an
 * Error naming the rule or group and pattern that does not compile.
 */
export function createChecker(rules: Rule[], vocab: Vocabulary, lexicon: Lexicon) {
  const neg = vocab.negation;
  const before = words(neg.before, lexicon);
  const prohibit = words(neg.prohibit, lexicon);
  const notProhibit = words(neg.notProhibit, lexicon);
  const modals = words(neg.modals, lexicon);
  const clauseStarts = neg.clauseStart.map((p) => normalizeText(p, lexicon).split(" ").filter(Boolean));
  const after = neg.after.map((p) => normalizeText(p, lexicon).split(" ").filter(Boolean));
  const cues = words(vocab.warningCues, lexicon);
  const feeWords = words(vocab.money.feeWords, lexicon);
  const payWords = words(vocab.money.payWords, lexicon);
  const adWords = words(vocab.adWords, lexicon);
  const negateAfterOwners = new Set<string>();
  const negationInsideOwners = new Set<string>();
  const unlessInside = new Map<string, Set<string>>();
  const entries: { owner: string; pattern: Pattern }[] = [];
  const add = (owner: string, list: string[]) => {
    for (const src of list) {
      try {
        for (const pattern of compilePattern(src, lexicon, before)) entries.push({ owner, pattern });
      } catch (err) {
        throw new Error(`${owner.replace(/^\w+:/, "")}: ${(err as Error).message}`);
      }
    }
  };
  for (const [name, g] of Object.entries(vocab.groups)) {
    add(GROUP + name, [...g.id, ...g.en]);
    if (g.negateAfter) negateAfterOwners.add(GROUP + name);
  }
  for (const r of rules) {
    add(RULE + r.id, [...r.patterns.id, ...r.patterns.en]);
    if (r.negateAfter) negateAfterOwners.add(RULE + r.id);
    if (r.negationInside) negationInsideOwners.add(RULE + r.id);
    if (r.unlessInside.length > 0) {
      unlessInside.set(
        RULE + r.id,
        new Set(r.unlessInside.map((w) => lexicon.get(w.toLowerCase()) ?? w.toLowerCase())),
      );
    }
    for (const c of r.combos) {
      for (const g of [...c.all, ...(c.any ?? [])]) {
        if (g !== SELF && !vocab.groups[g])
          throw new Error(`${r.id}: combination names unknown group "${g}"`);
      }
    }
  }
  const set = createPatternSet(entries, vocab.money);

  function annotateAmounts(ws: Word[]): void {
    for (let i = 0; i < ws.length; i++) {
      const a = ws[i]!.amount;
      if (!a || a.from !== i) continue;
      a.idr = a.value * (vocab.money.rates[a.currency] ?? 0);
      for (let k = i - 1; k >= Math.max(0, i - 6) && ws[k]!.sentence === ws[i]!.sentence; k--) {
        const w = ws[k]!.w;
        if (feeWords.has(w)) a.role = "fee";
        else if (payWords.has(w)) a.role = "pay";
        if (a.role) break;
      }
      if (!a.role) {
        for (let k = a.to; k < Math.min(ws.length, a.to + 3); k++) {
          if (payWords.has(ws[k]!.w)) a.role = "pay";
        }
      }
    }
  }

  /** Sentences that warn or inform officially ("waspada penipuan …"): nothing in them is a flag. */
  function warningSentences(ws: Word[]): Set<number> {
    const out = new Set<number>();
    for (let i = 0; i < ws.length; i++) {
      if (!cues.has(ws[i]!.w)) continue;
      const prev = ws[i - 1];
      if (prev && prev.sentence === ws[i]!.sentence && before.has(prev.w)) continue;
      out.add(ws[i]!.sentence);
    }
    return out;
  }

  function negated(m: Match, ws: Word[], warned: Set<number>): boolean {
    const first = ws[m.from]!;
    if (warned.has(first.sentence)) return true;
    for (let k = m.from - 1; k >= Math.max(0, m.from - neg.prohibitWindow); k--) {
      const w = ws[k]!;
      if (w.clause !== first.clause) break;
      if (prohibit.has(w.w) && !notProhibit.has(ws[k + 1]?.w ?? "")) return true;
      if (!m.pattern.selfNegated && m.from - k <= neg.window && before.has(w.w)) return true;
    }
    // The rule's own words that show the sign is absent ("paspor dipegang sendiri").
    const absent = unlessInside.get(m.owner);
    if (absent) {
      const end = Math.min(ws.length, m.to + 1);
      for (let k = m.from; k < end; k++)
        if (ws[k]!.clause === first.clause && absent.has(ws[k]!.w)) return true;
    }
    // A negator or prohibition skipped inside the match ("employer must not hold your passport").
    for (let k = m.from + 1; k < m.to - 1 && !negationInsideOwners.has(m.owner); k++) {
      const w = ws[k]!.w;
      if ((before.has(w) || prohibit.has(w)) && !m.pattern.literals.has(w)) return true;
    }
    if (!m.pattern.selfNegated) {
      let k = m.from;
      while (k > 0 && ws[k - 1]!.clause === first.clause) k--;
      const opens = (p: string[]) => p.every((x, j) => ws[k + j]?.w === x && k + j < m.from);
      if (k < m.from && m.from - k <= neg.prohibitWindow && clauseStarts.some(opens)) return true;
    }
    if (negateAfterOwners.has(m.owner)) {
      const last = ws[m.to - 1]!;
      for (let k = m.to; k < Math.min(ws.length, m.to + neg.afterWindow); k++) {
        const w = ws[k]!;
        if (w.clause !== last.clause) break;
        if (after.some((p) => p.every((x, j) => ws[k + j]?.w === x && ws[k + j]?.clause === last.clause))) {
          return true;
        }
      }
    }
    return false;
  }

  /** A prohibition, or a negated modal ("tidak boleh"), between the parts of a combination. */
  function blockedBetween(parts: Match[], ws: Word[]): boolean {
    const from = Math.min(...parts.map((m) => m.to));
    const to = Math.max(...parts.map((m) => m.from));
    for (let k = from; k < to; k++) {
      const w = ws[k]!.w;
      if (prohibit.has(w) && !notProhibit.has(ws[k + 1]?.w ?? "")) return true;
      if (before.has(w) && modals.has(ws[k + 1]?.w ?? "")) return true;
    }
    return false;
  }

  function span(text: string, ws: Word[], m: Match) {
    const start = ws[m.from]!.start;
    const end = ws[m.to - 1]!.end;
    return { start, end, text: text.slice(start, end) };
  }

  return {
    /** Screens an offer: the flags with their evidence, the score and the level. */
    check(text: string): Screening {
      const ws = readWords(text, lexicon);
      annotateAmounts(ws);
      const warned = warningSentences(ws);
      const matches = set.find(ws, (m) => !negated(m, ws, warned));
      const firstOf = new Map<string, Match>();
      for (const m of matches) if (!firstOf.has(m.owner)) firstOf.set(m.owner, m);
      const flags: FoundFlag[] = [];
      for (const r of rules) {
        const direct = firstOf.get(RULE + r.id);
        let found: { weight: number; parts: Match[] } | undefined = direct
          ? { weight: r.weight, parts: [direct] }
          : undefined;
        for (const c of r.combos) {
          const part = (g: string) => firstOf.get(g === SELF ? RULE + r.id : GROUP + g);
          const all = c.all.map(part);
          if (all.some((m) => !m)) continue;
          const anyHit = c.any?.map(part).find((m) => m);
          if (c.any && !anyHit) continue;
          if (blockedBetween(all as Match[], ws)) continue;
          const weight = c.weight ?? r.weight;
          if (found && weight <= found.weight) continue;
          // A direct match is the clearest evidence; a combination only raises its weight.
          found = { weight, parts: direct ? [direct] : [...(all as Match[]), ...(anyHit ? [anyHit] : [])] };
        }
        if (!found) continue;
        const parts = found.parts
          .map((m) => span(text, ws, m))
          .sort((a, b) => a.start - b.start)
          .filter((p, i, arr) => i === 0 || p.start >= arr[i - 1]!.end);
        const start = parts[0]!.start;
        const end = Math.max(...parts.map((p) => p.end));
        const evidence =
          end - start <= JOIN_SPAN ? text.slice(start, end) : parts.map((p) => p.text).join(" … ");
        flags.push({
          id: r.id,
          evidence,
          weight: found.weight,
          spans: parts.map(({ start, end }) => ({ start, end })),
        });
      }
      flags.sort((a, b) => b.weight - a.weight || a.spans[0]!.start - b.spans[0]!.start);
      const score = flags.reduce((s, f) => s + f.weight, 0);
      const level: Level =
        score >= vocab.levels.high ? "high" : score >= vocab.levels.medium ? "medium" : "low";
      return { level, score, flags };
    },
    /** How many words of a job advert the text holds (for the router's `detect`). */
    adWordCount(text: string): number {
      const seen = new Set<string>();
      for (const w of readWords(text.slice(0, 4000), lexicon)) if (adWords.has(w.w)) seen.add(w.w);
      return seen.size;
    },
  };
}

export type Checker = ReturnType<typeof createChecker>;
