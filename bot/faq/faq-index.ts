import Fuse from "fuse.js";
import type { Analyzer } from "./analyzer";
import { boundedDistance } from "./edit-distance";
import type { FaqEntry } from "./schema";

/** One ranked topic with its confidence (0..1). */
export interface FaqHit {
  topic: string;
  score: number;
}

/** What a search found: ranked topics and the query's terms (for logging and tests). */
export interface FaqRanking {
  hits: FaqHit[];
  terms: string[];
  /** Share of the query's weight that the content vocabulary knows (0..1). */
  known: number;
  /** True when the query holds a word from the off-topic list. */
  offTopic: boolean;
}

/** Tuning of the scorer; the defaults are what the paraphrase tests were measured with. */
export interface FaqIndexOptions {
  /** Weight of keyword/title terms against question-only terms. */
  questionOnlyWeight: number;
  /** Mix of coverage, best question variant and fuse.js similarity. */
  mix: { coverage: number; variant: number; fuse: number };
  /** Use fuse.js at all (for measuring what it adds). */
  useFuse: boolean;
  /** Credit for a term found only in the answer texts. */
  answerWeight: number;
  /** Credit for a term that only matched after typo correction. */
  correctedWeight: number;
  /** How much an off-topic word (content/lexicon/off-topic.yaml) weighs against a match. */
  offTopicFactor: number;
  /** Words that point away from safe migration (analysed terms). */
  offTopic?: ReadonlySet<string>;
}

export const DEFAULT_INDEX_OPTIONS: FaqIndexOptions = {
  questionOnlyWeight: 0.75,
  mix: { coverage: 0.6, variant: 0.25, fuse: 0.15 },
  useFuse: true,
  answerWeight: 0.3,
  correctedWeight: 0.6,
  offTopicFactor: 2,
};

interface TopicDoc {
  topic: string;
  strong: Set<string>;
  all: Set<string>;
  weak: Set<string>;
  variants: Set<string>[];
}

interface FuseRecord {
  topic: string;
  title: string;
  keywords: string[];
  questions: string[];
}

function addPosting(map: Map<string, number[]>, term: string, doc: number): void {
  const list = map.get(term);
  if (list) list.push(doc);
  else map.set(term, [doc]);
}

/** The FAQ search: built once from the content, then queried many times. */
export interface FaqIndex {
  rank(text: string, limit?: number): FaqRanking;
  size: number;
}

/**
 * Builds the index: an inverted index of analysed terms per topic (both languages, so a
 * question in either finds the topic), question variants for phrase closeness, and a
 * fuse.js index (token search, ignoreLocation) over titles, keywords and questions.
 */
export function createFaqIndex(
  entries: readonly FaqEntry[],
  analyzer: Analyzer,
  options: FaqIndexOptions = DEFAULT_INDEX_OPTIONS,
): FaqIndex {
  const docs: TopicDoc[] = [];
  const records: FuseRecord[] = [];
  const postings = new Map<string, number[]>();
  for (const e of entries) {
    const strong = new Set<string>();
    const all = new Set<string>();
    const variants: Set<string>[] = [];
    const weak = new Set<string>();
    for (const lang of ["id", "en"] as const) {
      const t = e[lang];
      for (const x of analyzer.terms(`${t.answer}\n${t.more}`)) weak.add(x);
      const kwTerms = [t.title, ...t.keywords].map((k) => analyzer.terms(k));
      for (const ts of kwTerms) for (const x of ts) strong.add(x);
      const qTerms = t.questions.map((q) => analyzer.terms(q));
      for (const ts of qTerms) {
        variants.push(new Set(ts));
        for (const x of ts) all.add(x);
      }
      records.push({
        topic: e.topic,
        title: kwTerms[0]!.join(" "),
        keywords: kwTerms.slice(1).map((ts) => ts.join(" ")),
        questions: qTerms.map((ts) => ts.join(" ")),
      });
    }
    for (const x of strong) all.add(x);
    const i = docs.length;
    for (const x of all) weak.delete(x);
    docs.push({ topic: e.topic, strong, all, weak, variants });
    for (const x of all) {
      addPosting(postings, x, i);
    }
  }
  const n = docs.length;
  const weakPostings = new Map<string, number[]>();
  docs.forEach((d, i) => {
    for (const x of d.weak) {
      addPosting(weakPostings, x, i);
    }
  });
  const offTopic = options.offTopic ?? new Set<string>();
  const unknownIdf = Math.log(1 + n / 0.5);
  const idf = (term: string) => {
    if (offTopic.has(term)) return unknownIdf * options.offTopicFactor;
    const df = postings.get(term)?.length ?? 0;
    return Math.log(1 + n / (df === 0 ? 0.5 : df));
  };
  const vocabulary = [...postings.keys()];

  const keys = [
    { name: "title", weight: 2 },
    { name: "keywords", weight: 2 },
    { name: "questions", weight: 1 },
  ];
  const fuse = options.useFuse
    ? new Fuse(
        records,
        { keys, ignoreLocation: true, useTokenSearch: true, includeScore: true, threshold: 0.35 },
        Fuse.createIndex(keys, records),
      )
    : undefined;
  const byTopic = new Map(docs.map((d, i) => [d.topic, i]));

  /** Maps a term the content does not know to a close one (typos), or keeps it. */
  function correct(term: string): string {
    if (postings.has(term) || offTopic.has(term) || term.length < 5 || /\d/.test(term)) return term;
    const max = term.length >= 9 ? 2 : 1;
    let best = term;
    let bestD = max + 1;
    for (const v of vocabulary) {
      if (v[0] !== term[0]) continue;
      const d = boundedDistance(term, v, max);
      if (d < bestD) {
        bestD = d;
        best = v;
        if (d === 1 && max === 1) break;
      }
    }
    return best;
  }

  function rank(text: string, limit = 5): FaqRanking {
    const raw = [...new Set(analyzer.terms(text))];
    const terms: string[] = [];
    const credit: number[] = [];
    for (const t of raw) {
      const c = correct(t);
      if (terms.includes(c)) continue;
      terms.push(c);
      credit.push(c === t ? 1 : options.correctedWeight);
    }
    if (terms.length === 0) return { hits: [], terms, known: 0, offTopic: false };
    const weights = terms.map(idf);
    const total = weights.reduce((a, b) => a + b, 0);
    const knownWeight = terms.reduce((s, t, i) => s + (postings.has(t) ? weights[i]! : 0), 0);

    const candidates = new Set<number>();
    for (const t of terms) for (const i of postings.get(t) ?? []) candidates.add(i);
    for (const t of terms) for (const i of weakPostings.get(t) ?? []) candidates.add(i);
    const fuseScore = new Map<number, number>();
    if (fuse && candidates.size > 0) {
      for (const r of fuse.search(terms.join(" "), { limit: 20 })) {
        const i = byTopic.get(r.item.topic)!;
        const s = 1 - (r.score ?? 1);
        if (s > (fuseScore.get(i) ?? 0)) fuseScore.set(i, s);
        candidates.add(i);
      }
    }
    const hits: FaqHit[] = [];
    const { mix } = options;
    for (const i of candidates) {
      const d = docs[i]!;
      let cov = 0;
      terms.forEach((t, k) => {
        const w = weights[k]! * credit[k]!;
        if (d.strong.has(t)) cov += w;
        else if (d.all.has(t)) cov += w * options.questionOnlyWeight;
        else if (d.weak.has(t)) cov += w * options.answerWeight;
      });
      cov /= total;
      let variant = 0;
      for (const v of d.variants) {
        let inter = 0;
        let union = 0;
        terms.forEach((t, k) => {
          if (v.has(t)) inter += weights[k]! * credit[k]!;
          union += weights[k]!;
        });
        for (const t of v) if (!terms.includes(t)) union += idf(t);
        if (union > 0 && inter / union > variant) variant = inter / union;
      }
      const f = fuseScore.get(i) ?? 0;
      const score = mix.coverage * cov + mix.variant * variant + mix.fuse * f;
      hits.push({ topic: d.topic, score: Math.round(score * 1000) / 1000 });
    }
    hits.sort((a, b) => b.score - a.score || a.topic.localeCompare(b.topic));
    return {
      hits: hits.slice(0, limit),
      terms,
      known: total > 0 ? knownWeight / total : 0,
      offTopic: terms.some((t) => offTopic.has(t)),
    };
  }

  return { rank, size: n };
}
