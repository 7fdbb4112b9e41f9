import type { Lexicon } from "../nlp/lexicon";
import { tokenize } from "../nlp/normalize";
import { createStemmer, type Stemmer } from "../nlp/stem";
import type { StopWords, SynonymGroups } from "../nlp/word-lists";

/** Turns text into matching terms: informal spelling fixed, stemmed, synonyms joined, stop words out. */
export interface Analyzer {
  /** Terms of a text, in order (duplicates kept). */
  terms(text: string): string[];
  /** True when the word (already normalised) is known to the content vocabulary. */
  knows(term: string): boolean;
}

const MAX_PHRASE = 3;

/** Plain lower-case words after the informal lexicon (a lexicon value may hold several words). */
export function words(text: string, lexicon: Lexicon): string[] {
  return tokenize(text, lexicon).flatMap((t) => t.norm.split(/[\s'’.,-]+/u).filter(Boolean));
}

/**
 * Builds the analyzer. `vocabularyTexts` are every content text that will be indexed:
 * their words (with the synonym and stop lists) form the stemmer's dictionary.
 */
export function createAnalyzer(options: {
  lexicon: Lexicon;
  stop: StopWords;
  synonyms: SynonymGroups;
  vocabularyTexts: Iterable<string>;
}): Analyzer {
  const { lexicon } = options;
  const vocab = new Set<string>();
  for (const text of options.vocabularyTexts) for (const w of words(text, lexicon)) vocab.add(w);
  for (const group of options.synonyms)
    for (const p of group) for (const w of words(p, lexicon)) vocab.add(w);
  const stemmer: Stemmer = createStemmer(vocab);
  const stemAll = (text: string) => words(text, lexicon).map(stemmer);

  const phrases = new Map<string, string>();
  for (const group of options.synonyms) {
    const canonical = stemAll(group[0]!).join("");
    for (const p of group) {
      const key = stemAll(p).join(" ");
      if (key && !phrases.has(key)) phrases.set(key, canonical);
    }
  }
  const stop = new Set<string>();
  for (const w of [...options.stop.id, ...options.stop.en]) {
    stop.add(w);
    stop.add(stemmer(w));
  }
  const stems = new Set([...vocab].map(stemmer));
  for (const c of phrases.values()) stems.add(c);

  function terms(text: string): string[] {
    const ws = stemAll(text);
    const out: string[] = [];
    for (let i = 0; i < ws.length; ) {
      let took = 0;
      for (let n = Math.min(MAX_PHRASE, ws.length - i); n >= 1; n--) {
        const hit = phrases.get(ws.slice(i, i + n).join(" "));
        if (hit !== undefined) {
          out.push(hit);
          took = n;
          break;
        }
      }
      if (took === 0) {
        const w = ws[i]!;
        if (!stop.has(w) && w.length > 1) out.push(w);
        took = 1;
      }
      i += took;
    }
    return out;
  }
  return { terms, knows: (t) => stems.has(t) };
}
