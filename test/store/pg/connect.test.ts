import { createServer } from "node:net";
import { expect, it } from "vitest";
import { openPgDatabase } from "../../../bot/store/pg/open-pg";
import { DatabaseStartError, redactUrl } from "../../../bot/store/pg/pool";
import { describePg, testDatabaseUrl } from "../../helpers/postgres";

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

it("a URL is shown with its password hidden", () => {
  expect(redactUrl("postgres://bot:s3cr%40t@db.local:5432/migrasi")).toBe(
    "postgres://bot:***@db.local:5432/migrasi",
  );
  expect(redactUrl("postgres://bot@db.local/migrasi")).toBe("postgres://bot@db.local/migrasi");
  expect(redactUrl("postgres://bot:pw@db.local/x?password=pw2")).not.toMatch(/pw2|:pw@/);
});

it("an unreachable database stops start-up naming DATABASE_URL, without the password", async () => {
  const url = `postgres://bot:Very-Secret-9@127.0.0.1:${await closedPort()}/migrasi`;
  const err = await openPgDatabase(url).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(DatabaseStartError);
  const message = (err as Error).message;
  expect(message).toContain("DATABASE_URL=postgres://bot:***@127.0.0.1:");
  expect(message).toMatch(/cannot connect: nothing listens there/);
  expect(message).not.toContain("Very-Secret-9");
});

describePg("logging in", () => {
  it("a wrong password stops start-up naming DATABASE_URL, without either password", async () => {
    const good = new URL(testDatabaseUrl() ?? "");
    const wrong = new URL(good.toString());
    wrong.password = "Wrong-Password-77";
    const err = await openPgDatabase(wrong.toString()).catch((e: unknown) => e);
    expect(err, "the test server must ask for passwords over TCP (as .ci/pg-cluster does)").toBeInstanceOf(
      DatabaseStartError,
    );
    const message = (err as Error).message;
    expect(message).toContain(`DATABASE_URL=postgres://${good.username}:***@${good.host}`);
    expect(message).toMatch(/wrong password/);
    expect(message).not.toContain("Wrong-Password-77");
    if (good.password) expect(message).not.toContain(good.password);
  });

  it("a database that does not exist is named as such", async () => {
    const url = new URL(testDatabaseUrl() ?? "");
    url.pathname = "/no_such_database_here";
    await expect(openPgDatabase(url.toString())).rejects.toThrow(
      /DATABASE_URL=.*the database does not exist/,
    );
  });
});

it("a DATABASE_URL that is not a PostgreSQL URL stops start-up naming it, without the password", async () => {
  const { loadConfig } = await import("../../../bot/config");
  expect(() => loadConfig({ DATABASE_URL: "mysql://bot:Hidden-Pw-5@db/x" })).toThrow(
    /DATABASE_URL="mysql:\/\/bot:\*\*\*@db\/x": expected postgres:/,
  );
  expect(() => loadConfig({ DATABASE_URL: "mysql://bot:Hidden-Pw-5@db/x" })).not.toThrow(/Hidden-Pw-5/);
  expect(loadConfig({}).DATABASE_URL).toBeUndefined();
  expect(loadConfig({ DATABASE_URL: "postgres://bot:pw@db/x" }).DATABASE_URL).toBe("postgres://bot:pw@db/x");
});
