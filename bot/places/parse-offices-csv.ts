import { parse } from "csv-parse/sync";
import { isLatLon } from "./distance";
import { officeProblems } from "./office-file";
import { type Office, officeSchema } from "./office-types";
import type { RegionList } from "./region-list";

/** The CSV header of `import-offices` (README and content/places/README.md). */
export const OFFICE_COLUMNS = [
  "id",
  "type",
  "name",
  "serves",
  "address",
  "phone",
  "hours",
  "lat",
  "lon",
  "services",
  "destinations",
  "sectors",
  "how_to_find",
  "source",
  "checked_on",
  "sample",
] as const;
const REQUIRED = ["id", "type", "name", "serves", "source", "checked_on"] as const;

export interface RejectedOffice {
  line: number;
  reason: string;
}

/** What reading an offices CSV produced; `fatal` means the file is unusable and nothing changes. */
export interface OfficesCsvReport {
  rowsRead: number;
  offices: Office[];
  rejected: RejectedOffice[];
  fatal?: string;
}

/** True for a calendar date that exists ("2026-02-30" does not). */
function realDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

const list = (v: string | undefined) =>
  (v ?? "")
    .split(/[;|]/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Validates every row: required fields, a known type, region codes of the official list,
 * coordinates on the earth (both or neither), a real check date not in the future, no id
 * twice. Each bad row is reported with its line; good rows are kept.
 */
export function parseOfficesCsv(
  text: string,
  options: { regions: RegionList; now: Date; onProgress?: (done: number, total: number) => void },
): OfficesCsvReport {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    return {
      rowsRead: 0,
      offices: [],
      rejected: [],
      fatal: `not a readable CSV file (${(err as Error).message})`,
    };
  }
  const [head, ...body] = rows;
  const header = head?.record.map((h) => h.toLowerCase()) ?? [];
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (!head || missing.length > 0) {
    return {
      rowsRead: Math.max(0, rows.length - 1),
      offices: [],
      rejected: [],
      fatal: `the header must have the columns ${OFFICE_COLUMNS.join(",")} (missing: ${missing.join(", ") || "all"})`,
    };
  }
  const rejected: RejectedOffice[] = [];
  const offices: Office[] = [];
  const seen = new Set<string>();
  const today = options.now.toISOString().slice(0, 10);
  body.forEach((row, n) => {
    const line = row.info.lines;
    const get = (c: string) => {
      const v = row.record[header.indexOf(c)];
      return v === undefined || v === "" ? undefined : v;
    };
    const lat = get("lat");
    const lon = get("lon");
    if ((lat === undefined) !== (lon === undefined)) {
      rejected.push({ line, reason: "lat and lon must be given together" });
      return;
    }
    const location = lat !== undefined ? { lat: Number(lat), lon: Number(lon) } : undefined;
    if (location && !isLatLon(location)) {
      rejected.push({ line, reason: `coordinates "${lat}, ${lon}" are not a place on earth` });
      return;
    }
    const howToFind = get("how_to_find");
    const candidate = {
      id: get("id"),
      type: get("type")?.toLowerCase(),
      name: get("name"),
      serves: list(get("serves")).flatMap((s) => s.split(/\s+/)),
      address: get("address"),
      phone: get("phone"),
      hours: get("hours"),
      location,
      services: list(get("services")),
      destinations: list(get("destinations")),
      sectors: list(get("sectors")),
      howToFind: howToFind ? { id: howToFind } : undefined,
      source: get("source"),
      checked: get("checked_on"),
      sample: ["1", "true", "ya", "yes", "contoh", "sample"].includes((get("sample") ?? "").toLowerCase()),
    };
    const parsed = officeSchema.safeParse(candidate);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      rejected.push({ line, reason: `${issue.path.join(".") || "row"}: ${issue.message}` });
      return;
    }
    const office = parsed.data;
    const problems = officeProblems([office], options.regions);
    if (problems.length > 0) {
      rejected.push({ line, reason: problems[0]!.replace(/^offices\.0\./, "") });
      return;
    }
    if (!realDate(office.checked) || office.checked > today) {
      rejected.push({ line, reason: `checked_on "${office.checked}" is not a real date up to today` });
      return;
    }
    if (seen.has(office.id)) {
      rejected.push({ line, reason: `id "${office.id}" appears twice` });
      return;
    }
    seen.add(office.id);
    offices.push(office);
    if ((n + 1) % 1000 === 0) options.onProgress?.(n + 1, body.length);
  });
  options.onProgress?.(body.length, body.length);
  if (offices.length === 0) {
    return {
      rowsRead: body.length,
      offices,
      rejected,
      fatal: "no usable row: the directory was not changed",
    };
  }
  return { rowsRead: body.length, offices, rejected };
}
