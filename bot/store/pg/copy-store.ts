import type { OutboxRow } from "../../outbox/types";
import type { AuditRecord, NoticeRecord, ReportRecord } from "../../reports/types";
import type { PgRepositories } from "../pg-repositories";
import type { RegistryRepository } from "../repositories";
import type { Doc, SessionRecord, Store, UserRecord } from "../types";

/** How many records of each kind were copied (a repeat run copies the same again, adding nothing). */
export type CopySummary = Record<string, number>;

/**
 * Copies a lowdb store (opened read-only) into PostgreSQL: people with their sessions, reports,
 * notices, the audit logs, the outbox, every other collection (votes, unanswered questions,
 * broadcasts, officers, programmes, flows' documents…) and the imported registry. Every write is
 * an upsert by the record's own id, so running it again changes nothing and duplicates nothing;
 * the source is only read.
 */
export async function copyStore(
  from: Store,
  registry: RegistryRepository,
  to: PgRepositories,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<CopySummary> {
  const summary: CopySummary = {};
  const count = (kind: string, n = 1) => {
    summary[kind] = (summary[kind] ?? 0) + n;
  };
  const people: { user: UserRecord; session?: SessionRecord }[] = [];
  from.eachUser((user, session) => people.push({ user, session }));
  const collections = from.collectionNames().sort();
  const total = people.length + collections.reduce((n, c) => n + from.collection(c).size(), 0) + 1;
  let done = 0;
  const step = (n = 1) => {
    done += n;
    onProgress(done, total);
  };

  const BATCH = 500;
  for (let i = 0; i < people.length; i += BATCH) {
    const slice = people.slice(i, i + BATCH);
    await to.db.transaction(async () => {
      for (const { user, session } of slice) {
        await to.people.save(user, session);
        count("people");
        if (session) count("sessions");
      }
    });
    step(slice.length);
  }

  for (const name of collections) {
    const docs = from.collection<Doc>(name).all();
    for (let i = 0; i < docs.length; i += BATCH) {
      const slice = docs.slice(i, i + BATCH);
      await to.db.transaction(async () => {
        for (const doc of slice) await copyDoc(to, name, doc);
      });
      count(name, slice.length);
      step(slice.length);
    }
  }

  const data = await registry.current();
  if (data) {
    await to.registry.replace(data);
    count("registry");
  }
  step();
  return summary;
}

async function copyDoc(to: PgRepositories, collection: string, doc: Doc): Promise<void> {
  switch (collection) {
    case "reports":
      return to.reports.put(doc as ReportRecord);
    case "report-notices":
      return to.reports.putNotice(doc as NoticeRecord);
    case "audit": {
      const a = doc as AuditRecord;
      await to.db.query(
        `insert into report_audit (id, report, at, doc) values ($1, $2, $3, $4)
         on conflict (id) do update set doc = excluded.doc, report = excluded.report, at = excluded.at`,
        [a.id, a.report, a.at, JSON.stringify(a)],
      );
      return;
    }
    case "outbox": {
      const r = doc as OutboxRow;
      await to.db.query(
        `insert into outbox (id, effect, kind, channel, chat_id, message, status, attempts, next_attempt,
           lease_until, reason, created_at, updated_at, sent_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
         on conflict (id) do nothing`,
        [
          r.id,
          r.effect,
          r.kind,
          r.channel,
          r.chatId,
          JSON.stringify(r.message),
          r.status,
          r.attempts,
          r.nextAttempt,
          r.leaseUntil ?? null,
          r.reason ?? null,
          r.createdAt,
          r.updatedAt,
          r.sentAt ?? null,
        ],
      );
      return;
    }
    default: {
      const at = (doc as { at?: unknown }).at;
      await to.db.query(
        `insert into docs (scope, id, doc, at) values ($1, $2, $3, $4)
         on conflict (scope, id) do update set doc = excluded.doc, at = excluded.at`,
        [collection, doc.id, JSON.stringify(doc), typeof at === "number" ? at : null],
      );
    }
  }
}
