import { join } from "node:path";
import type { Lang } from "../model";
import { detectLanguage } from "../nlp/detect-language";
import type { Lexicon } from "../nlp/lexicon";
import { loadStopWords, loadSynonyms, loadWordList } from "../nlp/word-lists";
import type { Repositories } from "../store/repositories";
import { createAnalyzer } from "./analyzer";
import {
  createFaqIndex,
  DEFAULT_INDEX_OPTIONS,
  type FaqHit,
  type FaqIndex,
  type FaqIndexOptions,
} from "./faq-index";
import { loadFaq } from "./load-faq";
import { asksMoney, moneyFirst, moneyTopics } from "./money-first";
import { FAQ_CATEGORIES, type FaqCategory, type FaqEntry } from "./schema";
import { listUnanswered, logUnanswered, type UnansweredRecord } from "./unanswered-log";
import { recordVote, type VoteRecord } from "./votes";

/** Below this confidence the bot does not answer from the FAQ (measured on test/faq paraphrases). */
export const DEFAULT_MIN_SCORE = 0.25;
/** Offered when nothing is close: the questions people need most. */
export const DEFAULT_SUGGESTIONS = ["legal-steps", "costs", "trafficking-signs"];

/** What a search decided. */
export interface FaqMatch {
  /** The answered topic, or null when the question is out of scope or unclear. */
  best: FaqHit | null;
  /** Closest topics (the best first), for "did you mean" choices. */
  suggestions: string[];
  /** The language the question was written in, when it is clear. */
  lang?: Lang;
  /** Analysed terms (for tests and tuning). */
  terms: string[];
  /** Share of the question's weight the FAQ vocabulary knows (0..1); 0 for gibberish. */
  known: number;
  /** The question holds a word that points away from migration (football, recipes…). */
  offTopic: boolean;
}

/** The FAQ: content, search, votes and the unanswered log. */
export interface FaqService {
  entries: readonly FaqEntry[];
  entry(topic: string): FaqEntry | undefined;
  /** Topics of a menu category, in content order (home category first). */
  topicsIn(category: FaqCategory): FaqEntry[];
  search(text: string): FaqMatch;
  logUnanswered(text: string, lang: Lang): Promise<void>;
  unanswered(): Promise<UnansweredRecord[]>;
  vote(topic: string, helpful: boolean): Promise<VoteRecord>;
}

/** Content inputs of the FAQ (folders under content/). */
export interface FaqServiceOptions {
  contentDir: string;
  lexicon: Lexicon;
  /** Where votes and unanswered questions are kept. */
  repos: Pick<Repositories, "votes" | "unanswered">;
  clock: () => Date;
  minScore?: number;
  /** Entries to use instead of content/faq (benchmarks). */
  entries?: FaqEntry[];
}

/** Builds the search from the texts an index will hold. */
export function buildFaqIndex(
  entries: readonly FaqEntry[],
  contentDir: string,
  lexicon: Lexicon,
  tuning: Partial<FaqIndexOptions> = {},
): FaqIndex {
  const lex = join(contentDir, "lexicon");
  const texts = entries.flatMap((e) =>
    (["id", "en"] as const).flatMap((l) => [
      e[l].title,
      ...e[l].keywords,
      ...e[l].questions,
      e[l].answer,
      e[l].more,
    ]),
  );
  const analyzer = createAnalyzer({
    lexicon,
    stop: loadStopWords(join(lex, "stopwords.yaml")),
    synonyms: loadSynonyms(join(lex, "synonyms.yaml")),
    vocabularyTexts: texts,
  });
  const offTopic = new Set(loadWordList(join(lex, "off-topic.yaml")).flatMap((w) => analyzer.terms(w)));
  return createFaqIndex(entries, analyzer, { ...DEFAULT_INDEX_OPTIONS, ...tuning, offTopic });
}

/** Loads and validates content/faq (throws ContentError) and builds the index once. */
export function createFaqService(options: FaqServiceOptions): FaqService {
  const entries = options.entries ?? loadFaq(join(options.contentDir, "faq"));
  const byId = new Map(entries.map((e) => [e.topic, e]));
  const index = buildFaqIndex(entries, options.contentDir, options.lexicon);
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const money = moneyTopics(entries);
  const byCategory = new Map<FaqCategory, FaqEntry[]>();
  for (const c of FAQ_CATEGORIES) {
    const home = entries.filter((e) => e.categories[0] === c);
    const also = entries.filter((e) => e.categories[0] !== c && e.categories.includes(c));
    byCategory.set(c, [...home, ...also]);
  }

  return {
    entries,
    entry: (topic) => byId.get(topic),
    topicsIn: (category) => byCategory.get(category) ?? [],
    search(text) {
      const ranking = index.rank(text, 4);
      ranking.hits = moneyFirst(ranking.hits, money, asksMoney(text, options.lexicon));
      const top = ranking.hits[0];
      const best = top && top.score >= minScore ? top : null;
      const close = ranking.hits.filter((h) => h.score >= minScore / 2).map((h) => h.topic);
      const suggestions = best
        ? ranking.hits
            .slice(1)
            .filter((h) => h.score >= minScore / 2)
            .map((h) => h.topic)
        : close.length > 0
          ? close
          : DEFAULT_SUGGESTIONS;
      return {
        best,
        suggestions: suggestions.slice(0, 3),
        lang: detectLanguage(text, options.lexicon),
        terms: ranking.terms,
        known: ranking.known,
        offTopic: ranking.offTopic,
      };
    },
    logUnanswered: (text, lang) => logUnanswered(options.repos.unanswered, text, lang, options.clock()),
    unanswered: () => listUnanswered(options.repos.unanswered),
    vote: (topic, helpful) => recordVote(options.repos.votes, topic, helpful),
  };
}
