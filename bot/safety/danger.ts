import { z } from "zod";
import { ContentError } from "../i18n";
import { loadYaml } from "../load-yaml";
import type { Lexicon } from "../nlp/lexicon";
import { tokenize } from "../nlp/normalize";

const fileSchema = z.object({
  aliases: z.record(z.string(), z.string()).default({}),
  groups: z
    .array(
      z
        .object({
          id: z.string().regex(/^[a-z0-9-]+$/),
          patterns: z.array(z.string().min(1)).default([]),
          /** Patterns on the message exactly as typed, case and punctuation kept ("HELP!"). */
          raw: z.array(z.string().min(1)).default([]),
          unless: z.array(z.string().min(1)).default([]),
        })
        .refine((g) => g.patterns.length + g.raw.length > 0, { message: "a group needs patterns or raw" }),
    )
    .min(1),
});

/** A compiled group of danger patterns. */
interface DangerGroup {
  id: string;
  patterns: RegExp[];
  raw: RegExp[];
  unless: RegExp[];
}

/** What matched, for tests and for tuning the patterns (never logged with the text). */
export interface DangerMatch {
  group: string;
  pattern: number;
}

/** Danger detection (router step 1), built from content/safety/danger-patterns.yaml. */
export interface DangerDetector {
  /** The first group that matches, or undefined. */
  match(text: string): DangerMatch | undefined;
  isDanger(text: string): boolean;
}

function compile(file: string, field: string, source: string): RegExp {
  try {
    return new RegExp(source, "u");
  } catch (err) {
    throw new ContentError(file, `${field}: not a valid regular expression (${(err as Error).message})`);
  }
}

/** Loads and compiles the danger patterns; a bad pattern stops start-up naming its field. */
export function loadDangerDetector(file: string, lexicon: Lexicon): DangerDetector {
  const data = loadYaml(file, fileSchema);
  const aliases = new Map(Object.entries(data.aliases).map(([k, v]) => [k.toLowerCase(), v.toLowerCase()]));
  const groups: DangerGroup[] = data.groups.map((g, gi) => ({
    id: g.id,
    patterns: g.patterns.map((p, pi) => compile(file, `groups.${gi}.patterns.${pi}`, p)),
    raw: g.raw.map((p, pi) => compile(file, `groups.${gi}.raw.${pi}`, p)),
    unless: g.unless.map((p, pi) => compile(file, `groups.${gi}.unless.${pi}`, p)),
  }));
  return createDangerDetector(groups, aliases, lexicon);
}

function createDangerDetector(
  groups: DangerGroup[],
  aliases: ReadonlyMap<string, string>,
  lexicon: Lexicon,
): DangerDetector {
  /** The text as matched: folded words, aliases applied, with and without the shared lexicon. */
  function variants(text: string): string[] {
    const words = tokenize(text.replaceAll("’", "'")).map((t) => t.norm);
    const plain = words.map((w) => aliases.get(w) ?? w).join(" ");
    const lexical = words.map((w) => aliases.get(w) ?? lexicon.get(w) ?? w).join(" ");
    return plain === lexical ? [plain] : [plain, lexical];
  }

  function match(text: string): DangerMatch | undefined {
    const forms = variants(text);
    if (!forms[0]) return undefined;
    const raw = text.trim();
    for (const g of groups) {
      const ri = g.raw.findIndex((re) => re.test(raw));
      if (ri >= 0) return { group: g.id, pattern: g.patterns.length + ri };
      for (const form of forms) {
        const pi = g.patterns.findIndex((re) => re.test(form));
        if (pi < 0) continue;
        if (g.unless.some((re) => re.test(form))) continue;
        return { group: g.id, pattern: pi };
      }
    }
    return undefined;
  }

  return { match, isDanger: (text) => match(text) !== undefined };
}
