import { editDistance } from "../registry/edit-distance";

/**
 * Finds stored keys within a small edit distance of a query without comparing against
 * every key: each key is indexed under itself and every string one deletion away
 * (a symmetric-delete index); a query looks up itself and its own deletions, then each
 * hit is verified with the real distance.
 */
export interface FuzzyKeys {
  add(key: string): void;
  /** Keys within `max` edits (insert, delete, substitute, swap neighbours), closest first. */
  near(query: string, max: number): { key: string; distance: number }[];
}

function deletions(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.slice(0, i) + s.slice(i + 1));
  return out;
}

export function createFuzzyKeys(): FuzzyKeys {
  const index = new Map<string, string[]>();
  const put = (variant: string, key: string) => {
    const list = index.get(variant);
    if (!list) index.set(variant, [key]);
    else if (!list.includes(key)) list.push(key);
  };
  return {
    add(key) {
      put(key, key);
      for (const d of deletions(key)) put(d, key);
    },
    near(query, max) {
      const seen = new Set<string>();
      const found: { key: string; distance: number }[] = [];
      for (const variant of [query, ...deletions(query)]) {
        for (const key of index.get(variant) ?? []) {
          if (seen.has(key)) continue;
          seen.add(key);
          const distance = editDistance(query, key, max);
          if (distance <= max) found.push({ key, distance });
        }
      }
      return found.sort((a, b) => a.distance - b.distance);
    },
  };
}
