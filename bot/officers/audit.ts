import { randomBytes } from "node:crypto";
import type { AuditRepository } from "../store/repositories";

/** One officer action outside reports: who, what, when and from where (no message text). */
export interface OfficerAuditRecord {
  id: string;
  at: string;
  /** The officer: a console account name, or `channel:id` of a configured officer. */
  actor: string;
  action: string;
  /** Where from: `cli`, `console <ip>`, `api <ip>`, `telegram`, `whatsapp`. */
  where: string;
  /** What it was about (a broadcast id, an account name, a count), never personal data. */
  target?: string;
  ok: boolean;
}

export const OFFICER_AUDIT = "officer-audit";

/** Appends an audit entry (made durable with the caller's next flush). */
export async function audit(
  repo: AuditRepository,
  entry: Omit<OfficerAuditRecord, "id" | "at"> & { at?: Date },
): Promise<OfficerAuditRecord> {
  const at = (entry.at ?? new Date()).toISOString();
  const record: OfficerAuditRecord = {
    id: `${at}-${randomBytes(4).toString("hex")}`,
    at,
    actor: entry.actor,
    action: entry.action,
    where: entry.where,
    ok: entry.ok,
    ...(entry.target ? { target: entry.target } : {}),
  };
  await repo.officer(record);
  return record;
}
