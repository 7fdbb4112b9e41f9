import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { ContentError } from "../i18n";

/** Administrative levels of the official list (Kemendagri codes). */
export type RegionLevel = "province" | "regency" | "district" | "village";

/**
 * One region of the official list: `16` a province, `16.73` a kabupaten/kota, `16.73.01` a
 * kecamatan, `16.73.01.1001` a desa/kelurahan. Names are as published ("Kota Lubuk Linggau").
 */
export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  /** The code of the region it lies in; absent for provinces. */
  parent?: string;
}

/** Provinces, kabupaten/kota and kecamatan, by code (villages load apart, on demand). */
export interface RegionList {
  get(code: string): Region | undefined;
  all(): readonly Region[];
  children(code: string): Region[];
  /** The region and every region it lies in, nearest first. */
  lineage(code: string): Region[];
}

/** Where the pinned idn-area-data package keeps its CSV files. */
export function areaDataDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("idn-area-data")), "..", "data");
}

/** The level of a dotted code: 1 part province, 2 regency, 3 district, 4 village. */
export function levelOf(code: string): RegionLevel | undefined {
  return (["province", "regency", "district", "village"] as const)[code.split(".").length - 1];
}

const CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

/** True for a code shaped like the official list's (`16`, `16.73`, `16.73.01`, `16.73.01.1001`). */
export function isRegionCode(code: string): boolean {
  return CODE.test(code);
}

/** Splits one CSV line (RFC 4180 quoting, "" for a quote inside quotes). */
function splitCsvLine(line: string): string[] {
  if (!line.includes('"')) return line.split(",");
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (line[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      out.push(field);
      field = "";
    } else field += c;
  }
  if (quoted) throw new Error("a quoted field is not closed");
  out.push(field);
  return out;
}

/**
 * Parses the package's CSV files (a header row; no field spans lines). Hand-written because
 * it runs at every start-up: csv-parse takes several times longer on the 7,285 kecamatan.
 */
export function parseSimpleCsv(text: string): Record<string, string>[] {
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r?\n/).filter((l) => l !== "");
  const [first, ...body] = lines;
  if (!first) return [];
  const header = splitCsvLine(first);
  return body.map((line, n) => {
    try {
      const fields = splitCsvLine(line);
      return Object.fromEntries(header.map((h, i) => [h, fields[i] ?? ""]));
    } catch (err) {
      throw new Error(`line ${n + 2}: ${(err as Error).message}`);
    }
  });
}

/** Reads one of the package's CSV files into regions of one level. */
export function readAreaCsv(file: string, level: RegionLevel): Region[] {
  let rows: Record<string, string>[];
  try {
    rows = parseSimpleCsv(readFileSync(file, "utf8"));
  } catch (err) {
    throw new ContentError(file, `cannot read the official region list (${(err as Error).message})`);
  }
  const parentColumn = {
    province: "",
    regency: "province_code",
    district: "regency_code",
    village: "district_code",
  }[level];
  return rows.map((r, i) => {
    const code = r.code ?? "";
    const name = (r.name ?? "").trim();
    if (!isRegionCode(code) || levelOf(code) !== level || !name) {
      throw new ContentError(file, `row ${i + 2}: not a ${level} code and name`);
    }
    const parent = parentColumn ? r[parentColumn] : undefined;
    return parent ? { code, name, level, parent } : { code, name, level };
  });
}

/** Builds a region list from regions of any levels. */
export function createRegionList(regions: Region[]): RegionList {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const kids = new Map<string, Region[]>();
  for (const r of regions) {
    if (!r.parent) continue;
    const list = kids.get(r.parent) ?? [];
    list.push(r);
    kids.set(r.parent, list);
  }
  return {
    get: (code) => byCode.get(code),
    all: () => regions,
    children: (code) => kids.get(code) ?? [],
    lineage(code) {
      const out: Region[] = [];
      for (let r = byCode.get(code); r; r = r.parent ? byCode.get(r.parent) : undefined) out.push(r);
      return out;
    },
  };
}

/**
 * Loads provinces, kabupaten/kota and kecamatan from idn-area-data 4.0.1 (Kepmendagri
 * 300.2.2-2138 Tahun 2025; data under the ODbL). Synchronous, so start-up fails at once
 * with the file named when the package is missing or changed. Read once per process.
 */
export function loadRegionList(dir = areaDataDir()): RegionList {
  let list = loaded.get(dir);
  if (!list) {
    list = createRegionList([
      ...readAreaCsv(join(dir, "provinces.csv"), "province"),
      ...readAreaCsv(join(dir, "regencies.csv"), "regency"),
      ...readAreaCsv(join(dir, "districts.csv"), "district"),
    ]);
    loaded.set(dir, list);
  }
  return list;
}

/** Loads the villages (desa/kelurahan, 83,762 rows) of the same package; slower, so on demand. */
export function loadVillages(dir = areaDataDir()): Region[] {
  return readAreaCsv(join(dir, "villages.csv"), "village");
}

/** The package's files never change while a process runs: each folder is read once. */
const loaded = new Map<string, RegionList>();
