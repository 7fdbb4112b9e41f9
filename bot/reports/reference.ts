import { randomInt } from "node:crypto";

/** Reference characters: no 0/O and no 1/I, so a reference read aloud or copied by hand is unambiguous. */
export const REF_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
const PREFIX = "MA-";
const LENGTH = 5;

/** A random source (tests inject one to force collisions). */
export type RandomInt = (max: number) => number;

/**
 * A new reference such as MA-7K3Q9 that `taken` does not know. Generation and the
 * caller's insert happen in the same synchronous turn, so concurrent reports never share one.
 */
export function newReference(taken: (ref: string) => boolean, random: RandomInt = randomInt): string {
  for (let attempt = 0; ; attempt++) {
    const length = LENGTH + Math.floor(attempt / 20);
    let ref = PREFIX;
    for (let i = 0; i < length; i++) ref += REF_ALPHABET[random(REF_ALPHABET.length)];
    if (!taken(ref)) return ref;
  }
}

/** Reads a reference as a person may type it ("ma 7k3q9", "MA7K3Q9"); undefined when it cannot be one. */
export function parseReference(text: string): string | undefined {
  const m = /\bMA[\s-]*([2-9A-HJ-NP-Z]{5,7})\b/i.exec(text);
  if (!m?.[1]) return undefined;
  const body = m[1].toUpperCase();
  return [...body].every((c) => REF_ALPHABET.includes(c)) ? `${PREFIX}${body}` : undefined;
}
