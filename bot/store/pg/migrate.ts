import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type pg from "pg";
import { inTransaction } from "./pool";

/** The schema's migration files: `bot/store/pg/migrations/NNN-name.sql`, applied in name order. */
export const MIGRATIONS_DIR = join(import.meta.dirname, "migrations");

/** A migration failed or was changed after it was applied; start-up stops, nothing of this run is kept. */
export class MigrationError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = "MigrationError";
  }
}

const FILE = /^\d{3}-[a-z0-9-]+\.sql$/;

/**
 * Applies the migrations not applied yet, in order, all in one transaction under an advisory
 * lock (several processes starting at once apply each file once), and records each in
 * `schema_migrations` with a checksum. A failing file rolls the whole run back and throws a
 * MigrationError naming the file; so does an applied file whose text has changed since.
 */
export async function migrate(pool: pg.Pool, dir = MIGRATIONS_DIR): Promise<{ applied: string[] }> {
  const files = readdirSync(dir)
    .filter((f) => FILE.test(f))
    .sort();
  return inTransaction(pool, async (client) => {
    await client.query("select pg_advisory_xact_lock(hashtext('migrasi-aman:migrate:' || current_schema()))");
    await client.query(
      `create table if not exists schema_migrations (
         name text primary key, checksum text not null, applied_at timestamptz not null default now())`,
    );
    const done = new Map(
      (
        await client.query<{ name: string; checksum: string }>("select name, checksum from schema_migrations")
      ).rows.map((r) => [r.name, r.checksum]),
    );
    const applied: string[] = [];
    for (const file of files) {
      const sql = readFileSync(join(dir, file), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      const before = done.get(file);
      if (before !== undefined) {
        if (before !== checksum) {
          throw new MigrationError(
            file,
            `migration ${join(dir, file)} was changed after it was applied; add a new migration file instead`,
          );
        }
        continue;
      }
      try {
        await client.query(sql);
      } catch (err) {
        throw new MigrationError(file, `migration ${join(dir, file)} failed: ${(err as Error).message}`);
      }
      await client.query("insert into schema_migrations (name, checksum) values ($1, $2)", [file, checksum]);
      applied.push(file);
    }
    return { applied };
  });
}
