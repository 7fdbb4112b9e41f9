import type { RegistryData } from "./types";

/** What every answer says about the registry it came from. */
export interface RegistryInfo {
  sample: boolean;
  /** The source most rows name (plus "+N" when rows name others). */
  source: string;
  /** The newest `checked_on` date in the registry. */
  updatedAt: string;
  importedAt: string;
  file: string;
  size: number;
}

/** Sums up a loaded registry: its main source and last-updated date. */
export function registryInfo(data: RegistryData): RegistryInfo {
  const counts = new Map<string, number>();
  let updatedAt = "";
  for (const r of data.records) {
    counts.set(r.source, (counts.get(r.source) ?? 0) + 1);
    if (r.checkedOn > updatedAt) updatedAt = r.checkedOn;
  }
  const sources = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const main = sources[0]?.[0] ?? "";
  const source = sources.length > 1 ? `${main} (+${sources.length - 1})` : main;
  return {
    sample: data.sample,
    source,
    updatedAt,
    importedAt: data.importedAt,
    file: data.file,
    size: data.records.length,
  };
}
