import { AsyncLocalStorage } from "node:async_hooks";
import type pg from "pg";

/** One open transaction on one pooled connection; `done` once committed or rolled back. */
interface Tx {
  client: pg.PoolClient;
  done: boolean;
}

/**
 * How the PostgreSQL repositories reach the database. A query runs on the transaction of the
 * current unit of work when there is one (`transaction`, e.g. the person lock around one
 * message), else on any pooled connection (autocommit). Work that outlives its transaction
 * (a timer started inside it) falls back to the pool.
 */
export interface Db {
  pool: pg.Pool;
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    text: string,
    params?: unknown[],
  ): Promise<pg.QueryResult<R>>;
  /** Runs `work` in one transaction (joins the current one if there is one). */
  transaction<T>(work: () => Promise<T>, begin?: (client: pg.PoolClient) => Promise<void>): Promise<T>;
  /** True inside a transaction. */
  inTransaction(): boolean;
}

export function createDb(pool: pg.Pool): Db {
  const current = new AsyncLocalStorage<Tx>();
  const active = () => {
    const tx = current.getStore();
    return tx && !tx.done ? tx : undefined;
  };
  return {
    pool,
    query(text, params) {
      const tx = active();
      return (tx ? tx.client : pool).query(text, params as unknown[]);
    },
    inTransaction: () => active() !== undefined,
    async transaction(work, begin) {
      if (active()) return work();
      const client = await pool.connect();
      const tx: Tx = { client, done: false };
      let destroy: Error | undefined;
      try {
        await client.query("begin");
        await begin?.(client);
        const out = await current.run(tx, work);
        tx.done = true;
        await client.query("commit");
        return out;
      } catch (err) {
        tx.done = true;
        await client.query("rollback").catch((e: unknown) => {
          // A connection whose rollback failed is closed, not given back to others.
          destroy = e instanceof Error ? e : new Error(String(e));
        });
        throw err;
      } finally {
        client.release(destroy);
      }
    },
  };
}
