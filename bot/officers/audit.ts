import { randomBytes } from "node:crypto";
import type { Doc, Store } from "../store/types";

/** One officer action outside reports: who, what, when and from where (no message text). */
export interface OfficerAuditRecord extends Doc {
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
export function audit(
  store: Store,
  entry: Omit<OfficerAuditRecord, "id" | "at"> & { at?: Date },
): OfficerAuditRecord {
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
  store.collection<OfficerAuditRecord>(OFFICER_AUDIT).put(record);
  return record;
}
