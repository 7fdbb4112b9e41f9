import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { openPgRepositories, type PgRepositories } from "../../bot/store/pg-repositories";
import type { Repositories } from "../../bot/store/repositories";
import { createMemoryRepositories, openFileRepositories } from "../../bot/store/store-repositories";
import { createTestDatabase, testDatabaseUrl } from "../helpers/postgres";

/** One implementation of the repositories, as the contract suite opens it. */
export interface Implementation {
  name: string;
  /** Fresh, empty repositories. */
  open(): Promise<Repositories>;
  /** Opens the same data again as a restarted process would (closing `repos` first). */
  reopen?(repos: Repositories): Promise<Repositories>;
}

let lastDir = "";
/** The folder the last "lowdb files" implementation opened (to look at its files). */
export const lastDataDir = () => lastDir;

/**
 * Every implementation the repository contract suite runs against: memory, lowdb files, and
 * PostgreSQL when the tests have a server.
 */
export const IMPLEMENTATIONS: Implementation[] = [
  { name: "memory", open: async () => createMemoryRepositories() },
  {
    name: "lowdb files",
    open: async () => {
      lastDir = mkdtempSync(join(tmpdir(), "repos-"));
      return openFileRepositories(lastDir, { intervalMs: 0, shards: 2 });
    },
    reopen: async (repos) => {
      await repos.close();
      return openFileRepositories(lastDir, { intervalMs: 0, shards: 2 });
    },
  },
];

// PostgreSQL (issue 13): on the test server (test/helpers/postgres-setup.ts), in a database of
// this test file's own; every open gets a fresh schema. Without a server,
// test/store/pg/postgres-available.test.ts says how to run it (and fails in CI).
const pgServer = testDatabaseUrl();
if (pgServer) {
  let database: Promise<{ url: string; drop(): Promise<void> }> | undefined;
  const opened: Repositories[] = [];
  afterAll(async () => {
    for (const r of opened) await r.close().catch(() => {});
    await (await database)?.drop();
  });
  IMPLEMENTATIONS.push({
    name: "postgres",
    open: async () => {
      database ??= createTestDatabase("repos");
      const repos = await openPgRepositories((await database).url, { fresh: true });
      opened.push(repos);
      return repos;
    },
    reopen: async (repos) => {
      await repos.close();
      const again = await openPgRepositories((await database)?.url ?? "", {
        schema: (repos as PgRepositories).schema,
      });
      opened.push(again);
      return again;
    },
  });
}
