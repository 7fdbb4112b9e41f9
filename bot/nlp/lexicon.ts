import { z } from "zod";
import { loadYaml } from "../load-yaml";

const lexiconSchema = z.object({ words: z.record(z.string(), z.string()) });

/** Informal spelling -> standard word(s), keyed by lower-case token. */
export type Lexicon = ReadonlyMap<string, string>;

/** Loads a lexicon YAML file; a bad file stops start-up with its name. */
export function loadLexicon(file: string): Lexicon {
  const data = loadYaml(file, lexiconSchema);
  const map = new Map<string, string>();
  for (const [k, v] of Object.entries(data.words)) map.set(k.toLowerCase(), v.toLowerCase());
  return map;
}
