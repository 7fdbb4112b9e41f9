import { z } from "zod";
import { ContentError } from "../i18n";
import { loadYaml } from "../load-yaml";
import type { RegionList } from "./region-list";
import type { PlaceVocabulary } from "./region-matcher";

const schema = z.object({
  aliases: z.array(z.object({ code: z.string().min(2), names: z.array(z.string().min(2)).min(1) })),
  not_places: z.array(z.string().min(1)).default([]),
  no_fuzzy: z.array(z.string().min(1)).default([]),
});

/** Reads content/places/aliases.yaml; every alias must name a code of the official list. */
export function loadPlaceVocabulary(file: string, regions: RegionList): PlaceVocabulary {
  const data = loadYaml(file, schema);
  data.aliases.forEach((a, i) => {
    if (!regions.get(a.code))
      throw new ContentError(file, `aliases.${i}.code: "${a.code}" is not in the official region list`);
  });
  return { aliases: data.aliases, notPlaces: data.not_places, noFuzzy: data.no_fuzzy };
}
