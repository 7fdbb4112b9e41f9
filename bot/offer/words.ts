import type { Lexicon } from "../nlp/lexicon";
import { type Token, tokenize } from "../nlp/normalize";
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

/** Abbreviations whose dot does not end a sentence ("Rp. 5.000.000", "PT. Maju"). */
const ABBREVIATIONS = new Set(["rp", "pt", "cv", "no", "jl", "tgl", "dr", "mr", "mrs", "st", "bpk", "min"]);

/** 2: a sentence break (. ! ? ; • line break), 1: a clause break (, ( ) - – — /), 0: none. */
function gapKind(text: string, from: number, to: number): number {
  let kind = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 33 || c === 63 || c === 59 || c === 10 || c === 13 || c === 0x2022) return 2;
    if (c === 44 || c === 40 || c === 41 || c === 45 || c === 0x2013 || c === 0x2014 || c === 47) kind = 1;
  }
  return kind;
}

/** True when the gap is a lone dot (possibly with spaces): "Rp. 5". */
function loneDot(text: string, from: number, to: number): boolean {
  let dots = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) dots++;
    else if (c !== 32) return false;
  }
  return dots === 1;
}

const HYPHENATED = /^\p{L}{2,}(?:-\p{L}{2,})+$/u;

function hasDigit(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

// The word pattern of bot/nlp/normalize.ts (a test checks both give the same tokens).
const WORD = /[\p{L}\p{N}]+(?:[.,'’-][\p{L}\p{N}]+)*/gu;

/**
 * `tokenize` with each distinct word normalised once: long offers repeat their words, and
 * this keeps a 100 KB text well within its time budget. Same tokens as `tokenize(text)`.
 */
export function tokenizeCached(text: string, lexicon: Lexicon): Token[] {
  const seen = new Map<string, string>();
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    let norm = seen.get(raw);
    if (norm === undefined) {
      norm = tokenize(raw, lexicon)[0]?.norm ?? raw.toLowerCase();
      seen.set(raw, norm);
    }
    out.push({ raw, norm, start: m.index, end: m.index + raw.length });
  }
  return out;
}

/**
 * Splits an offer into normalised words with offsets, sentence and clause numbers, and
 * the amounts they state. Uses the shared tokenizer and lexicon (bot/nlp/normalize.ts).
 */
export function readWords(text: string, lexicon: Lexicon): Word[] {
  const tokens = tokenizeCached(text, lexicon);
  const words: Word[] = [];
  let sentence = 0;
  let clause = 0;
  let prevEnd = 0;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (i > 0 && tok.start > prevEnd) {
      const kind = gapKind(text, prevEnd, tok.start);
      const abbrev =
        kind === 2 && loneDot(text, prevEnd, tok.start) && ABBREVIATIONS.has(tokens[i - 1]!.norm);
      if (kind === 2 && !abbrev) {
        sentence++;
        clause++;
      } else if (kind === 1) clause++;
    }
    prevEnd = tok.end;
    // Several words in one token: a lexicon value, or a hyphenated pair ("myanmar-thailand").
    const parts = tok.norm.includes(" ")
      ? tok.norm.split(" ")
      : HYPHENATED.test(tok.norm)
        ? tok.norm.split("-")
        : undefined;
    if (parts) {
      for (const w of parts) {
        if (w) words.push({ w, start: tok.start, end: tok.end, sentence, clause });
      }
    } else words.push({ w: tok.norm, start: tok.start, end: tok.end, sentence, clause });
  }
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word.amount || !hasDigit(word.w)) continue;
    const found = readAmount(text, words, i);
    if (found) for (let k = found.from; k < found.to; k++) words[k]!.amount = found;
  }
  return words;
}
