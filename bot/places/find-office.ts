import type { OfficeDirectory } from "./directory";
import type { LatLon } from "./distance";
import { readOfficeQuery } from "./office-query";
import type { Office } from "./office-types";
import type { PlaceMatch } from "./region-matcher";

/** The `find-office` result (CONTRACTS.md). */
export interface FindOfficeResult {
  region: { code: string; name: string } | null;
  candidates: { code: string; name: string }[];
  offices: {
    type: string;
    name: string;
    address?: string;
    phone?: string;
    distanceKm?: number;
    sample?: true;
  }[];
}

/** One office in the contract's shape. */
export function officeSummary(o: Office, distanceKm?: number): FindOfficeResult["offices"][number] {
  return {
    type: o.type,
    name: o.name,
    ...(o.address ? { address: o.address } : {}),
    ...(o.phone ? { phone: o.phone } : {}),
    ...(distanceKm !== undefined ? { distanceKm: Math.round(distanceKm * 10) / 10 } : {}),
    ...(o.sample ? { sample: true as const } : {}),
  };
}

/** Names a region with its kabupaten/kota when it is a kecamatan or village ("Tugumulyo, Kabupaten Musi Rawas"). */
export type RegionNamer = (code: string) => string;

/** Answers a place question: the matched region's offices, or the choices when the name is ambiguous. */
export function findOffice(
  match: PlaceMatch,
  text: string,
  directory: OfficeDirectory,
  name: RegionNamer,
): FindOfficeResult {
  const q = readOfficeQuery(text);
  const candidates = match.candidates.map((c) => ({ code: c.code, name: name(c.code) }));
  if (match.status !== "one" || !match.region) return { region: null, candidates, offices: [] };
  const found = directory.forRegion(match.region.code, { types: q.types, destinations: q.destinations });
  const offices = found ? [...found.local, ...found.elsewhere, ...found.national] : [];
  return {
    region: { code: match.region.code, name: match.region.name },
    candidates: [],
    offices: offices.map((o) => officeSummary(o)),
  };
}

/** The offices nearest a shared location, in the contract's shape. */
export function findNearest(point: LatLon, directory: OfficeDirectory): FindOfficeResult {
  const near = directory.nearest(point);
  return {
    region: null,
    candidates: [],
    offices: near.map((n) => officeSummary(n.office, n.distanceKm)),
  };
}
