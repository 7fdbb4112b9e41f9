import { randomBytes } from "node:crypto";
import type { BroadcastRecord, InterestRecord } from "../../broadcasts/types";
import type { OfficerAccount } from "../../officers/accounts";
import type { ConsoleSession } from "../../officers/console-session";
import type { ProgrammeRepository } from "../../places/programme-repository";
import { overlaps, type Programme, type ProgrammeInterest } from "../../places/programme-types";
import type { RegistryData } from "../../registry/types";
import type {
  BroadcastRepository,
  KeyValueRepository,
  OfficerRepository,
  RegistryRepository,
  SeenRepository,
  UnansweredRecord,
  UnansweredRepository,
  VoteRecord,
  VoteRepository,
} from "../repositories";
import type { Db } from "./db";

/** The `docs` table, one scope per lowdb collection (the same names). */
function scope(db: Db, name: string) {
  return {
    async get<T>(id: string): Promise<T | undefined> {
      const { rows } = await db.query<{ doc: T }>("select doc from docs where scope = $1 and id = $2", [
        name,
        id,
      ]);
      return rows[0]?.doc;
    },
    async put(id: string, doc: unknown): Promise<void> {
      await db.query(
        `insert into docs (scope, id, doc) values ($1, $2, $3)
         on conflict (scope, id) do update set doc = excluded.doc`,
        [name, id, JSON.stringify(doc)],
      );
    },
    /** Adds the document unless its id exists; true when added. */
    async add(id: string, doc: unknown): Promise<boolean> {
      const { rowCount } = await db.query(
        "insert into docs (scope, id, doc) values ($1, $2, $3) on conflict (scope, id) do nothing",
        [name, id, JSON.stringify(doc)],
      );
      return (rowCount ?? 0) > 0;
    },
    async delete(id: string): Promise<boolean> {
      return (
        ((await db.query("delete from docs where scope = $1 and id = $2", [name, id])).rowCount ?? 0) > 0
      );
    },
    /** Documents in the order they were first added, optionally filtered by a condition on `doc`. */
    async all<T>(where = "true", params: unknown[] = []): Promise<T[]> {
      const { rows } = await db.query<{ doc: T }>(
        `select doc from docs where scope = $1 and (${where}) order by seq`,
        [name, ...params],
      );
      return rows.map((r) => r.doc);
    },
  };
}

/** FAQ votes (`faq-votes`), added up in one statement (several processes may vote at once). */
export function createPgVotes(db: Db): VoteRepository {
  return {
    async add(topic, helpful) {
      const [up, down] = helpful ? [1, 0] : [0, 1];
      const { rows } = await db.query<{ doc: VoteRecord }>(
        `insert into docs (scope, id, doc) values ('faq-votes', $1, jsonb_build_object('id', $1::text, 'up', $2::int, 'down', $3::int))
         on conflict (scope, id) do update set doc = jsonb_build_object('id', $1::text,
           'up', (docs.doc->>'up')::int + $2::int, 'down', (docs.doc->>'down')::int + $3::int)
         returning doc`,
        [topic, up, down],
      );
      return rows[0]?.doc as VoteRecord;
    },
    async get(topic) {
      return scope(db, "faq-votes").get<VoteRecord>(topic);
    },
  };
}

/** Unanswered questions (`faq-unanswered`). */
export function createPgUnanswered(db: Db): UnansweredRepository {
  const col = scope(db, "faq-unanswered");
  return {
    async record(entry, limit) {
      const { rowCount } = await db.query(
        `update docs set doc = jsonb_set(jsonb_set(doc, '{count}', to_jsonb((doc->>'count')::int + 1)), '{lastSeen}', to_jsonb($2::text))
         where scope = 'faq-unanswered' and id = $1`,
        [entry.id, entry.day],
      );
      if (rowCount) return;
      const doc: UnansweredRecord = {
        id: entry.id,
        text: entry.text,
        lang: entry.lang,
        count: 1,
        firstSeen: entry.day,
        lastSeen: entry.day,
      };
      await db.query(
        `insert into docs (scope, id, doc) select 'faq-unanswered', $1, $2
         where (select count(*) from docs where scope = 'faq-unanswered') < $3
         on conflict (scope, id) do nothing`,
        [entry.id, JSON.stringify(doc), limit],
      );
    },
    async list() {
      return (await col.all<UnansweredRecord>()).sort(
        (a, b) => b.count - a.count || b.lastSeen.localeCompare(a.lastSeen) || a.text.localeCompare(b.text),
      );
    },
  };
}

/** Broadcasts (`broadcasts`) and DAFTAR registrations (`broadcast-interest`). */
export function createPgBroadcasts(db: Db): BroadcastRepository {
  const col = scope(db, "broadcasts");
  const interest = scope(db, "broadcast-interest");
  return {
    get: (id) => col.get<BroadcastRecord>(id),
    put: (b) => col.put(b.id, b),
    async list() {
      return (await col.all<BroadcastRecord>()).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
    due(now) {
      return col.all<BroadcastRecord>(
        `(doc->>'status' = 'scheduled' and coalesce(doc->>'scheduleAt', '') collate "C" <= $2)
         or (doc->>'status' = 'sending' and doc->>'fannedOutAt' is null)`,
        [now.toISOString()],
      );
    },
    sending: () => col.all<BroadcastRecord>("doc->>'status' = 'sending'"),
    register: (r) => interest.add(r.id, r),
    interested: (id) => interest.all<InterestRecord>("doc->>'broadcast' = $2", [id]),
  };
}

/** Console accounts (`officers`), sessions (`officer-sessions`) and secrets (`console-secret`). */
export function createPgOfficers(db: Db): OfficerRepository {
  const accounts = scope(db, "officers");
  const sessions = scope(db, "officer-sessions");
  const secrets = scope(db, "console-secret");
  return {
    get: (name) => accounts.get<OfficerAccount>(name),
    list: () => accounts.all<OfficerAccount>(),
    put: (a) => accounts.put(a.id, a),
    session: (id) => sessions.get<ConsoleSession>(id),
    putSession: (s) => sessions.put(s.id, s),
    async deleteSession(id) {
      await sessions.delete(id);
    },
    async secret(name, make) {
      // Made once, whichever process asks first: the others read the same value.
      await secrets.add(name, { id: name, value: make() });
      return ((await secrets.get<{ value: string }>(name)) as { value: string }).value;
    },
  };
}

/** Handled ids, one scope each, with the time they were seen. */
export function createPgSeen(db: Db): SeenRepository {
  return {
    async first(s, id, at) {
      const { rowCount } = await db.query(
        "insert into docs (scope, id, doc, at) values ($1, $2, $3, $4) on conflict (scope, id) do nothing",
        [s, id, JSON.stringify({ id, at: at.getTime() }), at.getTime()],
      );
      return (rowCount ?? 0) > 0;
    },
    async forget(s, before) {
      return (
        (await db.query("delete from docs where scope = $1 and at < $2", [s, before.getTime()])).rowCount ?? 0
      );
    },
  };
}

/** Keyed documents of any scope; each document keeps its id as `id` (as on lowdb). */
export function createPgKeyValue(db: Db): KeyValueRepository {
  return {
    get: <T>(s: string, id: string) => scope(db, s).get<T>(id),
    put: <T>(s: string, id: string, value: T) => scope(db, s).put(id, { ...(value as object), id }),
    delete: (s, id) => scope(db, s).delete(id),
    async all<T>(s: string) {
      return (await scope(db, s).all<T & { id: string }>()).map((d) => ({ id: d.id, value: d as T }));
    },
  };
}

/** Training programmes (`programmes`) and DAFTAR interest in them (`programme-interest`). */
export function createPgProgrammes(db: Db): ProgrammeRepository {
  const programmes = scope(db, "programmes");
  const interest = scope(db, "programme-interest");
  const fits = (wanted: string[] | undefined, have: string[]) =>
    !wanted?.length || have.length === 0 || wanted.some((w) => have.includes(w));
  const byStart = (a: Programme, b: Programme) => a.start.localeCompare(b.start);
  return {
    async add(input, now) {
      const p: Programme = {
        ...input,
        id: `p-${randomBytes(4).toString("hex")}`,
        createdAt: now.toISOString(),
      };
      await programmes.put(p.id, p);
      return p;
    },
    get: (id) => programmes.get<Programme>(id),
    async list() {
      return (await programmes.all<Programme>()).sort(byStart);
    },
    async remove(id) {
      return db.transaction(async () => {
        const removed = await programmes.delete(id);
        await db.query("delete from docs where scope = 'programme-interest' and doc->>'programmeId' = $1", [
          id,
        ]);
        return removed;
      });
    },
    async upcoming(q) {
      const open = await programmes.all<Programme>(`coalesce(doc->>'end', doc->>'start') collate "C" >= $2`, [
        q.today,
      ]);
      return open
        .filter(
          (p) =>
            p.regions.some((r) => overlaps(r, q.region)) &&
            fits(q.destinations, p.destinations) &&
            fits(q.sectors, p.sectors),
        )
        .sort(byStart);
    },
    async registerInterest(programmeId, userKey, now) {
      const id = `${programmeId}|${userKey}`;
      const doc: ProgrammeInterest = { id, programmeId, userKey, at: now.toISOString() };
      return interest.add(id, doc);
    },
    async interestCount(programmeId) {
      const { rows } = await db.query<{ n: number }>(
        "select count(*)::int as n from docs where scope = 'programme-interest' and doc->>'programmeId' = $1",
        [programmeId],
      );
      return rows[0]?.n ?? 0;
    },
  };
}

/** The imported registry: one row, replaced whole in one statement (every process sees the new version). */
export function createPgRegistry(db: Db): RegistryRepository {
  return {
    async current() {
      const { rows } = await db.query<{ data: RegistryData }>("select data from registry");
      return rows[0]?.data;
    },
    async version() {
      const { rows } = await db.query<{ version: string }>("select version from registry");
      return rows[0]?.version;
    },
    async replace(data) {
      await db.query(
        `insert into registry (one, data, version) values (true, $1, $2)
         on conflict (one) do update set data = excluded.data, version = excluded.version`,
        [JSON.stringify(data), `${Date.now()}-${randomBytes(4).toString("hex")}`],
      );
    },
  };
}
