import type { PeopleRepository } from "../store/repositories";
import { DESTINATIONS, SECTORS } from "./types";

/** Cells below this many people are shown as "<5", so nobody can be singled out. */
export const MIN_CELL = 5;

export interface InterestTable {
  /** Row labels: regions (kabupaten/kota or kecamatan as given; "" when not given). */
  regions: string[];
  columns: readonly string[];
  /** counts[region][column] */
  counts: Record<string, Record<string, number>>;
}

export interface InterestMap {
  subscribers: number;
  /** Subscribers per region (each person once). */
  perRegion: Record<string, number>;
  byDestination: InterestTable;
  bySector: InterestTable;
}

/** Subscriber counts by region × destination and region × sector. No personal data. */
export async function interestMap(people: PeopleRepository): Promise<InterestMap> {
  const dest: InterestTable = { regions: [], columns: DESTINATIONS, counts: {} };
  const sect: InterestTable = { regions: [], columns: SECTORS, counts: {} };
  let subscribers = 0;
  const perRegion: Record<string, number> = {};
  const add = (t: InterestTable, region: string, col: string) => {
    const row = t.counts[region] ?? {};
    t.counts[region] = row;
    row[col] = (row[col] ?? 0) + 1;
  };
  for (const u of await people.subscribers()) {
    const s = u.subscription;
    if (!s || !u.consent.subscriptions) continue;
    subscribers++;
    const region = s.region.name;
    perRegion[region] = (perRegion[region] ?? 0) + 1;
    for (const d of s.destinations) add(dest, region, d);
    for (const x of s.sectors) add(sect, region, x);
  }
  for (const t of [dest, sect]) t.regions = Object.keys(t.counts).sort((a, b) => a.localeCompare(b));
  return { subscribers, perRegion, byDestination: dest, bySector: sect };
}

/** A count as published: "0", "<5" or the number. */
export function shown(n: number | undefined): string {
  if (!n) return "0";
  return n < MIN_CELL ? `<${MIN_CELL}` : String(n);
}

function csvCell(s: string): string {
  return /[",\n\r]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The table as CSV (region, then one column each), small cells as "<5". */
export function interestCsv(table: InterestTable, regionLabel: (r: string) => string): string {
  const lines = [["region", ...table.columns].join(",")];
  for (const r of table.regions) {
    lines.push([csvCell(regionLabel(r)), ...table.columns.map((c) => shown(table.counts[r]?.[c]))].join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** Counts per single dimension for the API, small counts as "<5". */
export function interestStats(map: InterestMap) {
  const small = (out: Record<string, number>) =>
    Object.fromEntries(Object.entries(out).map(([k, n]) => [k || "-", n < MIN_CELL ? `<${MIN_CELL}` : n]));
  const columns = (t: InterestTable) => {
    const out: Record<string, number> = {};
    for (const r of t.regions)
      for (const [c, n] of Object.entries(t.counts[r] ?? {})) out[c] = (out[c] ?? 0) + n;
    return small(out);
  };
  return {
    subscribers: map.subscribers,
    byRegion: small(map.perRegion),
    byDestination: columns(map.byDestination),
    bySector: columns(map.bySector),
  };
}
