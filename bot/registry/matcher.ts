import { editDistance, typoBudget } from "./edit-distance";
import { licenseKeys } from "./normalize-license";
import { normalizeName } from "./normalize-name";
import type { RegistryRecord } from "./types";

/** A registry record that is close to what was asked, with how close (0..1). */
export interface NearMatch {
  record: RegistryRecord;
  score: number;
}

/** Looks names and licence numbers up in one registry; built once per registry load. */
export interface Matcher {
  size: number;
  /** Records whose normalised name is exactly these words (spacing aside). */
  exactName(words: readonly string[]): RegistryRecord[];
  /** The record holding this licence number, in any spelling. */
  byLicense(text: string): RegistryRecord | undefined;
  /** Close but not exact names (typo, missing or extra word), best first. */
  near(words: readonly string[], limit: number): NearMatch[];
}

interface Entry {
  record: RegistryRecord;
  words: string[];
  compact: string;
}

/** Near matches must score at least this (F1 of matched words, or whole-name spelling). */
export const NEAR_THRESHOLD = 0.7;

function deletions(word: string): string[] {
  const out = [word];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Builds the lookup structures: exact keys, licence keys, word postings, and a
 * deletion index over the vocabulary so typos are found without scanning every name.
 */
export function createMatcher(records: readonly RegistryRecord[]): Matcher {
  const entries: Entry[] = [];
  const byKey = new Map<string, number[]>();
  const byCompact = new Map<string, number[]>();
  const licenses = new Map<string, number>();
  const postings = new Map<string, number[]>();
  const delIndex = new Map<string, string[]>();
  for (const record of records) {
    const words = normalizeName(record.name);
    if (words.length === 0) continue;
    const idx = entries.length;
    const compact = words.join("");
    entries.push({ record, words, compact });
    push(byKey, words.join(" "), idx);
    push(byCompact, compact, idx);
    for (const k of licenseKeys(record.license)) if (!licenses.has(k)) licenses.set(k, idx);
    for (const w of new Set(words)) {
      if (!postings.has(w) && w.length > 3) for (const d of new Set(deletions(w))) push(delIndex, d, w);
      push(postings, w, idx);
    }
  }
  const n = entries.length;
  const maxIdf = Math.log(1 + n);
  const weight = (w: string): number => {
    const df = postings.get(w)?.length ?? 0;
    if (df === 0) return 1;
    return 0.5 + (0.5 * Math.log(1 + n / df)) / maxIdf;
  };

  /** Registry words a query word may stand for, with their similarity. */
  function similarWords(q: string): Map<string, number> {
    const out = new Map<string, number>();
    if (postings.has(q)) out.set(q, 1);
    const budget = typoBudget(q.length);
    if (budget === 0) return out;
    const seen = new Set<string>();
    for (const d of new Set(deletions(q))) {
      for (const w of delIndex.get(d) ?? []) {
        if (seen.has(w) || w === q) continue;
        seen.add(w);
        const dist = editDistance(q, w, Math.min(budget, typoBudget(w.length)));
        if (dist <= Math.min(budget, typoBudget(w.length))) {
          out.set(w, 1 - dist / Math.max(q.length, w.length));
        }
      }
    }
    return out;
  }

  function score(q: readonly string[], sims: Map<string, number>[], e: Entry, qCompact: string): number {
    const used = new Set<number>();
    let matchedR = 0;
    let matchedQ = 0;
    for (const r of e.words) {
      let best = -1;
      let bestSim = 0;
      for (let i = 0; i < q.length; i++) {
        if (used.has(i)) continue;
        const s = sims[i]!.get(r) ?? 0;
        if (s > bestSim) {
          bestSim = s;
          best = i;
        }
      }
      if (best >= 0) {
        used.add(best);
        matchedR += bestSim * weight(r);
        matchedQ += bestSim * weight(r);
      }
    }
    const totalR = e.words.reduce((a, w) => a + weight(w), 0);
    const totalQ = q.reduce((a, _w, i) => {
      const known = [...sims[i]!.keys()][0];
      return a + (known ? weight(known) : 1);
    }, 0);
    const recall = matchedR / totalR;
    const precision = matchedQ / totalQ;
    const f1 = recall + precision > 0 ? (2 * recall * precision) / (recall + precision) : 0;
    const oneMissing = used.size === q.length && precision > 0.85 && e.words.length - used.size <= 1;
    const prefix = q.length >= 2 && q.every((w, i) => e.words[i] === w);
    const allAsked = oneMissing || prefix ? NEAR_THRESHOLD : 0;
    const longer = Math.max(qCompact.length, e.compact.length);
    const budget = Math.min(2, Math.max(1, Math.floor(longer / 8)));
    const dist = editDistance(qCompact, e.compact, budget);
    const spelling = dist <= budget ? 1 - dist / longer : 0;
    return Math.max(f1, spelling, allAsked);
  }

  return {
    size: n,
    exactName(words) {
      const hits = byKey.get(words.join(" ")) ?? byCompact.get(words.join("")) ?? [];
      return hits.map((i) => entries[i]!.record);
    },
    byLicense(text) {
      for (const k of licenseKeys(text)) {
        const i = licenses.get(k);
        if (i !== undefined) return entries[i]!.record;
      }
      return undefined;
    },
    near(words, limit) {
      if (words.length === 0) return [];
      const sims = words.map(similarWords);
      const qCompact = words.join("");
      const pool = new Set<number>();
      for (const s of sims) for (const w of s.keys()) for (const i of postings.get(w) ?? []) pool.add(i);
      const found: NearMatch[] = [];
      for (const i of pool) {
        const e = entries[i]!;
        const s = score(words, sims, e, qCompact);
        if (s >= NEAR_THRESHOLD) found.push({ record: e.record, score: s });
      }
      found.sort(
        (a, b) =>
          b.score - a.score ||
          a.record.name.length - b.record.name.length ||
          a.record.name.localeCompare(b.record.name),
      );
      return found.slice(0, limit);
    },
  };
}
