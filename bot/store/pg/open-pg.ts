import { randomBytes } from "node:crypto";
import type pg from "pg";
import { MIGRATIONS_DIR, migrate } from "./migrate";
import { openPool, type PoolOptions } from "./pool";

/** Options for opening the database. */
export interface OpenPgOptions extends PoolOptions {
  /** A new, empty schema of its own (tests: every open starts from nothing on one server). */
  fresh?: boolean;
  /** Another migrations folder (tests). */
  migrationsDir?: string;
}

/** An open PostgreSQL database with its schema up to date. */
export interface PgDatabase {
  pool: pg.Pool;
  /** The schema used (`public` unless fresh or given). */
  schema: string;
  /** Migration files applied by this start (the rest were applied before). */
  applied: string[];
  close(): Promise<void>;
}

/**
 * Connects to `url` (a wrong URL, an unreachable server or a refused login stops with a
 * DatabaseStartError naming DATABASE_URL, without the password) and applies the migrations
 * (a failing one stops with a MigrationError naming the file).
 */
export async function openPgDatabase(url: string, options: OpenPgOptions = {}): Promise<PgDatabase> {
  let schema = options.schema;
  if (options.fresh && !schema) {
    schema = `t_${randomBytes(6).toString("hex")}`;
    const setup = await openPool(url, { ...options, max: 1 });
    try {
      await setup.query(`create schema ${schema}`);
    } finally {
      await setup.end();
    }
  }
  const pool = await openPool(url, { ...options, ...(schema ? { schema } : {}) });
  try {
    const { applied } = await migrate(pool, options.migrationsDir ?? MIGRATIONS_DIR);
    return { pool, schema: schema ?? "public", applied, close: () => pool.end() };
  } catch (err) {
    await pool.end().catch(() => {});
    throw err;
  }
}
