import { createFuzzyKeys } from "./fuzzy-keys";
import { baseNameWords, GLUE_WORDS, HINT_WORDS, type KindHint, placeWords } from "./place-words";
import type { Region, RegionList } from "./region-list";

/** Short names and word lists from content/places/aliases.yaml. */
export interface PlaceVocabulary {
  aliases: { code: string; names: string[] }[];
  notPlaces: string[];
  noFuzzy: string[];
}

/** What a text names: one region, several to choose from, or none. */
export interface PlaceMatch {
  status: "one" | "ambiguous" | "none";
  region?: Region;
  /** When ambiguous: the regions to choose from (kecamatan shown with their kabupaten/kota). */
  candidates: Region[];
  /** The words of the text that named the place. */
  words?: string;
  /** True when a typo was forgiven. */
  fuzzy?: boolean;
}

/** Finds the place a person names, in a sentence, despite typos, spacing and short names. */
export interface RegionMatcher {
  readonly regions: RegionList;
  match(text: string): PlaceMatch;
}

interface Entry {
  code: string;
  kind?: KindHint;
}

interface Span {
  start: number;
  end: number;
  entries: Entry[];
  distance: number;
  score: number;
}

const NONE: PlaceMatch = { status: "none", candidates: [] };
const MAX_WORDS = 6;
const MIN_KEY = 4;
const MIN_FUZZY_KEY = 6;

const LEVEL_RANK = { province: 0, regency: 1, district: 2, village: 3 } as const;

/** Typos forgiven: one for names of 6–8 letters, two from 9 letters. */
function maxTypos(key: string): number {
  if (key.length < MIN_FUZZY_KEY) return 0;
  return key.length >= 9 ? 2 : 1;
}

export function createRegionMatcher(regions: RegionList, vocabulary: PlaceVocabulary): RegionMatcher {
  const index = new Map<string, Entry[]>();
  const fuzzy = createFuzzyKeys();
  const notPlaces = new Set(vocabulary.notPlaces);
  const noFuzzy = new Set(vocabulary.noFuzzy);
  const aliasKeys = new Set(vocabulary.aliases.flatMap((a) => a.names.map((n) => placeWords(n).join(""))));

  const put = (words: string[], entry: Entry) => {
    const key = words.join("");
    if (key.length < 3) return;
    const list = index.get(key);
    if (list?.some((e) => e.code === entry.code)) return;
    if (list) list.push(entry);
    else {
      index.set(key, [entry]);
      if (key.length >= MIN_FUZZY_KEY) fuzzy.add(key);
    }
  };

  for (const r of regions.all()) {
    const { words, kind } = baseNameWords(r.name);
    put(words, { code: r.code, kind });
    if (kind) put([kind, ...words], { code: r.code, kind });
  }
  for (const a of vocabulary.aliases) {
    const r = regions.get(a.code);
    const kind = r ? baseNameWords(r.name).kind : undefined;
    for (const name of a.names) put(placeWords(name), { code: a.code, kind });
  }

  function spansOf(words: string[]): Span[] {
    const spans: Span[] = [];
    for (let start = 0; start < words.length; start++) {
      if (GLUE_WORDS.has(words[start]!)) continue;
      for (let end = Math.min(words.length, start + MAX_WORDS); end > start; end--) {
        if (GLUE_WORDS.has(words[end - 1]!)) continue;
        const part = words.slice(start, end);
        const key = part.join("");
        const single = part.length === 1;
        if (single && notPlaces.has(key)) continue;
        const exact = index.get(key);
        if (exact && (key.length >= MIN_KEY || aliasKeys.has(key))) {
          spans.push({ start, end, entries: exact, distance: 0, score: key.length + part.length * 0.1 });
          continue;
        }
        if (part.some((w) => noFuzzy.has(w) || HINT_WORDS[w])) continue;
        // A lone word one typo from a place is often an everyday word ("kunjungan" ~ Tunjungan):
        // forgiven only in a short message or right after "di", "dari", "kec"…
        const before = words[start - 1];
        if (single && words.length > 4 && !(before && (GLUE_WORDS.has(before) || HINT_WORDS[before])))
          continue;
        const typos = maxTypos(key);
        if (typos === 0) continue;
        const near = fuzzy.near(key, typos);
        const best = near[0];
        if (!best) continue;
        const entries = near
          .filter((n) => n.distance === best.distance)
          .flatMap((n) => index.get(n.key) ?? []);
        spans.push({ start, end, entries, distance: best.distance, score: key.length - 4 * best.distance });
      }
    }
    return spans;
  }

  /** Keeps what the kind word before the name asks for ("kota", "kab", "kec"). */
  function byHint(entries: Entry[], hint: KindHint | undefined): Entry[] {
    if (!hint) return entries;
    const kept = entries.filter((e) => {
      const level = regions.get(e.code)?.level;
      if (hint === "kabupaten" || hint === "kota") return level === "regency" && e.kind === hint;
      if (hint === "district") return level === "district";
      if (hint === "province") return level === "province";
      return false;
    });
    return kept.length > 0 ? kept : entries;
  }

  /** Prefers the larger region when a kecamatan shares its kabupaten's name (Lahat in Lahat). */
  function byLevel(found: Region[]): Region[] {
    const higher = found.filter((r) => r.level === "province" || r.level === "regency");
    return higher.length > 0 ? higher : found;
  }

  /** Another place in the same text that contains exactly one candidate settles it. */
  function byContext(found: Region[], others: Span[]): Region[] {
    const around = new Set(others.flatMap((s) => s.entries.map((e) => e.code)));
    const inside = found.filter((r) =>
      regions.lineage(r.code).some((a) => a.code !== r.code && around.has(a.code)),
    );
    return inside.length > 0 ? inside : found;
  }

  /** "purwodadi, musi rawas": a kecamatan named beside its kabupaten is the place meant. */
  function narrower(found: Region[], others: Span[]): Region[] {
    const codes = new Set(found.map((r) => r.code));
    const out: Region[] = [];
    for (const s of others) {
      for (const e of s.entries) {
        const r = regions.get(e.code);
        if (r && regions.lineage(r.code).some((a) => a.code !== r.code && codes.has(a.code))) out.push(r);
      }
    }
    return [...new Set(out)];
  }

  return {
    regions,
    match(text) {
      const words = placeWords(text).slice(0, 60);
      if (words.length === 0) return NONE;
      const spans = spansOf(words);
      if (spans.length === 0) return NONE;
      const best = spans.reduce((a, b) => (b.score > a.score ? b : a));
      const hint = best.start > 0 ? HINT_WORDS[words[best.start - 1]!] : undefined;
      const entries = byHint(best.entries, hint);
      const unique = [...new Map(entries.map((e) => [e.code, regions.get(e.code)])).values()].filter(
        (r): r is Region => !!r,
      );
      const others = spans.filter((s) => s.end <= best.start || s.start >= best.end);
      const inner = narrower(unique, others);
      let found = inner.length > 0 ? inner : byLevel(unique);
      if (found.length > 1) found = byContext(found, others);
      found.sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || a.code.localeCompare(b.code));
      const said = words.slice(best.start, best.end).join(" ");
      const fuzzyHit = best.distance > 0;
      if (found.length === 1)
        return { status: "one", region: found[0], candidates: [], words: said, fuzzy: fuzzyHit };
      return { status: "ambiguous", candidates: found, words: said, fuzzy: fuzzyHit };
    },
  };
}
