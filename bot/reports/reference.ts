import { createHash, randomInt, timingSafeEqual } from "node:crypto";

/**
 * Reference characters: no 0/O, no 1/I/L, so a reference read aloud or copied by hand is
 * unambiguous (CONTRACTS.md). 31 characters: eight of them are about 40 bits.
 */
export const REF_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/** Older references (five characters) also used L; they are still read back. */
const OLD_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
const PREFIX = "MA-";
const LENGTH = 8;
const SECRET_LENGTH = 8;

/** A random source (tests inject one to force collisions). */
export type RandomInt = (max: number) => number;

function draw(length: number, random: RandomInt): string {
  let out = "";
  for (let i = 0; i < length; i++) out += REF_ALPHABET[random(REF_ALPHABET.length)];
  return out;
}

/**
 * A new reference such as MA-7K3Q9XPM that `taken` does not know. Generation and the
 * caller's insert happen in the same synchronous turn, so concurrent reports never share one.
 */
export function newReference(taken: (ref: string) => boolean, random: RandomInt = randomInt): string {
  for (let attempt = 0; ; attempt++) {
    const ref = candidate(attempt, random);
    if (!taken(ref)) return ref;
  }
}

/** `newReference` against a repository: `taken` asks the store. */
export async function freeReference(
  taken: (ref: string) => Promise<boolean>,
  random: RandomInt = randomInt,
): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const ref = candidate(attempt, random);
    if (!(await taken(ref))) return ref;
  }
}

/** The attempt-th reference to try: longer after every 20 taken ones. */
function candidate(attempt: number, random: RandomInt): string {
  return PREFIX + draw(LENGTH + Math.floor(attempt / 20), random);
}

/** Reads a reference as a person may type it ("ma 7k3q9xpm", "MA7K3Q9XPM"); undefined when it cannot be one. */
export function parseReference(text: string): string | undefined {
  const m = /\bMA[\s-]*([2-9A-HJ-NP-Z]{5,12})\b/i.exec(text);
  if (!m?.[1]) return undefined;
  const body = m[1].toUpperCase();
  // Without a digit, only "MA-…" or "MA …" is a reference: "masalah" is a word, not MA-SALAH.
  if (!/\d/.test(body) && !/^ma[\s-]/i.test(m[0])) return undefined;
  // Five to seven characters: an older reference, whose alphabet still had L.
  const alphabet = body.length < LENGTH ? OLD_ALPHABET : REF_ALPHABET;
  return [...body].every((c) => alphabet.includes(c)) ? `${PREFIX}${body}` : undefined;
}

/** A secret shown once to the reporter, such as 7KQ4-9XPM: with the reference it opens the status anywhere. */
export function newSecret(random: RandomInt = randomInt): string {
  const s = draw(SECRET_LENGTH, random);
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

/** The secret typed after a reference ("MA-7K3Q9XPM 7kq4 9xpm"), normalised, if there is one. */
export function parseSecret(text: string): string | undefined {
  const m =
    /\bMA[\s-]*[2-9A-HJ-NP-Z]{5,12}\b[\s,:;.-]*(?:kode|code)?[\s:]*([2-9A-HJ-NP-Z]{4})[\s-]?([2-9A-HJ-NP-Z]{4})\b/i.exec(
      text,
    );
  if (!m?.[1] || !m[2]) return undefined;
  return `${m[1]}-${m[2]}`.toUpperCase();
}

/** What is stored instead of the secret: a hash bound to its reference. */
export function hashSecret(ref: string, secret: string): string {
  return createHash("sha256").update(`${ref}\u0000${secret.toUpperCase()}`).digest("hex");
}

/** True when `secret` is the one whose hash was stored for `ref` (constant-time comparison). */
export function secretMatches(ref: string, secret: string, stored: string | undefined): boolean {
  if (!stored) return false;
  const a = Buffer.from(hashSecret(ref, secret), "hex");
  const b = Buffer.from(stored, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
