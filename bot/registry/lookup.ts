import type { Lexicon } from "../nlp/lexicon";
import type { Matcher, NearMatch } from "./matcher";
import { type LegalForm, normalizeName } from "./normalize-name";
import { withoutPlace } from "./place-words";
import { readQuery } from "./read-query";
import type { RegistryRecord, VerifyStatus } from "./types";

/** What a lookup found, before it is put into words. */
export interface Lookup {
  status: VerifyStatus;
  match?: RegistryRecord;
  /** Near names (ambiguous), best first. */
  candidates: RegistryRecord[];
  /** Other names that look like the exact match: scammers borrow them. */
  similar: RegistryRecord[];
  person: boolean;
  family: boolean;
  /** The name as read from the text (for warnings), if any. */
  asked?: string;
  /** A licence number was given that the registry does not hold. */
  unknownLicense: boolean;
  /** The name and the licence number given belong to different records. */
  mismatch: boolean;
  /**
   * The name was given as a CV, UD, Yayasan, Koperasi or Firma: never a P3MI (only a PT can
   * be one), even when its words are a licensed PT's, which is then in `similar`.
   */
  otherForm?: Exclude<LegalForm, "pt">;
  /** Words after the name read as a place ("bekasi" in "PT … bekasi"), when that made the match. */
  place?: string;
}

const MAX_CANDIDATES = 5;

/** Exact matches for a name, or for the name without the place said after it ("… bekasi"). */
function exactOrPlace(matcher: Matcher, words: readonly string[], places?: string[]): RegistryRecord[] {
  const found = matcher.exactName(words);
  if (found.length > 0) return found;
  const name = withoutPlace(words);
  const byPlace = name ? matcher.exactName(name) : [];
  if (name && byPlace.length > 0) places?.push(words.slice(name.length).join(" "));
  return byPlace;
}
const LICENSE_HINT = /\bsip\s?[23p]+\s?mi\b|\b(no|nomor|nomer|izin|ijin|license|licence)\b\D{0,15}\d{3,}/i;

/**
 * Safety first: licensed, suspended or revoked only for an exact normalised name or
 * licence number; anything merely close is `ambiguous`; nothing close is `not-found`.
 */
export function lookup(matcher: Matcher, text: string, lexicon?: Lexicon): Lookup {
  const q = readQuery(text, lexicon);
  const base = { person: q.person, family: q.family, similar: [], unknownLicense: false, mismatch: false };
  let byLicense: RegistryRecord | undefined;
  for (const win of q.licenseWindows) {
    byLicense = matcher.byLicense(win);
    if (byLicense) break;
  }
  const unknownLicense = !byLicense && LICENSE_HINT.test(text);

  const marked = q.segments.filter((s) => s.marked && normalizeName(s.words.join(" ")).length > 0);
  const pool = marked.length > 0 ? marked : q.segments;
  const read = pool
    .map((s) => ({ words: normalizeName(s.words.join(" ")), form: s.form }))
    .filter(({ words: w }) => w.length > 0 && (w.length > 1 || marked.length > 0 || pool.length === 1));
  // Only a PT can be a P3MI: a CV, UD, Yayasan or Koperasi is never the PT with its words.
  const other = read.filter((n) => n.form && n.form !== "pt");
  const names = read.filter((n) => !n.form || n.form === "pt").map((n) => n.words);
  const asked = (names[0] ?? other[0]?.words)?.join(" ");
  if (names.length === 0 && other.length > 0 && !byLicense) {
    const similar = other.flatMap((n) => [
      ...exactOrPlace(matcher, n.words),
      ...matcher.near(n.words, 3).map((m) => m.record),
    ]);
    const unique = [...new Map(similar.map((r) => [r.license, r])).values()].slice(0, 3);
    const form = other[0]!.form as Exclude<LegalForm, "pt">;
    return {
      ...base,
      status: "not-found",
      candidates: [],
      similar: unique,
      asked,
      unknownLicense,
      otherForm: form,
    };
  }

  const exact = new Map<string, RegistryRecord>();
  const places: string[] = [];
  for (const words of names) for (const r of exactOrPlace(matcher, words, places)) exact.set(r.license, r);
  const place = places[0];
  if (exact.size === 0 && marked.length === 0) {
    // A name may itself hold a family word or an honorific ("Karya Anak Bangsa", "Mas …").
    for (const s of q.plain)
      for (const r of matcher.exactName(normalizeName(s.join(" ")))) exact.set(r.license, r);
  }

  if (exact.size > 0) {
    if (byLicense && !exact.has(byLicense.license)) {
      return {
        ...base,
        status: "ambiguous",
        candidates: [...exact.values(), byLicense],
        asked,
        mismatch: true,
      };
    }
    if (exact.size > 1 || unknownLicense) {
      return { ...base, status: "ambiguous", candidates: [...exact.values()], asked, unknownLicense };
    }
    const match = [...exact.values()][0]!;
    const similar = names
      .flatMap((w) => matcher.near(w, 4))
      .map((m) => m.record)
      .filter((r) => r.license !== match.license)
      .slice(0, 3);
    return { ...base, status: match.status, match, candidates: [], similar, asked, place };
  }
  if (byLicense) return { ...base, status: byLicense.status, match: byLicense, candidates: [], asked };

  const best = new Map<string, NearMatch>();
  for (const words of names) {
    for (const m of matcher.near(words, MAX_CANDIDATES)) {
      const had = best.get(m.record.license);
      if (!had || had.score < m.score) best.set(m.record.license, m);
    }
  }
  const candidates = [...best.values()]
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_CANDIDATES)
    .map((m) => m.record);
  if (candidates.length > 0) return { ...base, status: "ambiguous", candidates, asked, unknownLicense };
  return { ...base, status: "not-found", candidates: [], asked, unknownLicense };
}
