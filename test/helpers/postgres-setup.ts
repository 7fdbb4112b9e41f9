import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

/*
 * vitest globalSetup: the PostgreSQL server the PostgreSQL tests use.
 * - DATABASE_URL set (`.ci/run`, `.ci/with-postgres npm test`, or your own server): that server.
 * - unset, but Debian's server binaries are installed: a throwaway cluster (`.ci/pg-cluster`) for this
 *   run, stopped and deleted at the end.
 * - neither: no server; `test/store/pg/postgres-available.test.ts` says how to run the tests (and fails in CI).
 * The URL reaches the tests as TEST_DATABASE_URL (and `inject("databaseUrl")`), never as DATABASE_URL:
 * tests that start `npm start` or the CLI with the test process's environment keep their own lowdb store.
 */
declare module "vitest" {
  interface ProvidedContext {
    databaseUrl: string;
    databaseNote: string;
  }
}

const root = join(import.meta.dirname, "..", "..");

function serverInstalled(): boolean {
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return false;
  return readdirSync(base).some((v) => existsSync(join(base, v, "bin", "initdb")));
}

export default function setup(project: TestProject): (() => void) | undefined {
  const given = process.env.DATABASE_URL?.trim() || process.env.TEST_DATABASE_URL?.trim() || "";
  delete process.env.DATABASE_URL;
  if (given) {
    process.env.TEST_DATABASE_URL = given;
    project.provide("databaseUrl", given);
    project.provide("databaseNote", "DATABASE_URL");
    return undefined;
  }
  if (!serverInstalled()) {
    project.provide("databaseUrl", "");
    project.provide("databaseNote", "no DATABASE_URL and no PostgreSQL server binaries");
    return undefined;
  }
  const started = spawnSync(join(root, ".ci", "pg-cluster"), ["start"], { encoding: "utf8" });
  const url = /^DATABASE_URL=(.+)$/m.exec(started.stdout ?? "")?.[1];
  const dir = /^PG_CLUSTER_DIR=(.+)$/m.exec(started.stdout ?? "")?.[1];
  if (started.status !== 0 || !url || !dir) {
    project.provide("databaseUrl", "");
    project.provide(
      "databaseNote",
      `the throwaway cluster did not start: ${(started.stderr ?? "").trim().slice(-400)}`,
    );
    return undefined;
  }
  process.env.TEST_DATABASE_URL = url;
  project.provide("databaseUrl", url);
  project.provide("databaseNote", "a throwaway cluster (.ci/pg-cluster)");
  return () => {
    spawnSync(join(root, ".ci", "pg-cluster"), ["stop", dir], { stdio: "inherit" });
  };
}
