import type { PersonLock } from "../../keyed-mutex";
import type { Db } from "./db";

/**
 * One person at a time across every process on the database: each unit of work runs in one
 * transaction that first takes `pg_advisory_xact_lock` on the person's key. A second message
 * of the same person, in this process or another, waits until the first commits; the
 * repositories' queries made meanwhile run in that transaction, so the new state and its
 * effects (outbox rows, reports, audit) are committed together or not at all.
 */
export function createPgPersonLock(db: Db): PersonLock {
  return {
    run: (key, work) =>
      db.transaction(work, async (client) => {
        await client.query("select pg_advisory_xact_lock(hashtextextended($1, 0))", [`person:${key}`]);
      }),
  };
}
