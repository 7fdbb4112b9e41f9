import type { Services } from "../services";
import type { SubscriberRegion } from "./types";

/** What a typed place name matched: one region, several to choose from, or none. */
export interface RegionLookupResult {
  status: "one" | "ambiguous" | "none";
  region?: SubscriberRegion;
  candidates: SubscriberRegion[];
}

export type RegionLookup = (text: string) => RegionLookupResult;

interface PlaceLike {
  code: string;
  name: string;
  level?: string;
}
interface PlacesLike {
  matchPlace(text: string): {
    status: "one" | "ambiguous" | "none";
    region?: PlaceLike;
    candidates: PlaceLike[];
  };
}

const plain = (r: PlaceLike): SubscriberRegion => ({ code: r.code, name: r.name });

/**
 * The seam to the official region list. With the places capability (issue 16: idn-area-data,
 * typos and aliases such as "LLG" or "Muratara") it matches there; without it the place is kept
 * as typed, without a code, so a subscription never fails for want of the list.
 */
export function regionLookup(services: Services): RegionLookup {
  const places = (services as unknown as { places?: PlacesLike }).places;
  if (places && typeof places.matchPlace === "function") {
    return (text) => {
      const m = places.matchPlace(text);
      return {
        status: m.status,
        region: m.region ? plain(m.region) : undefined,
        candidates: m.candidates.slice(0, 8).map(plain),
      };
    };
  }
  return (text) => {
    const name = text.replace(/\s+/g, " ").trim().slice(0, 60);
    return name.length >= 3
      ? { status: "one", region: { name }, candidates: [] }
      : { status: "none", candidates: [] };
  };
}
