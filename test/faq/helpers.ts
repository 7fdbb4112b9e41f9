import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createFaqService, type FaqService } from "../../bot/faq/faq-service";
import { loadLexicon } from "../../bot/nlp/lexicon";
import { CONTENT_DIR } from "../../bot/paths";
import { createMemoryRepositories } from "../../bot/store/store-repositories";

/** One line of a question set: the topics accepted as right, or null for out of scope. */
export interface SetItem {
  text: string;
  expect: string[] | null;
}

/** Reads a JSONL question set next to this file. */
export function readSet(name: string): SetItem[] {
  return readFileSync(join(import.meta.dirname, name), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as SetItem);
}

/** The FAQ service over the real content, on a memory store. */
export function realFaq(): FaqService {
  return createFaqService({
    contentDir: CONTENT_DIR,
    lexicon: loadLexicon(join(CONTENT_DIR, "lexicon", "informal-id.yaml")),
    repos: createMemoryRepositories(),
    clock: () => new Date("2026-11-28T08:00:00Z"),
  });
}

/** Scores a set like ../shared/eval/score.mjs: top-1 on answerable items, rejection on the rest. */
export function scoreSet(faq: FaqService, items: SetItem[]) {
  let inScope = 0;
  let top1 = 0;
  let oos = 0;
  let rejected = 0;
  const misses: string[] = [];
  for (const it of items) {
    const got = faq.search(it.text).best?.topic ?? null;
    if (it.expect === null) {
      oos++;
      if (got === null) rejected++;
      else misses.push(`out of scope answered as ${got}: ${it.text}`);
    } else {
      inScope++;
      if (got !== null && it.expect.includes(got)) top1++;
      else misses.push(`expected ${it.expect.join("|")} got ${got}: ${it.text}`);
    }
  }
  return { top1: top1 / inScope, outOfScopeRejected: rejected / oos, misses };
}
