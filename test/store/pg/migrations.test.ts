import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { MigrationError } from "../../../bot/store/pg/migrate";
import { openPgDatabase } from "../../../bot/store/pg/open-pg";
import { describePg, useTestDatabase } from "../../helpers/postgres";

const db = useTestDatabase("migrations");

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "migrations-"));
  mkdirSync(dir, { recursive: true });
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, name), sql);
  return dir;
}

describePg("schema migrations", () => {
  it("applies the shipped migrations once, in order, and records each", async () => {
    const first = await openPgDatabase(db.url, { fresh: true });
    try {
      expect(first.applied[0]).toBe("001-outbox.sql");
      expect(first.applied).toEqual([...first.applied].sort());
      const { rows } = await first.pool.query<{ name: string }>(
        "select name from schema_migrations order by name",
      );
      expect(rows.map((r) => r.name)).toEqual(first.applied);
      const again = await openPgDatabase(db.url, { schema: first.schema });
      expect(again.applied).toEqual([]);
      await again.close();
    } finally {
      await first.close();
    }
  });

  it("a failing migration stops start-up naming the file, and nothing of that run is kept", async () => {
    const dir = folder({
      "001-ok.sql": "create table ok_one (id int);",
      "002-broken.sql": "create table broken (id int);\ncreate tabel oops (id int);",
      "003-later.sql": "create table later (id int);",
      "notes.txt": "not a migration",
    });
    const err = await openPgDatabase(db.url, { fresh: true, migrationsDir: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MigrationError);
    expect((err as MigrationError).file).toBe("002-broken.sql");
    expect((err as Error).message).toContain("002-broken.sql");
    expect((err as Error).message).toMatch(/syntax error/);
  });

  it("the run is one transaction: after a failure, fixing the file applies everything from the start", async () => {
    const files = { "001-a.sql": "create table a (id int);", "002-b.sql": "select 1/0;" };
    const dir = folder(files);
    const fresh = await openPgDatabase(db.url, { fresh: true, migrationsDir: folder({}) });
    const schema = fresh.schema;
    await fresh.close();
    await expect(openPgDatabase(db.url, { schema, migrationsDir: dir })).rejects.toThrow(
      /002-b\.sql.*division by zero/,
    );
    writeFileSync(join(dir, "002-b.sql"), "create table b (id int);");
    const fixed = await openPgDatabase(db.url, { schema, migrationsDir: dir });
    expect(fixed.applied).toEqual(["001-a.sql", "002-b.sql"]);
    await fixed.close();
  });

  it("an applied migration changed afterwards stops start-up naming it", async () => {
    const dir = folder({ "001-a.sql": "create table a (id int);" });
    const first = await openPgDatabase(db.url, { fresh: true, migrationsDir: dir });
    await first.close();
    writeFileSync(join(dir, "001-a.sql"), "create table a (id int, extra text);");
    await expect(openPgDatabase(db.url, { schema: first.schema, migrationsDir: dir })).rejects.toThrow(
      /001-a\.sql was changed after it was applied/,
    );
  });

  it("processes starting at once apply each migration once (advisory lock)", async () => {
    const setup = await openPgDatabase(db.url, { fresh: true, migrationsDir: folder({}) });
    await setup.close();
    const dir = folder({
      "001-a.sql": "create table a (id int);",
      "002-b.sql": "select pg_sleep(0.2); create table b (id int);",
    });
    const opened = await Promise.all(
      [1, 2, 3].map(() => openPgDatabase(db.url, { schema: setup.schema, migrationsDir: dir })),
    );
    expect(opened.map((o) => o.applied.length).sort()).toEqual([0, 0, 2]);
    await Promise.all(opened.map((o) => o.close()));
  });
});
