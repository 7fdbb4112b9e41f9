import type { Lexicon } from "../nlp/lexicon";
import { tokenize } from "../nlp/normalize";
import { type Amount, readAmount } from "./amounts";

/** One normalised word of an offer, pointing back into the original text. */
export interface Word {
  /** Normalised form (one word; a lexicon value of several words gives several Words). */
  w: string;
  /** Offsets of the original token. */
  start: number;
  end: number;
  /** Sentence number (split on . ! ? ; and line breaks). */
  sentence: number;
  /** Clause number (sentences further split on commas, colons and dashes). */
  clause: number;
  /** The amount this token (with its neighbours) states, if any. */
  amount?: Amount;
}

const SENTENCE_BREAK = /[.!?;\n•]/;
const CLAUSE_BREAK = /[,()\-–—/]/;
/** Abbreviations whose dot does not end a sentence ("Rp. 5.000.000", "PT. Maju"). */
const ABBREVIATIONS = new Set(["rp", "pt", "cv", "no", "jl", "tgl", "dr", "mr", "mrs", "st", "bpk", "min"]);

/** What lies between two tokens ends a sentence or a clause. */
function gapKind(gap: string): "sentence" | "clause" | "none" {
  if (!gap.trim()) return "none";
  if (SENTENCE_BREAK.test(gap)) return "sentence";
  return CLAUSE_BREAK.test(gap) ? "clause" : "none";
}

/**
 * Splits an offer into normalised words with offsets, sentence and clause numbers, and
 * the amounts they state. Uses the shared tokenizer and lexicon (bot/nlp/normalize.ts).
 */
export function readWords(text: string, lexicon: Lexicon): Word[] {
  const tokens = tokenize(text, lexicon);
  const words: Word[] = [];
  let sentence = 0;
  let clause = 0;
  let prevEnd = 0;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (i > 0) {
      const gap = text.slice(prevEnd, tok.start);
      const abbrev = gap.trim() === "." && ABBREVIATIONS.has(tokens[i - 1]!.raw.toLowerCase());
      const kind = abbrev ? "none" : gapKind(gap);
      if (kind === "sentence") {
        sentence++;
        clause++;
      } else if (kind === "clause") clause++;
    }
    prevEnd = tok.end;
    const parts = tok.norm.split(" ").filter(Boolean);
    for (const w of parts.length ? parts : [tok.norm]) {
      words.push({ w, start: tok.start, end: tok.end, sentence, clause });
    }
  }
  for (let i = 0; i < words.length; i++) {
    if (words[i]!.amount) continue;
    const found = readAmount(text, words, i);
    if (found) for (let k = found.from; k < found.to; k++) words[k]!.amount = found;
  }
  return words;
}
