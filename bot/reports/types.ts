import type { Channel, Lang } from "../model";
import type { Doc } from "../store/types";

/** Report statuses officers set (Indonesian words, as officers use them). */
export const REPORT_STATUSES = ["baru", "diproses", "dirujuk", "selesai"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Who a report names, as the person wrote it and as extracted for grouping. */
export interface ReportSubject {
  /** The person's own words (recruiter name, company, phone, account). */
  text?: string;
  companies: string[];
  phones: string[];
  accounts: string[];
}

/** An officer's note (internal) or reply (shown to the reporter). */
export interface ReportEntry {
  at: string;
  by: string;
  text: string;
  /** For replies: delivered to the reporter's chat by a sender. */
  delivered?: boolean;
}

/** A report (pengaduan), kept in the `reports` collection, keyed by its reference. */
export interface ReportRecord extends Doc {
  /** The reference, e.g. MA-7K3Q9. */
  id: string;
  status: ReportStatus;
  /** Set by an officer; only verified reports feed public warnings. */
  verified: boolean;
  createdAt: string;
  updatedAt: string;
  what: string;
  who: ReportSubject;
  whereWhen?: string;
  anonymous: boolean;
  /** A contact the person chose to leave (phone, e-mail), if any. */
  contact?: string;
  /** `channel:chatId` of the reporter, kept only when not anonymous; removed on deletion. */
  reporterKey?: string;
  /** Hash of the secret shown once to the reporter (reference + secret open the status anywhere). */
  secretHash?: string;
  /** The draft this report was sent from: pressing "Kirim laporan" twice never files it twice. */
  draft?: string;
  channel: Channel;
  lang: Lang;
  notes: ReportEntry[];
  replies: ReportEntry[];
}

/** A notice that a report arrived, listed until an officer acts on the report. */
export interface NoticeRecord extends Doc {
  /** The report's reference. */
  id: string;
  createdAt: string;
  deliveries: { channel: Channel; ok: boolean; reason?: string }[];
  /** Set when an officer acted on the report. */
  handledAt?: string;
}

/** One officer change, in the `audit` collection. */
export interface AuditRecord extends Doc {
  at: string;
  actor: string;
  action: "status" | "verify" | "unverify" | "note" | "reply";
  report: string;
  from?: string;
  to?: string;
}

/** What the report flow collected. */
export interface NewReport {
  what: string;
  who?: string;
  whereWhen?: string;
  anonymous: boolean;
  contact?: string;
  reporterKey?: string;
  channel: Channel;
  lang: Lang;
  /** The draft's id (report flow): a second send of the same draft returns the first report. */
  draft?: string;
}
