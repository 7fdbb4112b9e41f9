import { HINT_WORDS, placeWords } from "./place-words";
import type { Region } from "./region-list";
import type { PlaceMatch } from "./region-matcher";

/** Finds a desa/kelurahan named after "desa", "kel", "kelurahan", "dusun" or "kampung". */
export interface VillageMatcher {
  match(text: string): PlaceMatch;
}

const MAX_WORDS = 4;

/** Exact names only: 83,762 villages share many names, so typos would guess. */
export function createVillageMatcher(villages: Region[]): VillageMatcher {
  const index = new Map<string, Region[]>();
  for (const v of villages) {
    const key = placeWords(v.name).join("");
    const list = index.get(key);
    if (list) list.push(v);
    else index.set(key, [v]);
  }
  return {
    match(text) {
      const words = placeWords(text).slice(0, 60);
      for (let i = 0; i < words.length - 1; i++) {
        if (HINT_WORDS[words[i]!] !== "village") continue;
        for (let end = Math.min(words.length, i + 1 + MAX_WORDS); end > i + 1; end--) {
          const found = index.get(words.slice(i + 1, end).join(""));
          if (!found) continue;
          const said = words.slice(i + 1, end).join(" ");
          if (found.length === 1) return { status: "one", region: found[0], candidates: [], words: said };
          return { status: "ambiguous", candidates: found, words: said };
        }
      }
      return { status: "none", candidates: [] };
    },
  };
}
