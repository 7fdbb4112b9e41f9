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
  /** Credit for a term found only in a topic's questions (keywords and title get 1). */
  questionOnlyWeight: number;
  /** Credit for a term found only in the answer texts. */
  answerWeight: number;
  /** Credit for a term that only matched after typo correction. */
  correctedWeight: number;
  /** Mix of coverage, best question variant and fuse.js similarity. */
  mix: { coverage: number; variant: number; fuse: number };
  /** Use fuse.js at all (for measuring what it adds). */
  useFuse: boolean;
  /** How many of the best coverage candidates are re-ranked with variants and fuse.js. */
  rerank: number;
  /** How many of those also get a fuse.js search (the costliest step). */
  fuseTop: number;
  /** Fields fuse.js searches. */
  fuseFields: ("title" | "keywords" | "questions")[];
  /** How much an off-topic word (content/lexicon/off-topic.yaml) weighs, against an unknown word. */
  offTopicFactor: number;
  /** How much a word the content does not know weighs, against the rarest known word. */
  unknownFactor: number;
  /** Words that point away from safe migration (analysed terms). */
  offTopic?: ReadonlySet<string>;
}

export const DEFAULT_INDEX_OPTIONS: FaqIndexOptions = {
  questionOnlyWeight: 0.75,
  answerWeight: 0.3,
  correctedWeight: 0.6,
  mix: { coverage: 0.6, variant: 0.25, fuse: 0.15 },
  useFuse: true,
  rerank: 8,
  fuseTop: 2,
  fuseFields: ["title", "keywords"],
  offTopicFactor: 2,
  unknownFactor: 1,
};

interface FuseRecord {
  title: string;
  keywords: string[];
  questions: string[];
}

/** One question variant: its terms and their summed weight. */
interface Variant {
  terms: ReadonlySet<string>;
  weight: number;
}

interface TopicDoc {
  topic: string;
  variants: Variant[];
  fuse?: Fuse<FuseRecord>;
}

/** The FAQ search: built once from the content, then queried many times. */
export interface FaqIndex {
  rank(text: string, limit?: number): FaqRanking;
  size: number;
}

const FUSE_KEYS = [
  { name: "title", weight: 2 },
  { name: "keywords", weight: 2 },
  { name: "questions", weight: 1 },
];

/** The k highest-scoring entries (ties: lower index first), without sorting them all. */
function bestOf(scores: Map<number, number>, k: number): [number, number][] {
  const top: [number, number][] = [];
  const worse = (a: [number, number], b: [number, number]) => a[1] < b[1] || (a[1] === b[1] && a[0] > b[0]);
  for (const e of scores) {
    if (top.length === k && !worse(top[k - 1]!, e)) continue;
    let at = top.length === k ? k - 1 : top.length;
    while (at > 0 && worse(top[at - 1]!, e)) {
      top[at] = top[at - 1]!;
      at--;
    }
    top[at] = e;
    if (top.length > k) top.length = k;
  }
  return top;
}

function push(map: Map<string, number[]>, term: string, doc: number): void {
  const list = map.get(term);
  if (list) list.push(doc);
  else map.set(term, [doc]);
}

/**
 * Builds the index once: postings of analysed terms per topic at three strengths
 * (keywords and title, questions, answer text; both languages, so a question in either
 * finds the topic), weighted question variants, and per topic a fuse.js index (token
 * search, ignoreLocation) over its title, keywords and questions.
 *
 * A query is scored in two stages: idf-weighted coverage over the postings for every
 * topic that shares a term, then the best few are re-ranked with their closest question
 * variant and fuse.js similarity. Words the content does not know, and off-topic words
 * above all, weigh against every topic, so "resep rendang" finds nothing.
 */
export function createFaqIndex(
  entries: readonly FaqEntry[],
  analyzer: Analyzer,
  options: FaqIndexOptions = DEFAULT_INDEX_OPTIONS,
): FaqIndex {
  const strongP = new Map<string, number[]>();
  const questionP = new Map<string, number[]>();
  const weakP = new Map<string, number[]>();
  const df = new Map<string, number>();
  const rawVariants: Set<string>[][] = [];
  const docs: TopicDoc[] = [];
  const fuseKeys = FUSE_KEYS.filter((k) => options.fuseFields.includes(k.name as "title"));
  entries.forEach((e, i) => {
    const strong = new Set<string>();
    const asked = new Set<string>();
    const weak = new Set<string>();
    const variants: Set<string>[] = [];
    const records: FuseRecord[] = [];
    for (const lang of ["id", "en"] as const) {
      const t = e[lang];
      for (const x of analyzer.terms(`${t.answer}\n${t.more}`)) weak.add(x);
      const kw = [t.title, ...t.keywords].map((k) => analyzer.terms(k));
      for (const ts of kw) for (const x of ts) strong.add(x);
      const qs = t.questions.map((q) => analyzer.terms(q));
      for (const ts of qs) {
        variants.push(new Set(ts));
        for (const x of ts) asked.add(x);
      }
      records.push({
        title: kw[0]!.join(" "),
        keywords: kw.slice(1).map((ts) => ts.join(" ")),
        questions: qs.map((ts) => ts.join(" ")),
      });
    }
    for (const x of strong) push(strongP, x, i);
    for (const x of asked) if (!strong.has(x)) push(questionP, x, i);
    for (const x of weak) if (!strong.has(x) && !asked.has(x)) push(weakP, x, i);
    for (const x of new Set([...strong, ...asked])) df.set(x, (df.get(x) ?? 0) + 1);
    rawVariants.push(variants);
    const fuse = options.useFuse
      ? new Fuse(
          records,
          { keys: fuseKeys, ignoreLocation: true, useTokenSearch: true, includeScore: true, threshold: 0.35 },
          Fuse.createIndex(fuseKeys, records),
        )
      : undefined;
    docs.push({ topic: e.topic, variants: [], fuse });
  });

  const n = docs.length;
  const offTopic = options.offTopic ?? new Set<string>();
  const rareIdf = Math.log(1 + n / 0.5);
  const idf = (term: string): number => {
    if (offTopic.has(term)) return rareIdf * options.offTopicFactor;
    const d = df.get(term) ?? 0;
    return d === 0 ? rareIdf * options.unknownFactor : Math.log(1 + n / d);
  };
  rawVariants.forEach((vs, i) => {
    docs[i]!.variants = vs.map((terms) => ({ terms, weight: [...terms].reduce((s, t) => s + idf(t), 0) }));
  });

  const byInitial = new Map<string, string[]>();
  for (const v of df.keys()) {
    const list = byInitial.get(v[0]!);
    if (list) list.push(v);
    else byInitial.set(v[0]!, [v]);
  }

  /** Maps a word the content does not know to a close known one (typos), or keeps it. */
  function correct(term: string): string {
    if (df.has(term) || offTopic.has(term) || term.length < 6 || /\d/.test(term)) return term;
    const max = term.length >= 9 ? 2 : 1;
    let best = term;
    let bestD = max + 1;
    for (const v of byInitial.get(term[0]!) ?? []) {
      if (Math.abs(v.length - term.length) > max) continue;
      const d = boundedDistance(term, v, max);
      if (d < bestD || (d === bestD && v < best)) {
        bestD = d;
        best = v;
      }
    }
    return bestD <= max ? best : term;
  }

  function rank(text: string, limit = 5): FaqRanking {
    const terms: string[] = [];
    const credit: number[] = [];
    for (const t of new Set(analyzer.terms(text))) {
      const c = correct(t);
      if (terms.includes(c)) continue;
      terms.push(c);
      credit.push(c === t ? 1 : options.correctedWeight);
    }
    const isOff = terms.some((t) => offTopic.has(t));
    if (terms.length === 0) return { hits: [], terms, known: 0, offTopic: false };
    const weights = terms.map(idf);
    const total = weights.reduce((a, b) => a + b, 0);
    const knownWeight = terms.reduce((s, t, k) => s + (df.has(t) ? weights[k]! : 0), 0);

    // Stage 1: coverage for every topic that shares a term.
    const cov = new Map<number, number>();
    terms.forEach((t, k) => {
      if (offTopic.has(t)) return;
      const w = weights[k]! * credit[k]!;
      for (const i of strongP.get(t) ?? []) cov.set(i, (cov.get(i) ?? 0) + w);
      for (const i of questionP.get(t) ?? []) cov.set(i, (cov.get(i) ?? 0) + w * options.questionOnlyWeight);
      for (const i of weakP.get(t) ?? []) cov.set(i, (cov.get(i) ?? 0) + w * options.answerWeight);
    });
    const top = bestOf(cov, Math.max(options.rerank, limit));

    // Stage 2: closest question variant and fuse.js similarity for the best few.
    const query = terms.join(" ");
    const { mix } = options;
    const byCoverage = top.map(([i, c]) => {
      const d = docs[i]!;
      let variant = 0;
      for (const v of d.variants) {
        let inter = 0;
        terms.forEach((t, k) => {
          if (v.terms.has(t) && !offTopic.has(t)) inter += weights[k]! * credit[k]!;
        });
        if (inter === 0) continue;
        const union = total + v.weight - inter;
        if (inter / union > variant) variant = inter / union;
      }
      return { i, base: mix.coverage * (c / total) + mix.variant * variant };
    });
    byCoverage.sort((a, b) => b.base - a.base || a.i - b.i);
    const hits: FaqHit[] = byCoverage.map(({ i, base }, rankNo) => {
      const d = docs[i]!;
      const f =
        d.fuse && rankNo < options.fuseTop ? 1 - (d.fuse.search(query, { limit: 1 })[0]?.score ?? 1) : 0;
      return { topic: d.topic, score: Math.round((base + mix.fuse * f) * 1000) / 1000 };
    });
    hits.sort((a, b) => b.score - a.score || a.topic.localeCompare(b.topic));
    return { hits: hits.slice(0, limit), terms, known: knownWeight / total, offTopic: isOff };
  }

  return { rank, size: n };
}
