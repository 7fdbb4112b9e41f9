import { distanceKm, type LatLon } from "./distance";
import { NATIONWIDE, OFFICE_TYPES, type Office, type OfficeType } from "./office-types";
import type { Region, RegionList } from "./region-list";

/** Offices for one region, from the most local to the national contact. */
export interface RegionOffices {
  region: Region;
  /** Offices that serve the region or a region it lies in (kabupaten, province), most local first. */
  local: Office[];
  /** When the kinds asked for have no local office: offices of those kinds elsewhere in the province. */
  elsewhere: Office[];
  /** The ministry's national contact, always given. */
  national: Office[];
  /** True when no real (non-sample) office serves the region or its kabupaten/kota. */
  noLocalOffice: boolean;
}

/** An office and how far it is, in kilometres, from a shared location. */
export interface NearOffice {
  office: Office;
  distanceKm: number;
}

/** Looks offices up by region code or by distance. Knows nothing of conversations. */
export interface OfficeDirectory {
  readonly offices: readonly Office[];
  forRegion(
    code: string,
    options?: { types?: OfficeType[]; destinations?: string[] },
  ): RegionOffices | undefined;
  /** Offices with building coordinates, closest first, within `maxKm`. */
  nearest(point: LatLon, options?: { limit?: number; maxKm?: number }): NearOffice[];
}

const TYPE_RANK = new Map(OFFICE_TYPES.map((t, i) => [t, i]));

/** How deep a served code is: 3 for a kecamatan, 1 for a province. */
const depth = (code: string) => code.split(".").length;

export function createOfficeDirectory(offices: readonly Office[], regions: RegionList): OfficeDirectory {
  const national = offices.filter((o) => o.serves.includes(NATIONWIDE));
  const placed = offices.filter((o) => !o.serves.includes(NATIONWIDE));

  /** The most specific code of `lineage` an office serves (0 when none). */
  const reach = (o: Office, lineage: Set<string>) =>
    Math.max(0, ...o.serves.filter((c) => lineage.has(c)).map(depth));

  function order(list: Office[], score: (o: Office) => number, destinations: string[]): Office[] {
    const fits = (o: Office) => (destinations.some((d) => o.destinations.includes(d)) ? 1 : 0);
    return [...list].sort(
      (a, b) =>
        fits(b) - fits(a) ||
        score(b) - score(a) ||
        (TYPE_RANK.get(a.type) ?? 99) - (TYPE_RANK.get(b.type) ?? 99) ||
        Number(a.sample) - Number(b.sample) ||
        a.name.localeCompare(b.name),
    );
  }

  return {
    offices,
    forRegion(code, options = {}) {
      const region = regions.get(code);
      if (!region) return undefined;
      const lineage = new Set(regions.lineage(code).map((r) => r.code));
      const province = [...lineage].find((c) => depth(c) === 1);
      const types = options.types ?? [];
      const destinations = options.destinations ?? [];
      const serving = placed.filter((o) => reach(o, lineage) > 0);
      const wanted = types.length > 0 ? serving.filter((o) => types.includes(o.type)) : serving;
      let elsewhere: Office[] = [];
      if (types.length > 0 && wanted.length === 0 && province) {
        elsewhere = order(
          placed.filter((o) => types.includes(o.type) && o.serves.some((c) => c.split(".")[0] === province)),
          () => 0,
          destinations,
        );
      }
      const local = types.length > 0 && wanted.length > 0 ? wanted : serving;
      return {
        region,
        local: order(local, (o) => reach(o, lineage), destinations),
        elsewhere,
        national,
        noLocalOffice: !serving.some((o) => !o.sample && reach(o, lineage) >= 2),
      };
    },
    nearest(point, { limit = 3, maxKm = 300 } = {}) {
      return placed
        .filter((o) => o.location)
        .map((office) => ({ office, distanceKm: distanceKm(point, office.location!) }))
        .filter((n) => n.distanceKm <= maxKm)
        .sort((a, b) => a.distanceKm - b.distanceKm)
        .slice(0, limit);
    },
  };
}
