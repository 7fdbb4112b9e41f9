import { editDistance, typoBudget } from "./edit-distance";
import { licenseDigitsKey, licenseKeys } from "./normalize-license";
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
  /** The words as vocabulary ids, for fast hit counting. */
  ids: number[];
  compact: string;
}

/** Near matches must score at least this (F1 of matched words, or whole-name spelling). */
export const NEAR_THRESHOLD = 0.7;

function deletions(word: string): string[] {
  const out = [word];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/**
 * Whether a name that only `hits` of the `m` asked words reach can still be near: the
 * best word-level score it could get, with hit words weighing 1 and the others 0.5.
 */
function mayBeNear(hits: number, m: number, r: number): boolean {
  const recall = hits / (hits + 0.5 * Math.max(0, r - hits));
  const precision = hits / (hits + 0.5 * (m - hits));
  return (2 * recall * precision) / (recall + precision || 1) >= NEAR_THRESHOLD;
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
  /** Number parts only; -1 when two licences share them (then they find nothing). */
  const digitKeys = new Map<string, number>();
  const postings = new Map<string, number[]>();
  const delIndex = new Map<string, string[]>();
  const wordIds = new Map<string, number>();
  const singles = new Map<string, number[]>();
  for (const record of records) {
    const words = normalizeName(record.name);
    if (words.length === 0) continue;
    const idx = entries.length;
    const compact = words.join("");
    const ids = words.map((w) => {
      let id = wordIds.get(w);
      if (id === undefined) {
        id = wordIds.size;
        wordIds.set(w, id);
      }
      return id;
    });
    entries.push({ record, words, ids, compact });
    push(byKey, words.join(" "), idx);
    if (words.length === 1) push(singles, words[0]!, idx);
    push(byCompact, compact, idx);
    for (const k of licenseKeys(record.license)) if (!licenses.has(k)) licenses.set(k, idx);
    const digits = licenseDigitsKey(record.license);
    if (digits) digitKeys.set(digits, digitKeys.has(digits) ? -1 : idx);
    for (const w of new Set(words)) {
      if (!postings.has(w) && w.length > 2) for (const d of new Set(deletions(w))) push(delIndex, d, w);
      push(postings, w, idx);
    }
  }
  const n = entries.length;
  const maxIdf = Math.log(1 + n);
  const weights = new Map<string, number>();
  for (const [w, list] of postings) weights.set(w, 0.5 + (0.5 * Math.log(1 + n / list.length)) / maxIdf);
  /** Rare words weigh 1, a word in every name about 0.5; unknown words weigh 1. */
  const weight = (w: string): number => weights.get(w) ?? 1;
  // Flat, typed copies of the postings and of each name's word ids for the hot loop.
  const postingArrays = new Map<string, Int32Array>();
  for (const [w, list] of postings) postingArrays.set(w, Int32Array.from(list));
  const idsStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) idsStart[i + 1] = idsStart[i]! + entries[i]!.ids.length;
  const idsFlat = new Int32Array(idsStart[n]!);
  entries.forEach((e, i) => {
    idsFlat.set(e.ids, idsStart[i]!);
  });
  const compactLength = Int32Array.from(entries, (e) => e.compact.length);
  const stamp = new Int32Array(n);
  /** Per vocabulary word: a bit per asked word that hits it (set during one query). */
  const hitMask = new Int32Array(wordIds.size);
  let generation = 0;

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

  /** Weight of the asked words: each counts as the registry word it stands for (unknown: 1). */
  function askedWeight(sims: Map<string, number>[]): number {
    let total = 0;
    for (const sim of sims) {
      const first = sim.keys().next();
      total += first.done ? 1 : weight(first.value);
    }
    return total;
  }

  function scoreOf(
    q: readonly string[],
    sims: Map<string, number>[],
    e: Entry,
    qCompact: string,
    totalQ: number,
  ): number {
    let used = 0;
    let usedCount = 0;
    let matched = 0;
    let totalR = 0;
    for (const r of e.words) {
      const wr = weight(r);
      totalR += wr;
      let best = -1;
      let bestSim = 0;
      for (let i = 0; i < q.length && i < 31; i++) {
        if (used & (1 << i)) continue;
        const s = sims[i]!.get(r) ?? 0;
        if (s > bestSim) {
          bestSim = s;
          best = i;
        }
      }
      if (best >= 0) {
        used |= 1 << best;
        usedCount++;
        matched += bestSim * wr;
      }
    }
    const recall = matched / totalR;
    const precision = matched / totalQ;
    const f1 = recall + precision > 0 ? (2 * recall * precision) / (recall + precision) : 0;
    const oneMissing = usedCount === q.length && precision > 0.85 && e.words.length - usedCount <= 1;
    const prefix = q.length >= 2 && q.every((w, i) => e.words[i] === w);
    const allAsked = oneMissing || prefix ? NEAR_THRESHOLD : 0;
    const longer = Math.max(qCompact.length, e.compact.length);
    const budget = Math.min(2, Math.max(1, Math.floor(longer / 8)));
    const close = Math.abs(qCompact.length - e.compact.length) <= budget;
    const dist = close ? editDistance(qCompact, e.compact, budget) : budget + 1;
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
      if (/[a-z]/i.test(text)) return undefined;
      const digits = licenseDigitsKey(text);
      const i = digits ? digitKeys.get(digits) : undefined;
      return i !== undefined && i >= 0 ? entries[i]!.record : undefined;
    },
    near(words, limit) {
      const m = words.length;
      if (m === 0) return [];
      const sims = words.map(similarWords);
      const qCompact = words.join("");
      const totalQ = askedWeight(sims);
      // A near name hits at least `need` asked words, so it is among the names reached
      // by the (m - need + 1) rarest asked words: only those postings are walked.
      // (Names of one word are looked up directly: they are near with fewer hits.)
      let need = 1;
      while (need < m && !mayBeNear(need, m, Math.max(need, 2))) need++;
      const reach = sims
        .map((sim) => ({
          sim,
          size: [...sim.keys()].reduce((a, w) => a + (postings.get(w)?.length ?? 0), 0),
        }))
        .sort((a, b) => a.size - b.size)
        .slice(0, m - need + 1);
      generation++;
      const marked: number[] = [];
      sims.forEach((sim, qi) => {
        if (qi > 30) return;
        for (const w of sim.keys()) {
          const id = wordIds.get(w)!;
          if (hitMask[id] === 0) marked.push(id);
          hitMask[id]! |= 1 << qi;
        }
      });
      const found: NearMatch[] = [];
      // maybe[h * 16 + r]: whether a name of r words hit by h asked words can still be near.
      const maybe = new Uint8Array(16 * 16);
      for (let h = 0; h < 16; h++)
        for (let r = 0; r < 16; r++) maybe[h * 16 + r] = mayBeNear(h, m, r) ? 1 : 0;
      for (const { sim } of reach) {
        for (const w of sim.keys()) {
          const list = postingArrays.get(w);
          if (!list) continue;
          for (let p = 0; p < list.length; p++) {
            const i = list[p]!;
            if (stamp[i] === generation) continue;
            stamp[i] = generation;
            const from = idsStart[i]!;
            const r = idsStart[i + 1]! - from;
            let bits = 0;
            for (let k = from; k < from + r; k++) bits |= hitMask[idsFlat[k]!]!;
            let h = 0;
            for (; bits; bits &= bits - 1) h++;
            const ok = h < 16 && r < 16 ? maybe[h * 16 + r] === 1 : mayBeNear(h, m, r);
            if (h < m) {
              if (!ok && (h !== m - 1 || Math.abs(qCompact.length - compactLength[i]!) > 2)) continue;
            } else if (r - h > 1 && !ok && !(m >= 2 && words.every((w, k) => entries[i]!.words[k] === w))) {
              continue;
            }
            const e = entries[i]!;
            const score = scoreOf(words, sims, e, qCompact, totalQ);
            if (score >= NEAR_THRESHOLD) found.push({ record: e.record, score });
          }
        }
      }
      for (const sim of sims) {
        for (const w of sim.keys()) {
          for (const i of singles.get(w) ?? []) {
            if (stamp[i] === generation) continue;
            stamp[i] = generation;
            const score = scoreOf(words, sims, entries[i]!, qCompact, totalQ);
            if (score >= NEAR_THRESHOLD) found.push({ record: entries[i]!.record, score });
          }
        }
      }
      for (const id of marked) hitMask[id] = 0;
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
