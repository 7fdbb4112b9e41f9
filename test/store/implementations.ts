import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Repositories } from "../../bot/store/repositories";
import { createMemoryRepositories, openFileRepositories } from "../../bot/store/store-repositories";

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
 * Every implementation the repository contract suite runs against. PostgreSQL (issue 13):
 * `bot/store/pg-repositories.ts` exporting `openPgRepositories(url, { fresh: true })` is
 * picked up when DATABASE_URL is set; nothing else needs to change here.
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

const url = process.env.DATABASE_URL;
if (url) {
  const module = "../../bot/store/pg-repositories";
  IMPLEMENTATIONS.push({
    name: "postgres",
    open: async () => {
      const pg = (await import(/* @vite-ignore */ module)) as {
        openPgRepositories(url: string, options: { fresh: boolean }): Promise<Repositories>;
      };
      return pg.openPgRepositories(url, { fresh: true });
    },
  });
}
