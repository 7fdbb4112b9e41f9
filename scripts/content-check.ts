/**
 * `npm run content:check`: validates every content file and prints each problem as
 * `file:line: message`. Exit 1 when there is a problem.
 *
 * A capability adds the validators of its content in its registration (`validators`); each
 * receives the content folder and returns problems with the file and, when it can tell, the line.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { loadConfig } from "../bot/config";
import type { ContentProblem, ContentValidator } from "../bot/content-validator";
import { createLogger } from "../bot/logger";
import { LANGS } from "../bot/model";
import { checkLexiconDir } from "../bot/nlp/check-lexicon";
import { CONTENT_DIR, PROJECT_ROOT } from "../bot/paths";
import { createMemoryRepositories } from "../bot/store/store-repositories";
import { createBot } from "../bot/wiring";
import { CAPABILITIES } from "../flows/capabilities";

export type { ContentProblem, ContentValidator } from "../bot/content-validator";

function flatten(obj: unknown, prefix = ""): string[] {
  if (obj === null || typeof obj !== "object" || Array.isArray(obj)) return [prefix];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) =>
    flatten(v, prefix ? `${prefix}.${k}` : k),
  );
}

/** Locales: valid JSON, the same keys in every language, no empty strings. */
export const localesValidator: ContentValidator = {
  name: "locales",
  check(contentDir) {
    const problems: ContentProblem[] = [];
    const dir = join(contentDir, "locales");
    const byLang = new Map<string, Map<string, { file: string; keys: Set<string>; text: string }>>();
    for (const lang of LANGS) {
      const files = new Map<string, { file: string; keys: Set<string>; text: string }>();
      byLang.set(lang, files);
      for (const name of readdirSync(join(dir, lang)).filter((n) => n.endsWith(".json"))) {
        const file = join(dir, lang, name);
        const text = readFileSync(file, "utf8");
        try {
          const data = JSON.parse(text);
          const keys = flatten(data);
          files.set(name, { file, keys: new Set(keys), text });
          for (const k of keys) {
            const v = k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)?.[p], data);
            if (v === "") problems.push({ file, line: lineOfKey(text, k), message: `${k}: empty text` });
          }
        } catch (err) {
          problems.push({ file, message: `not valid JSON: ${(err as Error).message}` });
        }
      }
    }
    for (const lang of LANGS) {
      for (const other of LANGS) {
        if (lang === other) continue;
        for (const [name, f] of byLang.get(lang) ?? []) {
          const twin = byLang.get(other)?.get(name);
          if (!twin) {
            problems.push({
              file: f.file,
              message: `no ${other}/${name}: every namespace needs both languages`,
            });
            continue;
          }
          for (const k of f.keys) {
            if (!twin.keys.has(k)) {
              problems.push({
                file: f.file,
                line: lineOfKey(f.text, k),
                message: `${k}: missing in ${other}/${name}`,
              });
            }
          }
        }
      }
    }
    return problems;
  },
};

function lineOfKey(text: string, key: string): number | undefined {
  const last = key.split(".").at(-1)!;
  const at = text.indexOf(`"${last}"`);
  return at < 0 ? undefined : text.slice(0, at).split("\n").length;
}

/** Lexicon: informal spellings, stop words, synonyms, off-topic words. */
export const lexiconValidator: ContentValidator = {
  name: "lexicon",
  check: (contentDir) => checkLexiconDir(join(contentDir, "lexicon")),
};

/** Every validator, in order. Add yours here. */
/**
 * Every feature's own content (red-flag rules, questionnaire, hotlines, danger patterns,
 * sample registry): the bot is wired on the folder exactly as at start-up, so whatever would
 * stop start-up is reported here with its file.
 */
export const featuresValidator: ContentValidator = {
  name: "features",
  check(contentDir) {
    try {
      createBot({
        capabilities: CAPABILITIES,
        config: loadConfig({}),
        repos: createMemoryRepositories(),
        log: createLogger("silent"),
        contentDir,
      });
      return [];
    } catch (err) {
      const file = (err as { file?: string }).file ?? contentDir;
      return [{ file, message: (err as Error).message }];
    }
  },
};

export const VALIDATORS: ContentValidator[] = [
  ...CAPABILITIES.flatMap((c) => c.validators ?? []),
  lexiconValidator,
  localesValidator,
  featuresValidator,
];

/** Runs every validator; a validator that throws is reported as a problem, not a crash. */
export function checkContent(contentDir: string, validators = VALIDATORS): ContentProblem[] {
  return validators.flatMap((v) => {
    try {
      return v.check(contentDir);
    } catch (err) {
      return [{ file: contentDir, message: `${v.name}: ${(err as Error).message}` }];
    }
  });
}

function main(): number {
  const dir = process.argv[2] ?? CONTENT_DIR;
  const problems = checkContent(dir);
  for (const p of problems) {
    process.stdout.write(`${relative(PROJECT_ROOT, p.file)}${p.line ? `:${p.line}` : ""}: ${p.message}\n`);
  }
  process.stdout.write(
    problems.length === 0
      ? `content ok (${VALIDATORS.map((v) => v.name).join(", ")})\n`
      : `${problems.length} problem(s)\n`,
  );
  return problems.length === 0 ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main();
