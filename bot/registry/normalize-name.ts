import { foldWord } from "../nlp/normalize";

const ASCII = /^[\x20-\x7e]*$/;

/** foldWord, with a fast path for plain ASCII (most names): lower-case, squeeze "aaa". */
export function foldName(text: string): string {
  return ASCII.test(text) ? text.toLowerCase().replace(/([a-z])\1{2,}/g, "$1") : foldWord(text);
}

/**
 * Legal-form words dropped from names: PT, P.T., Perseroan Terbatas, Tbk, (Persero), and the
 * forms that are not a PT: CV, UD, Yayasan, Koperasi, Firma, and LPK (a training institution,
 * not a placement company). Only a PT can be a P3MI, so
 * `legalForm` tells them apart before the words are compared.
 */
const LEGAL_FORMS = new Set([
  "pt",
  "cv",
  "ud",
  "yayasan",
  "koperasi",
  "firma",
  "lpk",
  "tbk",
  "persero",
  "perseroan",
  "terbatas",
]);

/** The kind of legal entity a form word names. */
export type LegalForm = "pt" | "cv" | "ud" | "yayasan" | "koperasi" | "firma" | "lpk";

/** The legal form that `words[i]` starts, if any ("p t" and "perseroan terbatas" are a PT). */
export function legalFormOf(words: readonly string[], i: number): LegalForm | undefined {
  const w = words[i];
  if (w === "pt" || w === "persero" || (w === "p" && words[i + 1] === "t")) return "pt";
  if (w === "perseroan" && words[i + 1] === "terbatas") return "pt";
  if (w === "cv" || (w === "c" && words[i + 1] === "v")) return "cv";
  if (w === "ud" || w === "yayasan" || w === "koperasi" || w === "firma" || w === "lpk") return w;
  return undefined;
}

/** Folds text to lower-case words of letters and digits ("&" reads as "dan"). */
export function nameWords(text: string): string[] {
  const folded = foldName(text).replace(/&/g, " dan ");
  return (ASCII.test(folded) ? folded.split(/[^a-z0-9]+/) : folded.split(/[^\p{L}\p{N}]+/u)).filter(Boolean);
}

/** True when `words[i]` starts a legal-form word; returns how many words it spans. */
export function legalFormAt(words: readonly string[], i: number): number {
  const w = words[i];
  if (w === undefined) return 0;
  if (w === "p" && words[i + 1] === "t") return 2;
  if (w === "c" && words[i + 1] === "v") return 2;
  if (w === "perseroan" && words[i + 1] === "terbatas") return 2;
  return LEGAL_FORMS.has(w) && w !== "terbatas" && w !== "perseroan" ? 1 : 0;
}

/**
 * A company name as comparable words: case, accents, punctuation and spacing folded,
 * legal-form words removed. "P.T. Contoh-Karya  Sentosa, Tbk" -> ["contoh", "karya", "sentosa"].
 */
export function normalizeName(name: string): string[] {
  const words = nameWords(name);
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    const skip = legalFormAt(words, i);
    if (skip) {
      i += skip;
      continue;
    }
    out.push(words[i]!);
    i++;
  }
  return out;
}

/** The exact-match key of a name: its normalised words joined by one space. */
export function nameKey(name: string): string {
  return normalizeName(name).join(" ");
}
