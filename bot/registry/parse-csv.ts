import { parse } from "csv-parse/sync";
import { licenseKeys, normalizeLicense } from "./normalize-license";
import { nameKey } from "./normalize-name";
import { parseDate } from "./parse-date";
import { RECORD_STATUSES, type RecordStatus, type RegistryRecord } from "./types";

/** The CSV header, in order (CONTRACTS.md). */
export const REGISTRY_COLUMNS = [
  "name",
  "license",
  "status",
  "address",
  "province",
  "valid_until",
  "source",
  "checked_on",
] as const;

const REQUIRED = ["name", "license", "status", "source", "checked_on"] as const;

/** Status words accepted in the CSV, Indonesian ones included. */
const STATUS_WORDS: Record<string, RecordStatus> = {
  licensed: "licensed",
  aktif: "licensed",
  active: "licensed",
  berlaku: "licensed",
  suspended: "suspended",
  dibekukan: "suspended",
  beku: "suspended",
  revoked: "revoked",
  dicabut: "revoked",
  cabut: "revoked",
};

/** A row that was not imported, with its line in the file and why. */
export interface RejectedRow {
  line: number;
  reason: string;
}

/** What reading a registry CSV produced. `fatal` set means the file is unusable. */
export interface CsvReport {
  rowsRead: number;
  records: RegistryRecord[];
  rejected: RejectedRow[];
  fatal?: string;
}

export interface ParseOptions {
  /** Today's date, to reject `checked_on` dates in the future. */
  now: Date;
  /** Allow `#` comment lines (the shipped sample uses them for its label). */
  comments?: boolean;
  /** Called every 1,000 rows with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

interface Row {
  record: string[];
  line: number;
}

function detectDelimiter(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/));
  const counts = [",", ";", "\t"].map((d) => [d, first.split(d).length] as const);
  return counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
}

/**
 * Reads and validates a registry CSV. Every row is checked (required fields, a known
 * status, real dates, no duplicate licence); each bad row is reported with its line.
 */
export function parseRegistryCsv(text: string, options: ParseOptions): CsvReport {
  const rejected: RejectedRow[] = [];
  let rows: Row[];
  try {
    rows = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text.replace(/^\uFEFF/, "")),
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      comment: options.comments ? "#" : undefined,
      on_record: ((record: string[], context: { lines: number }) => ({
        record,
        line: context.lines,
      })) as unknown as (record: string[]) => string[],
      on_skip: (err) => {
        rejected.push({
          line: Number((err as { lines?: unknown } | undefined)?.lines ?? 0),
          reason: `unreadable CSV: ${err?.message ?? "bad quoting"}`,
        });
        return undefined;
      },
    }) as unknown as Row[];
  } catch (err) {
    return {
      rowsRead: 0,
      records: [],
      rejected,
      fatal: `not a readable CSV file (${(err as Error).message})`,
    };
  }
  const header = rows[0];
  if (!header) return { rowsRead: 0, records: [], rejected, fatal: "the file is empty" };
  const names = header.record.map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    return {
      rowsRead: 0,
      records: [],
      rejected,
      fatal: `line ${header.line}: header must be ${REGISTRY_COLUMNS.join(",")} (missing: ${missing.join(", ")})`,
    };
  }
  const col = Object.fromEntries(REGISTRY_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<
    (typeof REGISTRY_COLUMNS)[number],
    number
  >;
  // A check date more than a year ahead is a typo (2062 for 2026); a few days ahead is a clock or time-zone difference.
  const latest = new Date(options.now.getTime() + 366 * 86_400_000).toISOString().slice(0, 10);
  const records: RegistryRecord[] = [];
  const licenses = new Map<string, number>();
  const total = rows.length - 1;
  for (let i = 1; i < rows.length; i++) {
    const { record, line } = rows[i]!;
    const get = (c: keyof typeof col) => (col[c] >= 0 ? (record[col[c]] ?? "").trim() : "");
    if (i % 1000 === 0) options.onProgress?.(i, total);
    if (record.length !== names.length) {
      rejected.push({ line, reason: `expected ${names.length} columns, found ${record.length}` });
      continue;
    }
    const empty = REQUIRED.filter((c) => !get(c));
    if (empty.length > 0) {
      rejected.push({ line, reason: `missing ${empty.join(", ")}` });
      continue;
    }
    const name = get("name").replace(/\s+/g, " ");
    if (!nameKey(name)) {
      rejected.push({ line, reason: `name "${name}" has no words besides the legal form` });
      continue;
    }
    const license = normalizeLicense(get("license"));
    if (!/\d/.test(license)) {
      rejected.push({ line, reason: `license "${get("license")}" has no number` });
      continue;
    }
    const status = STATUS_WORDS[get("status").toLowerCase()];
    if (!status) {
      rejected.push({
        line,
        reason: `status "${get("status")}" is not one of ${RECORD_STATUSES.join("|")} (aktif|dibekukan|dicabut)`,
      });
      continue;
    }
    const checkedOn = parseDate(get("checked_on"));
    if (!checkedOn) {
      rejected.push({ line, reason: `checked_on "${get("checked_on")}" is not a date (YYYY-MM-DD)` });
      continue;
    }
    if (checkedOn > latest) {
      rejected.push({ line, reason: `checked_on ${checkedOn} is in the future` });
      continue;
    }
    const validRaw = get("valid_until");
    const validUntil = validRaw ? parseDate(validRaw) : "";
    if (validUntil === undefined) {
      rejected.push({ line, reason: `valid_until "${validRaw}" is not a date (YYYY-MM-DD)` });
      continue;
    }
    const licenseKey = licenseKeys(license)[0]!;
    const seen = licenses.get(licenseKey);
    if (seen !== undefined) {
      rejected.push({ line, reason: `license ${license} already given on line ${seen}` });
      continue;
    }
    licenses.set(licenseKey, line);
    records.push({
      name,
      license,
      status,
      address: get("address"),
      province: get("province"),
      validUntil,
      source: get("source"),
      checkedOn,
    });
  }
  options.onProgress?.(total, total);
  rejected.sort((a, b) => a.line - b.line);
  const fatal = records.length === 0 ? "no valid rows" : undefined;
  return {
    rowsRead: total + rejected.filter((r) => r.reason.startsWith("unreadable")).length,
    records,
    rejected,
    fatal,
  };
}
