import pg from "pg";
import { expect, inject, it } from "vitest";
import { HOW_TO_RUN_PG_TESTS, testDatabaseUrl } from "../../helpers/postgres";

/*
 * The one visible test about the PostgreSQL tests themselves. With a server it checks that the
 * server answers (so every PostgreSQL test file runs). Without one it prints how to run them and
 * passes on a developer's machine, but fails in CI (CI=true): there they must run.
 */
it("the PostgreSQL tests have a server (or this says how to run them; in CI they must run)", async () => {
  const url = testDatabaseUrl();
  if (!url) {
    const why = inject("databaseNote");
    const message = `PostgreSQL tests NOT run (${why}).\n${HOW_TO_RUN_PG_TESTS}`;
    if (process.env.CI && process.env.CI !== "false" && process.env.CI !== "0") {
      throw new Error(`CI is set, so the PostgreSQL tests must run. ${message}`);
    }
    process.stderr.write(`\n${message}\n\n`);
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>("select current_setting('server_version_num') as v");
    expect(rows[0]?.v).toMatch(/^\d+/);
  } finally {
    await client.end();
  }
});
