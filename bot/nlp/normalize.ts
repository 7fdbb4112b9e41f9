import type { Lexicon } from "./lexicon";

/** One word of the original text, with its normalised form and where it stands. */
export interface Token {
  /** The text as written. */
  raw: string;
  /** Lower-case, letters squeezed, informal spelling replaced (may be several words). */
  norm: string;
  /** Offsets into the original string: `text.slice(start, end) === raw`. */
  start: number;
  end: number;
}

// Words: letters and digits, with inner dots/commas in numbers (25.000.000, 1,5) and
// inner apostrophes or hyphens kept; "2" suffix reduplication (bisa2) stays attached.
const WORD = /[\p{L}\p{N}]+(?:[.,'’-][\p{L}\p{N}]+)*/gu;

/** Lower-case, strip accents, squeeze letters repeated three times or more ("bangettt"). */
export function foldWord(word: string): string {
  if (/^[a-z0-9]+$/.test(word) && !/([a-z])\1\1/.test(word)) return word;
  return word
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/(\p{L})\1{2,}/gu, "$1");
}

/**
 * Splits text into tokens with offsets and normalised forms. Reduplicated words
 * ("kerja-kerja", "syarat2") fold to their base. The lexicon maps informal spellings.
 */
export function tokenize(text: string, lexicon?: Lexicon): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    let w = foldWord(raw);
    const dup = /^(\p{L}{2,})-\1$/u.exec(w);
    if (dup) w = dup[1]!;
    let norm = lexicon?.get(w);
    if (norm === undefined && /^\p{L}{2,}2$/u.test(w)) {
      const base = w.slice(0, -1);
      norm = lexicon?.get(base) ?? base;
    }
    out.push({ raw, norm: norm ?? w, start: m.index, end: m.index + raw.length });
  }
  return out;
}

/** The normalised text: tokens' normal forms joined by single spaces. */
export function normalizeText(text: string, lexicon?: Lexicon): string {
  return tokenize(text, lexicon)
    .map((t) => t.norm)
    .join(" ");
}
