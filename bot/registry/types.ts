/** A registry status a record may hold (CONTRACTS.md "Registry statuses"). */
export type RecordStatus = "licensed" | "suspended" | "revoked";

/** Every answer status of a lookup. */
export type VerifyStatus = RecordStatus | "not-found" | "ambiguous";

export const RECORD_STATUSES: readonly RecordStatus[] = ["licensed", "suspended", "revoked"];

/** One licensed-company (P3MI) row, as imported from the office's CSV. */
export interface RegistryRecord {
  name: string;
  /** Licence number in canonical form, e.g. "SIP3MI-2020-0133". */
  license: string;
  status: RecordStatus;
  address: string;
  province: string;
  /** ISO date (YYYY-MM-DD) or "" when the list gives none. */
  validUntil: string;
  source: string;
  /** ISO date the office checked this row. */
  checkedOn: string;
}

/** The registry file in DATA_DIR (`registry.json`), or the shipped sample. */
export interface RegistryData {
  version: 1;
  /** True for the shipped sample: every answer then says "data contoh". */
  sample: boolean;
  /** The CSV file name it was imported from. */
  file: string;
  importedAt: string;
  records: RegistryRecord[];
}

/** The `verify-recruiter` object (CONTRACTS.md), also `meta.recruiter`. */
export interface VerifyResult {
  status: VerifyStatus;
  match: { name: string; license: string; status: RecordStatus; checkedOn: string; source: string } | null;
  candidates: { name: string; license: string; status: RecordStatus }[];
  advice: string;
  /** Extra facts for people and tests. */
  sample: boolean;
  /** Where the registry comes from and the newest `checked_on` in it. */
  registry: { source: string; updatedAt: string };
  /** The text names a person (an individual "sponsor"), not a company. */
  person?: boolean;
  /** The matched licence's `valid_until` is already past. */
  expired?: boolean;
}
