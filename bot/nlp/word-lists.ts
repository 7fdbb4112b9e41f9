import { z } from "zod";
import { loadYaml } from "../load-yaml";

const stopSchema = z.object({ id: z.array(z.string().min(1)), en: z.array(z.string().min(1)) });
const synonymSchema = z.object({ groups: z.array(z.array(z.string().min(1)).min(2)) });

/** Words that carry no topic, per language (lower case, standard spelling). */
export interface StopWords {
  id: ReadonlySet<string>;
  en: ReadonlySet<string>;
}

/** Synonym groups: canonical term first, then words or phrases read as it. */
export type SynonymGroups = readonly (readonly string[])[];

/** Loads content/lexicon/stopwords.yaml. */
export function loadStopWords(file: string): StopWords {
  const data = loadYaml(file, stopSchema);
  const lower = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
  return { id: lower(data.id), en: lower(data.en) };
}

/** Loads content/lexicon/synonyms.yaml. */
export function loadSynonyms(file: string): SynonymGroups {
  return loadYaml(file, synonymSchema).groups.map((g) => g.map((x) => x.toLowerCase().trim()));
}

const wordListSchema = z.object({ words: z.array(z.string().min(1)) });

/** Loads a plain word list (`words: [...]`), e.g. content/lexicon/off-topic.yaml. */
export function loadWordList(file: string): string[] {
  return loadYaml(file, wordListSchema).words.map((w) => w.toLowerCase().trim());
}
