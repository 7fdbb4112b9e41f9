import { foldWord } from "../nlp/normalize";

const QUESTION_WORDS = new Set(
  (
    "apa apakah apaan ap bagaimana gimana gmn gmna bgmn gmana berapa brp brapa kapan kpn kenapa knp napa " +
    "mengapa siapa dimana dmn mana kemana kmn bisakah bolehkah haruskah perlukah caranya cara gimana " +
    "how what which who whom why when where can could should may is are do does am will"
  ).split(" "),
);
const ASKING_TAIL = new Set([
  "gak",
  "ga",
  "nggak",
  "ngga",
  "tidak",
  "gk",
  "enggak",
  "kah",
  "ya",
  "nggk",
  "ndak",
  "belum",
  "blm",
  "sih",
]);

/** True when a text reads like a question: a question mark, a question word, or a "…, gak?" tail. */
export function looksLikeQuestion(text: string): boolean {
  if (text.includes("?")) return true;
  const ws = [...text.matchAll(/[\p{L}]+/gu)].map((m) => foldWord(m[0]));
  if (ws.some((w) => QUESTION_WORDS.has(w))) return true;
  const last = ws[ws.length - 1];
  return !!last && ws.length >= 3 && ASKING_TAIL.has(last);
}

/** Licence numbers and "PT Something": texts the recruiter check owns. */
export function looksLikeCompany(text: string): boolean {
  return /\bsip\s?[23p]+\s?mi\b/i.test(text) || /(^|[\s(,])p\.?\s?t\.?\s+\p{Lu}/u.test(text);
}
