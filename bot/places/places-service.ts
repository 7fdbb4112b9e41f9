import { join } from "node:path";
import { createOfficeDirectory, type OfficeDirectory } from "./directory";
import {
  loadOfficesContent,
  type OfficeDirectoryData,
  officesPath,
  officesStamp,
  readImportedOffices,
} from "./office-file";
import type { ProgrammeRepository } from "./programme-repository";
import { loadRegionList, loadVillages, type RegionList } from "./region-list";
import { createRegionMatcher, type PlaceMatch, type RegionMatcher } from "./region-matcher";
import { createVillageMatcher, type VillageMatcher } from "./village-matcher";
import { loadPlaceVocabulary } from "./vocabulary";

/** Places: the official region list, the office directory and training programmes. */
export interface PlacesService {
  readonly regions: RegionList;
  /** The region matcher (built on first use: about 0.2 s). Reused by subscriptions. */
  matcher(): RegionMatcher;
  /** The place a text names: province, kabupaten/kota or kecamatan, or a village after "desa"/"kel". */
  matchPlace(text: string): PlaceMatch;
  /** The current directory: DATA_DIR/offices.json when imported, else content/places/offices.yaml. */
  directory(): { directory: OfficeDirectory; data: OfficeDirectoryData };
  programmes: ProgrammeRepository;
}

export interface PlacesOptions {
  contentDir: string;
  dataDir: string;
  /** Training programmes and interest registrations (`repos.programmes`). */
  programmes: ProgrammeRepository;
  /** Another folder of idn-area-data CSV files (tests). */
  areaDataDir?: string;
}

/** Loads and checks the content at once (start-up fails on a bad file); heavy indexes wait for use. */
export function createPlacesService(options: PlacesOptions): PlacesService {
  const regions = loadRegionList(options.areaDataDir);
  const vocabulary = loadPlaceVocabulary(join(options.contentDir, "places", "aliases.yaml"), regions);
  const shipped = loadOfficesContent(join(options.contentDir, "places", "offices.yaml"), regions);
  const importedFile = officesPath(options.dataDir);
  let matcher: RegionMatcher | undefined;
  let villages: VillageMatcher | undefined;
  let current:
    | { stamp: string | undefined; directory: OfficeDirectory; data: OfficeDirectoryData }
    | undefined;

  const getMatcher = () => {
    matcher ??= createRegionMatcher(regions, vocabulary);
    return matcher;
  };

  return {
    regions,
    matcher: getMatcher,
    matchPlace(text) {
      if (/\b(desa|ds|kelurahan|kel|dusun|kampung)\b/i.test(text)) {
        villages ??= createVillageMatcher(loadVillages(options.areaDataDir));
        const v = villages.match(text);
        if (v.status !== "none") return v;
      }
      return getMatcher().match(text);
    },
    directory() {
      const stamp = officesStamp(importedFile);
      if (!current || current.stamp !== stamp) {
        const data = (stamp && readImportedOffices(importedFile)) || shipped;
        current = { stamp, data, directory: createOfficeDirectory(data.offices, regions) };
      }
      return { directory: current.directory, data: current.data };
    },
    programmes: options.programmes,
  };
}
