import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { ContentError } from "../i18n";

const stopSchema = z.object({ id: z.array(z.string().min(1)), en: z.array(z.string().min(1)) });
const synonymSchema = z.object({ groups: z.array(z.array(z.string().min(1)).min(2)) });

/** Words that carry no topic, per language (lower case, standard spelling). */
export interface StopWords {
  id: ReadonlySet<string>;
  en: ReadonlySet<string>;
}

/** Synonym groups: canonical term first, then words or phrases read as it. */
export type SynonymGroups = readonly (readonly string[])[];

function readYaml<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new ContentError(file, (err as Error).message);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ContentError(
      file,
      parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; "),
    );
  }
  return parsed.data;
}

/** Loads content/lexicon/stopwords.yaml. */
export function loadStopWords(file: string): StopWords {
  const data = readYaml(file, stopSchema);
  const lower = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
  return { id: lower(data.id), en: lower(data.en) };
}

/** Loads content/lexicon/synonyms.yaml. */
export function loadSynonyms(file: string): SynonymGroups {
  return readYaml(file, synonymSchema).groups.map((g) => g.map((x) => x.toLowerCase().trim()));
}

const wordListSchema = z.object({ words: z.array(z.string().min(1)) });

/** Loads a plain word list (`words: [...]`), e.g. content/lexicon/off-topic.yaml. */
export function loadWordList(file: string): string[] {
  return readYaml(file, wordListSchema).words.map((w) => w.toLowerCase().trim());
}
