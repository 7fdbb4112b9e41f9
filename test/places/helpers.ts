import { join } from "node:path";
import { CONTENT_DIR } from "../../bot/paths";
import { loadRegionList } from "../../bot/places/region-list";
import { createRegionMatcher, type RegionMatcher } from "../../bot/places/region-matcher";
import { loadPlaceVocabulary } from "../../bot/places/vocabulary";

let matcher: RegionMatcher | undefined;

/** The real matcher on the real region list and aliases (built once per test file). */
export function realMatcher(): RegionMatcher {
  if (!matcher) {
    const regions = loadRegionList();
    matcher = createRegionMatcher(
      regions,
      loadPlaceVocabulary(join(CONTENT_DIR, "places", "aliases.yaml"), regions),
    );
  }
  return matcher;
}

/** The code a text is matched to, "ambiguous", or "none". */
export function codeOf(text: string): string {
  const m = realMatcher().match(text);
  return m.status === "one" ? m.region!.code : m.status;
}
