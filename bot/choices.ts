import type { Choice } from "./model";
import { foldWord } from "./nlp/normalize";

const fold = (s: string) =>
  foldWord(s)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/**
 * Resolves typed text against the choices offered last: its number ("2", "2."),
 * or its label, case and punctuation aside. Returns the choice id, if any.
 */
export function resolveChoice(text: string, offered: readonly Choice[] | undefined): string | undefined {
  if (!offered?.length) return undefined;
  const n = /^\s*(\d{1,2})\s*[.)]?\s*$/.exec(text);
  if (n) return offered[Number(n[1]) - 1]?.id;
  const key = fold(text);
  if (!key) return undefined;
  return offered.find((c) => fold(c.label) === key)?.id;
}
