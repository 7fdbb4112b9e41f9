/**
 * A small dictionary-guided stemmer for Indonesian and English. It proposes root
 * candidates by stripping particles, possessives, suffixes and prefixes (with the
 * usual nasal restorations: meny- → s, mem- → p, men- → t, meng- → k) and keeps the
 * first candidate that a known vocabulary holds. Without a vocabulary hit the word
 * stays as it is, so unknown words are never mangled.
 */

const PARTICLES = ["nya", "lah", "kah", "pun", "ku", "mu"];
const SUFFIXES = ["kan", "an", "in", "i"];
const EN_SUFFIXES: [string, string][] = [
  ["ies", "y"],
  ["es", ""],
  ["s", ""],
  ["ing", ""],
  ["ing", "e"],
  ["ed", ""],
  ["ed", "e"],
  ["ly", ""],
  ["ation", "e"],
  ["ation", ""],
];

function prefixStrips(word: string): string[] {
  const out: string[] = [];
  const add = (w: string) => {
    if (w.length >= 3) out.push(w);
  };
  const vowel = (c: string | undefined) => !!c && "aiueo".includes(c);
  for (const p of ["di", "ke", "se", "ter", "ber", "be", "bel", "per", "memper", "diper"]) {
    if (word.startsWith(p)) add(word.slice(p.length));
  }
  for (const [nasal, restore] of [
    ["meny", "s"],
    ["peny", "s"],
    ["mem", "p"],
    ["pem", "p"],
    ["men", "t"],
    ["pen", "t"],
    ["meng", "k"],
    ["peng", "k"],
  ] as const) {
    if (!word.startsWith(nasal)) continue;
    const rest = word.slice(nasal.length);
    if (vowel(rest[0])) add(restore + rest);
    add(rest);
  }
  for (const p of ["me", "pe", "ng", "ny"]) {
    if (word.startsWith(p)) add(word.slice(p.length));
  }
  if (word.startsWith("ny") && vowel(word[2])) add(`s${word.slice(2)}`);
  return out;
}

/** Root candidates for a word, least stripped first (the word itself is not included). */
export function stemCandidates(word: string): string[] {
  const seen = new Set<string>([word]);
  const out: string[] = [];
  const add = (w: string) => {
    if (w.length >= 3 && !seen.has(w)) {
      seen.add(w);
      out.push(w);
    }
  };
  if (word.length < 4 || /\d/.test(word)) return out;
  const bases = [word];
  for (const p of PARTICLES) if (word.endsWith(p)) bases.push(word.slice(0, -p.length));
  for (const b of [...bases]) add(b);
  const suffixed = [...bases];
  for (const b of bases) {
    for (const s of SUFFIXES) if (b.endsWith(s)) suffixed.push(b.slice(0, -s.length));
  }
  for (const b of suffixed) add(b);
  for (const b of suffixed) {
    for (const p of prefixStrips(b)) {
      add(p);
      for (const q of prefixStrips(p)) add(q);
    }
  }
  for (const [s, r] of EN_SUFFIXES) {
    const base = word.slice(0, -s.length) + r;
    if (word.endsWith(s) && base.length >= 4) add(base);
  }
  return out;
}

/** A stemmer bound to a vocabulary of known words (content words and roots). */
export type Stemmer = (word: string) => string;

/**
 * Builds a stemmer over `vocabulary`: a known word maps to its shortest known root
 * reachable by stripping; an unknown word maps to its first known candidate, else itself.
 * Results are memoised per instance.
 */
export function createStemmer(vocabulary: Iterable<string>): Stemmer {
  const known = new Set(vocabulary);
  const memo = new Map<string, string>();
  const rootOf = (word: string, depth: number): string => {
    const hit = memo.get(word);
    if (hit !== undefined) return hit;
    let root = word;
    if (depth < 3) {
      const c = stemCandidates(word).find((x) => known.has(x));
      if (c) root = rootOf(c, depth + 1);
    }
    memo.set(word, root);
    return root;
  };
  return (word) => rootOf(word, 0);
}
