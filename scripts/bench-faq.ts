/**
 * npm run bench:faq [-- --json] — FAQ search speed on the real content and on 2,000
 * synthetic entries (built from the real content's words plus made-up ones, so postings
 * and fuse.js work as they would on a large real FAQ). Prints index build time and p50/p99
 * milliseconds per question. With --json the last line is one JSON object:
 * entries, build_ms, p50_ms, p99_ms (for the 2,000 entries) and real_* for the shipped content.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FaqIndex } from "../bot/faq/faq-index";
import { buildFaqIndex } from "../bot/faq/faq-service";
import { loadFaq } from "../bot/faq/load-faq";
import type { FaqEntry } from "../bot/faq/schema";
import { loadLexicon } from "../bot/nlp/lexicon";
import { CONTENT_DIR, PROJECT_ROOT } from "../bot/paths";
import { percentile, report, rng } from "./bench-util";

const json = process.argv.includes("--json");
const SYNTHETIC = 2000;

function questions(): string[] {
  const dir = join(PROJECT_ROOT, "test", "faq");
  return ["paraphrases.jsonl", "holdout.jsonl", "holdout2.jsonl"].flatMap((f) =>
    readFileSync(join(dir, f), "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { text: string }).text),
  );
}

function synthetic(real: FaqEntry[], n: number): FaqEntry[] {
  const rand = rng(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const words = [
    ...new Set(
      real.flatMap((e) => e.id.questions.concat(e.en.questions).join(" ").toLowerCase().split(/\W+/)),
    ),
  ].filter((w) => w.length > 2);
  const syllables = ["ka", "lo", "mi", "ra", "tu", "se", "ban", "dor", "pu", "ngi", "wa", "je"];
  const invented = () => Array.from({ length: 2 + Math.floor(rand() * 2) }, () => pick(syllables)).join("");
  const sentence = (len: number) =>
    Array.from({ length: len }, () => (rand() < 0.75 ? pick(words) : invented())).join(" ");
  const text = () => ({
    title: sentence(2).slice(0, 24),
    questions: Array.from({ length: 8 }, () => sentence(5 + Math.floor(rand() * 5))),
    keywords: Array.from({ length: 8 }, () => (rand() < 0.5 ? invented() : pick(words))),
    answer: sentence(60).slice(0, 590),
    more: sentence(120),
  });
  return Array.from({ length: n }, (_, i) => ({
    topic: `synthetic-${i}`,
    categories: ["preparation"],
    related: [`synthetic-${(i + 1) % n}`],
    sources: [{ name: "synthetic", checked: "2026-11-28" }],
    id: text(),
    en: text(),
  }));
}

function measure(index: FaqIndex, qs: string[], rounds: number): { p50: number; p99: number } {
  for (const q of qs.slice(0, 50)) index.rank(q);
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of qs) {
      const t0 = performance.now();
      index.rank(q);
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

const lexicon = loadLexicon(join(CONTENT_DIR, "lexicon", "informal-id.yaml"));
const real = loadFaq(join(CONTENT_DIR, "faq"));
const qs = questions();

let t0 = performance.now();
const realIndex = buildFaqIndex(real, CONTENT_DIR, lexicon);
const realBuild = performance.now() - t0;
const realTimes = measure(realIndex, qs, 5);

const fake = [...real, ...synthetic(real, SYNTHETIC - real.length)];
t0 = performance.now();
const bigIndex = buildFaqIndex(fake, CONTENT_DIR, lexicon);
const bigBuild = performance.now() - t0;
const bigTimes = measure(bigIndex, qs, 3);

const round = (x: number) => Math.round(x * 1000) / 1000;
report(
  `FAQ search: ${qs.length} questions; real content ${real.length} topics, synthetic ${fake.length} entries`,
  {
    entries: fake.length,
    build_ms: round(bigBuild),
    p50_ms: round(bigTimes.p50),
    p99_ms: round(bigTimes.p99),
    real_entries: real.length,
    real_build_ms: round(realBuild),
    real_p50_ms: round(realTimes.p50),
    real_p99_ms: round(realTimes.p99),
  },
  json,
);
