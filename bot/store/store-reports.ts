import type { OfficerAuditRecord } from "../officers/audit";
import { subjectKeys } from "../reports/extract";
import type { AuditRecord, NoticeRecord, ReportRecord } from "../reports/types";
import type { AuditRepository, ReportRepository } from "./repositories";
import type { Store } from "./types";

const byNewest = (a: ReportRecord, b: ReportRecord) => b.createdAt.localeCompare(a.createdAt);

function withoutLink(r: ReportRecord): ReportRecord {
  const next = { ...r };
  delete next.reporterKey;
  delete next.contact;
  return next;
}

/** Reports (`reports`) and officer notices (`report-notices`) on the lowdb store. */
export function createStoreReports(store: Store): ReportRepository {
  const reports = () => store.collection<ReportRecord>("reports");
  const notices = () => store.collection<NoticeRecord>("report-notices");
  return {
    async byReference(ref) {
      return reports().get(ref);
    },
    async byDraft(draft) {
      return reports().find((r) => r.draft === draft)[0];
    },
    async create(report) {
      if (reports().get(report.id)) return false;
      reports().put(report);
      return true;
    },
    async put(report) {
      reports().put(report);
    },
    async list(query = {}) {
      return reports()
        .find(
          (r) =>
            (!query.status || r.status === query.status) &&
            (query.verified === undefined || r.verified === query.verified),
        )
        .sort(byNewest);
    },
    async naming(keys) {
      const wanted = new Set(keys);
      if (!wanted.size) return [];
      return reports()
        .find((r) => subjectKeys(r.who).some((k) => wanted.has(k)))
        .sort(byNewest);
    },
    async linkedTo(userKey) {
      return reports().find((r) => r.reporterKey === userKey);
    },
    async unlink(userKey) {
      const mine = reports().find((r) => r.reporterKey === userKey);
      for (const r of mine) reports().put(withoutLink(r));
      return mine.length;
    },
    async unlinkClosedBefore(before) {
      const cut = before.toISOString();
      const closed = reports().find(
        (r) =>
          r.status === "selesai" &&
          r.updatedAt < cut &&
          (r.reporterKey !== undefined || r.contact !== undefined),
      );
      for (const r of closed) reports().put(withoutLink(r));
      return closed.length;
    },
    async notice(ref) {
      return notices().get(ref);
    },
    async putNotice(notice) {
      notices().put(notice);
    },
    async pendingNotices() {
      return notices()
        .find((n) => !n.handledAt)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
    async pruneHandledNotices(before) {
      const cut = before.toISOString();
      const old = notices().find((n) => n.createdAt < cut && !!n.handledAt);
      for (const n of old) notices().delete(n.id);
      return old.length;
    },
  };
}

/** The report audit (`audit`) and officer audit (`officer-audit`) on the lowdb store. */
export function createStoreAudit(store: Store): AuditRepository {
  const audit = () => store.collection<AuditRecord>("audit");
  const officer = () => store.collection<OfficerAuditRecord>("officer-audit");
  return {
    async report(entry) {
      let id = `${entry.at}-${entry.report}`;
      for (let n = 2; audit().get(id); n++) id = `${entry.at}-${entry.report}-${n}`;
      const record: AuditRecord = { id, ...entry };
      audit().put(record);
      return record;
    },
    async reportEntries(ref) {
      return audit()
        .find((a) => ref === undefined || a.report === ref)
        .sort((a, b) => a.at.localeCompare(b.at));
    },
    async officer(entry) {
      officer().put(entry);
    },
    async officerEntries() {
      return officer()
        .all()
        .sort((a, b) => a.at.localeCompare(b.at));
    },
  };
}
