import type { Lexicon } from "../nlp/lexicon";
import { foldWord, tokenize } from "../nlp/normalize";

/** One step of a compiled pattern. */
export type Element =
  | { k: "words"; set: ReadonlySet<string> }
  | { k: "prefix"; list: readonly string[] }
  | { k: "any" }
  | { k: "gap" }
  | { k: "amount"; role?: "fee" | "pay"; min?: "high" | "very-high" | "extreme" }
  | { k: "minor" }
  | { k: "end" };

/** A compiled pattern: a sequence of steps, and its source for error messages. */
export interface Pattern {
  source: string;
  elements: Element[];
  /** The pattern itself starts with a negating word ("tanpa kontrak"): plain negators do not cancel it. */
  selfNegated: boolean;
  /** Every word the pattern names, so a negator skipped by a gap can be told from one it names. */
  literals: ReadonlySet<string>;
}

const SPECIAL: Record<string, Element> = {
  "<amount>": { k: "amount" },
  "<fee-amount>": { k: "amount", role: "fee" },
  "<pay-amount>": { k: "amount", role: "pay" },
  "<pay-high>": { k: "amount", role: "pay", min: "high" },
  "<pay-very-high>": { k: "amount", role: "pay", min: "very-high" },
  "<pay-extreme>": { k: "amount", role: "pay", min: "extreme" },
  "<minor>": { k: "minor" },
  "*": { k: "any" },
  "..": { k: "gap" },
  $: { k: "end" },
};

/** Largest number of sequences one pattern may expand to. */
const MAX_EXPANSION = 64;

function normWords(word: string, lexicon: Lexicon): string[] {
  return tokenize(word, lexicon).flatMap((t) => t.norm.split(" ").filter(Boolean));
}

/**
 * Compiles pattern text: words separated by spaces, normalised with the same lexicon as
 * offers. `a|b` alternatives (`di_muka|dimuka`: an alternative of several words), `word*` a prefix, `*` any one word, `..` up to three words,
 * `<amount>`, `<fee-amount>`, `<pay-amount>`, `<pay-high>`, `<pay-very-high>`, `<pay-extreme>`, `<minor>`
 * (an age of 10–17), `$` (the clause ends here). Alternatives that normalise to several words expand the pattern.
 * Throws an Error naming the problem; the loader adds the file.
 */
export function compilePattern(source: string, lexicon: Lexicon, negators: ReadonlySet<string>): Pattern[] {
  const slots: Element[][][] = [];
  for (const part of source.trim().toLowerCase().split(/\s+/)) {
    if (!part) continue;
    const special = SPECIAL[part];
    if (special) {
      slots.push([[special]]);
      continue;
    }
    if (part.startsWith("<")) throw new Error(`unknown marker ${part} in "${source}"`);
    const options: Element[][] = [];
    const single = new Set<string>();
    for (const alt of part.split("|")) {
      if (!alt) throw new Error(`empty alternative in "${source}"`);
      if (alt.endsWith("*") && alt.length > 2) {
        options.push([{ k: "prefix", list: [foldWord(alt.slice(0, -1))] }]);
        continue;
      }
      const ws = normWords(alt.replaceAll("_", " "), lexicon);
      if (ws.length === 0) throw new Error(`"${alt}" has no letters or digits in "${source}"`);
      if (ws.length === 1) single.add(ws[0]!);
      else options.push(ws.map((w) => ({ k: "words", set: new Set([w]) }) as Element));
    }
    if (single.size) options.unshift([{ k: "words", set: single }]);
    slots.push(options);
  }
  if (slots.length === 0) throw new Error(`empty pattern "${source}"`);
  let seqs: Element[][] = [[]];
  for (const options of slots) {
    const next: Element[][] = [];
    for (const seq of seqs) for (const opt of options) next.push([...seq, ...opt]);
    if (next.length > MAX_EXPANSION) throw new Error(`"${source}" expands to too many forms`);
    seqs = next;
  }
  for (const seq of seqs) {
    if (seq[0]!.k === "gap" || seq.at(-1)!.k === "gap")
      throw new Error(`".." cannot start or end "${source}"`);
  }
  return seqs.map((elements) => {
    const first = elements[0]!;
    const selfNegated = first.k === "words" && [...first.set].some((w) => negators.has(w));
    const literals = new Set(elements.flatMap((e) => (e.k === "words" ? [...e.set] : [])));
    return { source, elements, selfNegated, literals };
  });
}
