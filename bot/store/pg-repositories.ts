import { createDb, type Db } from "./pg/db";
import { type OpenPgOptions, openPgDatabase } from "./pg/open-pg";
import {
  createPgBroadcasts,
  createPgKeyValue,
  createPgOfficers,
  createPgProgrammes,
  createPgRegistry,
  createPgSeen,
  createPgUnanswered,
  createPgVotes,
} from "./pg/pg-docs";
import { createPgOutbox } from "./pg/pg-outbox";
import { createPgPeople } from "./pg/pg-people";
import { createPgPersonal } from "./pg/pg-personal";
import { createPgAudit, createPgReports } from "./pg/pg-reports";
import type { Repositories } from "./repositories";
import type { StoreHealth } from "./types";

const describe = (err: unknown) => (err as NodeJS.ErrnoException).code ?? (err as Error).message;

/** A lost or refused connection (not a failing statement): ECONN…, server shutdown (57P…), connection class 08. */
export function isConnectionError(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? "";
  const message = (err as Error)?.message ?? "";
  return (
    /^(ECONN|EPIPE|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH)/.test(code) ||
    /^(08|57P)/.test(code) ||
    /Connection terminated|connection timeout|Client has encountered a connection error/i.test(message)
  );
}

/** The repositories on PostgreSQL, with the database handle (the person lock uses its transactions). */
export interface PgRepositories extends Repositories {
  db: Db;
  /** The schema in use (`public` unless fresh or given). */
  schema: string;
}

/**
 * Every repository on PostgreSQL (`DATABASE_URL`): connects (a bad URL, an unreachable server or
 * a wrong password stops with a DatabaseStartError naming DATABASE_URL, password hidden) and
 * applies the migrations (a failing one stops naming its file). Every change is committed when it
 * resolves, so `flush()` has nothing left to do. `health()` turns false while the pool reports
 * connection errors, until a query succeeds again.
 */
export async function openPgRepositories(url: string, options: OpenPgOptions = {}): Promise<PgRepositories> {
  let health: StoreHealth = { ok: true };
  const database = await openPgDatabase(url, {
    max: 20,
    ...options,
    onError: (err) => {
      health = {
        ok: false,
        reason: `database: ${(err as NodeJS.ErrnoException).code ?? err.message}`,
        since: new Date().toISOString(),
      };
      options.onError?.(err);
    },
  });
  const raw = createDb(database.pool);
  // Health follows the queries: a connection error turns it false, the next query that works true.
  const db: Db = {
    ...raw,
    async query(text, params) {
      try {
        const result = await raw.query(text, params);
        if (!health.ok) health = { ok: true };
        return result;
      } catch (err) {
        if (isConnectionError(err)) {
          health = { ok: false, reason: `database: ${describe(err)}`, since: new Date().toISOString() };
        }
        throw err;
      }
    },
  } as Db;
  return {
    db,
    schema: database.schema,
    people: createPgPeople(db),
    reports: createPgReports(db),
    audit: createPgAudit(db),
    votes: createPgVotes(db),
    unanswered: createPgUnanswered(db),
    registry: createPgRegistry(db),
    broadcasts: createPgBroadcasts(db),
    programmes: createPgProgrammes(db),
    officers: createPgOfficers(db),
    outbox: createPgOutbox(db),
    seen: createPgSeen(db),
    kv: createPgKeyValue(db),
    personal: createPgPersonal(db),
    flush: async () => {},
    health: () => health,
    close: () => database.close(),
  };
}
