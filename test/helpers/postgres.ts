import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, inject } from "vitest";

/** How to run the PostgreSQL tests, said wherever they cannot run. */
export const HOW_TO_RUN_PG_TESTS = [
  "The PostgreSQL tests need a server. Any one of:",
  "  - install Debian's server (apt-get install -y postgresql): `npm test` then starts a throwaway cluster by itself;",
  "  - `.ci/with-postgres npm test` (a throwaway cluster for one command), or `.ci/run` (the whole CI);",
  "  - DATABASE_URL=postgres://user:password@host:port/db npm test (a server of your own; each test file",
  "    creates and drops its own database there, so the user needs CREATEDB).",
].join("\n");

/** The server the tests may use (see test/helpers/postgres-setup.ts), or undefined. */
export function testDatabaseUrl(): string | undefined {
  return inject("databaseUrl") || process.env.TEST_DATABASE_URL || undefined;
}

/** A `describe` that runs only with a server; without one, postgres-available.test.ts explains (and fails in CI). */
export function describePg(name: string, fn: () => void): void {
  describe.skipIf(!testDatabaseUrl())(`${name} (PostgreSQL)`, fn);
}

/** `url` with another database name. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Creates an empty database for one test file on the test server and returns its URL. */
export async function createTestDatabase(label: string): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = testDatabaseUrl();
  if (!admin) throw new Error(HOW_TO_RUN_PG_TESTS);
  const name = `t_${label
    .replace(/[^a-z0-9]+/gi, "_")
    .toLowerCase()
    .slice(0, 30)}_${randomBytes(4).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
  return {
    url: withDatabase(admin, name),
    drop: async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      try {
        await c.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** In a test file: its own database, created before its tests and dropped after them. Read `.url` in tests. */
export function useTestDatabase(label: string): { url: string } {
  const handle = { url: "" };
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    if (!testDatabaseUrl()) return;
    const db = await createTestDatabase(label);
    handle.url = db.url;
    drop = db.drop;
  });
  afterAll(async () => {
    await drop?.();
  });
  return handle;
}
