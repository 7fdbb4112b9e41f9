import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { ContentError } from "../i18n";

const lexiconSchema = z.object({ words: z.record(z.string(), z.string()) });

/** Informal spelling -> standard word(s), keyed by lower-case token. */
export type Lexicon = ReadonlyMap<string, string>;

/** Loads a lexicon YAML file; a bad file stops start-up with its name. */
export function loadLexicon(file: string): Lexicon {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new ContentError(file, (err as Error).message);
  }
  const parsed = lexiconSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ContentError(
      file,
      parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
    );
  }
  const map = new Map<string, string>();
  for (const [k, v] of Object.entries(parsed.data.words)) map.set(k.toLowerCase(), v.toLowerCase());
  return map;
}
