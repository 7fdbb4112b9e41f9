import type { OfficerAuditRecord } from "../../officers/audit";
import { subjectKeys } from "../../reports/extract";
import type { AuditRecord, NoticeRecord, ReportRecord } from "../../reports/types";
import type { AuditRepository, ReportRepository } from "../repositories";
import type { Db } from "./db";

const PUT_REPORT = `insert into reports
  (id, doc, status, verified, draft, reporter_key, has_link, subject_keys, created_at, updated_at)
  values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
  on conflict (id) do update set doc = excluded.doc, status = excluded.status, verified = excluded.verified,
    draft = excluded.draft, reporter_key = excluded.reporter_key, has_link = excluded.has_link,
    subject_keys = excluded.subject_keys, created_at = excluded.created_at, updated_at = excluded.updated_at`;

/** Files a report only under a free reference (`create`): nothing changes when the id is taken. */
const CREATE_REPORT = `insert into reports
  (id, doc, status, verified, draft, reporter_key, has_link, subject_keys, created_at, updated_at)
  values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
  on conflict (id) do nothing`;

const reportParams = (r: ReportRecord) => [
  r.id,
  JSON.stringify(r),
  r.status,
  r.verified,
  r.draft ?? null,
  r.reporterKey ?? null,
  r.reporterKey !== undefined || r.contact !== undefined,
  subjectKeys(r.who),
  r.createdAt,
  r.updatedAt,
];

/** Drops the chat link and contact of the reports chosen by `where` (kept as evidence). */
const UNLINK = (where: string) =>
  `update reports set doc = doc - 'reporterKey' - 'contact', reporter_key = null, has_link = false where ${where}`;

/** Reports (`reports`) and officer notices (`report_notices`) on PostgreSQL. */
export function createPgReports(db: Db): ReportRepository {
  const docs = async (sql: string, params: unknown[] = []) =>
    (await db.query<{ doc: ReportRecord }>(sql, params)).rows.map((r) => r.doc);
  return {
    async byReference(ref) {
      return (await docs("select doc from reports where id = $1", [ref]))[0];
    },
    async byDraft(draft) {
      return (await docs("select doc from reports where draft = $1", [draft]))[0];
    },
    async create(report) {
      return ((await db.query(CREATE_REPORT, reportParams(report))).rowCount ?? 0) === 1;
    },
    async put(report) {
      await db.query(PUT_REPORT, reportParams(report));
    },
    async list(query = {}) {
      return docs(
        `select doc from reports where ($1::text is null or status = $1) and ($2::boolean is null or verified = $2)
         order by created_at desc, id`,
        [query.status ?? null, query.verified ?? null],
      );
    },
    async naming(keys) {
      if (keys.length === 0) return [];
      return docs("select doc from reports where subject_keys && $1::text[] order by created_at desc, id", [
        keys,
      ]);
    },
    async linkedTo(userKey) {
      return docs("select doc from reports where reporter_key = $1 order by created_at, id", [userKey]);
    },
    async unlink(userKey) {
      return (await db.query(UNLINK("reporter_key = $1"), [userKey])).rowCount ?? 0;
    },
    async unlinkClosedBefore(before) {
      return (
        (
          await db.query(UNLINK("status = 'selesai' and has_link and updated_at < $1"), [
            before.toISOString(),
          ])
        ).rowCount ?? 0
      );
    },
    async notice(ref) {
      const { rows } = await db.query<{ doc: NoticeRecord }>("select doc from report_notices where id = $1", [
        ref,
      ]);
      return rows[0]?.doc;
    },
    async putNotice(notice) {
      await db.query(
        `insert into report_notices (id, doc, created_at, handled) values ($1, $2, $3, $4)
         on conflict (id) do update set doc = excluded.doc, created_at = excluded.created_at, handled = excluded.handled`,
        [notice.id, JSON.stringify(notice), notice.createdAt, !!notice.handledAt],
      );
    },
    async pendingNotices() {
      const { rows } = await db.query<{ doc: NoticeRecord }>(
        "select doc from report_notices where not handled order by created_at, id",
      );
      return rows.map((r) => r.doc);
    },
    async pruneHandledNotices(before) {
      return (
        (
          await db.query("delete from report_notices where handled and created_at < $1", [
            before.toISOString(),
          ])
        ).rowCount ?? 0
      );
    },
  };
}

/** The report audit (`report_audit`) and the officer audit (the `officer-audit` documents) on PostgreSQL. */
export function createPgAudit(db: Db): AuditRepository {
  return {
    async report(entry) {
      // The same ids as the lowdb store: `<at>-<report>`, then -2, -3… for entries at the same time.
      for (let n = 1; ; n++) {
        const id = n === 1 ? `${entry.at}-${entry.report}` : `${entry.at}-${entry.report}-${n}`;
        const record: AuditRecord = { id, ...entry };
        const { rowCount } = await db.query(
          "insert into report_audit (id, report, at, doc) values ($1, $2, $3, $4) on conflict (id) do nothing",
          [id, entry.report, entry.at, JSON.stringify(record)],
        );
        if (rowCount) return record;
      }
    },
    async reportEntries(ref) {
      const { rows } = await db.query<{ doc: AuditRecord }>(
        "select doc from report_audit where ($1::text is null or report = $1) order by at, id",
        [ref ?? null],
      );
      return rows.map((r) => r.doc);
    },
    async officer(entry) {
      await db.query(
        `insert into docs (scope, id, doc) values ('officer-audit', $1, $2)
         on conflict (scope, id) do update set doc = excluded.doc`,
        [entry.id, JSON.stringify(entry)],
      );
    },
    async officerEntries() {
      const { rows } = await db.query<{ doc: OfficerAuditRecord }>(
        "select doc from docs where scope = 'officer-audit' order by doc->>'at' collate \"C\", seq",
      );
      return rows.map((r) => r.doc);
    },
  };
}
