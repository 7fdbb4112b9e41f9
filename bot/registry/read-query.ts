import type { Lexicon } from "../nlp/lexicon";
import { type LegalForm, legalFormAt, legalFormOf, nameWords } from "./normalize-name";
import { FAMILY, HONORIFIC, PERSON_ROLE, POSSESSIVE, STOP } from "./query-words";

/** A stretch of words that may be a company name. */
export interface NameSegment {
  /** Folded words, legal-form words included. */
  words: string[];
  /** Introduced by a legal form ("PT …", "CV …"): surely meant as a company name. */
  marked: boolean;
  /** The legal form that introduced it. */
  form?: LegalForm;
}

/** What a person's sentence says, as far as the registry check needs it. */
export interface ReadQuery {
  segments: NameSegment[];
  /** Stretches between filler words only (family words and honorifics kept), for exact names. */
  plain: string[][];
  /** Raw word windows that may hold a licence number, longest first. */
  licenseWindows: string[];
  /** The text looks like it gives a licence number (found or not). */
  licenseLike: boolean;
  /** A person is named ("pak Dedi", "sponsor bu Ani"). */
  person: boolean;
  /** Asked for a relative ("anak saya", "istri saya", "my daughter"). */
  family: boolean;
}

const LEGAL_WORD = /^(pt|cv|ud|yayasan|koperasi|firma|lpk|p|t|c|v|perseroan|terbatas)$/;
const LICENSE_WORD = /^(sip3mi|sip2mi|sipppmi|kep)$/;

/** Words that ask rather than name: after "PT" they mean "which company?". */
const QUESTION = new Set([
  "apa",
  "apaan",
  "mana",
  "manakah",
  "yg",
  "yang",
  "mn",
  "which",
  "what",
  "siapa",
  "itu",
  "ini",
  "tsb",
]);

/**
 * "pt apa aman ga", "lewat pt mana yg resmi": a question word right after the legal form
 * asks which company. It is a name only when written with a capital ("PT Apa Saja Jaya")
 * or followed by two more name words ("pt apa sentosa jaya").
 */
function asksWhich(clause: string, words: readonly string[], i: number, lexicon?: Lexicon): boolean {
  const w = words[i]!;
  if (!QUESTION.has(w)) return false;
  if (!new RegExp(`(?:[pP]\\.?\\s?[tT]|[cC]\\.?\\s?[vV]|[lL][pP][kK])\\.?\\s+${w}\\b`).test(clause))
    return false;
  const more = [words[i + 1], words[i + 2]].filter((x) => x !== undefined && !isStop(x, lexicon)).length;
  return more < 2 || isStop(words[i + 1] ?? ".", lexicon);
}

function isStop(word: string, lexicon?: Lexicon): boolean {
  if (STOP.has(word)) return true;
  const norm = lexicon?.get(word);
  if (norm !== undefined && STOP.has(norm)) return true;
  return /\d{3,}/.test(word) || LICENSE_WORD.test(word);
}

function licenseWindows(text: string): string[] {
  const raw = text.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (let len = Math.min(5, raw.length); len >= 1; len--) {
    for (let i = 0; i + len <= raw.length; i++) {
      const win = raw.slice(i, i + len);
      if (!/\d/.test(win.join(""))) continue;
      out.push(win.join(" "));
    }
  }
  return out;
}

/**
 * Splits a sentence into candidate company names. Punctuation and filler words end a
 * name; "PT"/"CV" start one; family phrases and people's names are noted and left out.
 */
export function readQuery(text: string, lexicon?: Lexicon): ReadQuery {
  const cleaned = text
    .replace(/\bp\s?\.\s?t\b\.?/gi, " PT ")
    .replace(/\bc\s?\.\s?v\b\.?/gi, " CV ")
    .replace(/\b(pt|cv|tbk)\./gi, "$1 ");
  const clauses = cleaned.split(/[?!,;:()\n"“”]+|\.(?:\s|$)/);
  const segments: NameSegment[] = [];
  const plain: string[][] = [];
  let person = false;
  let family = false;
  for (const clause of clauses) {
    const words = nameWords(clause);
    let run: string[] = [];
    for (const w of [...words, "."]) {
      if (w === "." || isStop(w, lexicon)) {
        if (run.length > 0) plain.push(run);
        run = [];
      } else run.push(w);
    }
    let current: NameSegment | undefined;
    const close = () => {
      if (current && current.words.length > 0) segments.push(current);
      current = undefined;
    };
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const form = legalFormAt(words, i);
      if (form && w !== "tbk" && w !== "persero") {
        close();
        current = { words: words.slice(i, i + form), marked: true, form: legalFormOf(words, i) };
        i += form - 1;
        continue;
      }
      if (
        current?.marked &&
        current.words.every((x) => LEGAL_WORD.test(x)) &&
        !asksWhich(clause, words, i, lexicon)
      ) {
        // The first word after "PT" belongs to the name, unless it asks ("lwt pt apa aman ga").
        current.words.push(w);
        continue;
      }
      const next = words[i + 1];
      const prev = words[i - 1];
      if (
        FAMILY.has(w) &&
        (POSSESSIVE.has(next ?? "") || POSSESSIVE.has(prev ?? "") || /(ku|nya)$/.test(w))
      ) {
        family = true;
        close();
        continue;
      }
      const named =
        next !== undefined && !isStop(next, lexicon) && !POSSESSIVE.has(next) && !legalFormAt(words, i + 1);
      if (!current?.marked && HONORIFIC.has(w) && named) {
        person = true;
        close();
        while (i + 1 < words.length && !isStop(words[i + 1]!, lexicon) && !legalFormAt(words, i + 1)) i++;
        continue;
      }
      if (PERSON_ROLE.has(w)) person = true;
      if (isStop(w, lexicon)) {
        close();
        continue;
      }
      if (!current) current = { words: [], marked: false };
      current.words.push(w);
    }
    close();
  }
  const licenseLike =
    /\b(sip3mi|sip2mi|sipppmi)\b/i.test(text) || /\d{3,}[\s/.-]+\d{2,}/.test(text) || /\d{6,}/.test(text);
  return { segments, plain, licenseWindows: licenseWindows(text), licenseLike, person, family };
}
