import { inAudience } from "../../subscriptions/audience";
import type { PeopleRepository } from "../repositories";
import type { SessionRecord, UserRecord } from "../types";
import type { Db } from "./db";

const PUT_USER = `insert into people (key, doc, last_seen_at, subscribed) values ($1, $2, $3, $4)
  on conflict (key) do update set doc = excluded.doc, last_seen_at = excluded.last_seen_at, subscribed = excluded.subscribed`;
const PUT_SESSION = `insert into sessions (key, doc, updated_at) values ($1, $2, $3)
  on conflict (key) do update set doc = excluded.doc, updated_at = excluded.updated_at`;

const userParams = (u: UserRecord) => [u.key, JSON.stringify(u), u.lastSeenAt, !!u.consent.subscriptions];

/** People (`people`) and their conversation state (`sessions`) on PostgreSQL. */
export function createPgPeople(db: Db): PeopleRepository {
  const session = async (key: string) =>
    (await db.query<{ doc: SessionRecord }>("select doc from sessions where key = $1", [key])).rows[0]?.doc;
  return {
    async get(key) {
      return (await db.query<{ doc: UserRecord }>("select doc from people where key = $1", [key])).rows[0]
        ?.doc;
    },
    session,
    async load(key) {
      const { rows } = await db.query<{ user: UserRecord | null; session: SessionRecord | null }>(
        `select (select doc from people where key = $1) as user, (select doc from sessions where key = $1) as session`,
        [key],
      );
      return { user: rows[0]?.user ?? undefined, session: rows[0]?.session ?? undefined };
    },
    async save(user, s) {
      await db.transaction(async () => {
        await db.query(PUT_USER, userParams(user));
        if (s) await db.query(PUT_SESSION, [user.key, JSON.stringify(s), s.updatedAt]);
        else await db.query("delete from sessions where key = $1", [user.key]);
      });
    },
    async put(user) {
      await db.query(PUT_USER, userParams(user));
    },
    async deleteSession(key) {
      return ((await db.query("delete from sessions where key = $1", [key])).rowCount ?? 0) > 0;
    },
    async delete(key) {
      return db.transaction(async () => {
        const a = (await db.query("delete from people where key = $1", [key])).rowCount ?? 0;
        const b = (await db.query("delete from sessions where key = $1", [key])).rowCount ?? 0;
        return a + b > 0;
      });
    },
    async count() {
      return (await db.query<{ n: number }>("select count(*)::int as n from people")).rows[0]?.n ?? 0;
    },
    async matching(audience) {
      // The consented subscribers in SQL; the audience's region rules (a code covers its
      // kecamatan, a name matches as given) are the same function the lowdb store uses.
      const { rows } = await db.query<{ doc: UserRecord }>(
        "select doc from people where subscribed and doc ? 'subscription' order by key",
      );
      return rows.map((r) => r.doc).filter((u) => inAudience(u, audience));
    },
    async subscribers() {
      const { rows } = await db.query<{ doc: UserRecord }>(
        "select doc from people where subscribed and doc ? 'subscription' order by key",
      );
      return rows.map((r) => r.doc);
    },
    async expiredBefore(before) {
      const { rows } = await db.query<{ key: string; last_seen_at: string }>(
        "select key, last_seen_at from people where not subscribed and last_seen_at < $1 order by last_seen_at, key",
        [before.toISOString()],
      );
      return rows.map((r) => ({ key: r.key, lastSeenAt: r.last_seen_at }));
    },
    async idleSessionsBefore(before) {
      const { rows } = await db.query<{ key: string }>(
        `select p.key from people p join sessions s on s.key = p.key
         where s.updated_at < $1 and not (p.last_seen_at < $1 and not p.subscribed) order by p.key`,
        [before.toISOString()],
      );
      return rows.map((r) => r.key);
    },
  };
}
