import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { StoreLockedError } from "../../bot/store/file-lock";
import { openFileStore } from "../../bot/store/open-store";
import { DataFileError } from "../../bot/store/secure-json-file";
import type { UserRecord } from "../../bot/store/types";

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "ma-store-"));
  dirs.push(d);
  return d;
}
afterEach(() => {
  dirs.length = 0;
});

function user(key: string, lang: "id" | "en" = "id"): UserRecord {
  const [channel, chatId] = key.split(":") as ["web", string];
  return { key, channel, chatId, lang, profile: {}, consent: {}, createdAt: "t", lastSeenAt: "t" };
}

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? allFiles(p) : [p];
  });
}

describe("lowdb file store", () => {
  it("keeps users, sessions and collections across a restart", async () => {
    const dir = tempDir();
    const a = await openFileStore(dir, { intervalMs: 0 });
    a.putUser(user("web:u1", "en"));
    a.putSession("web:u1", { flow: "language", state: { asked: true }, updatedAt: "t" });
    a.collection<{ id: string; n: number }>("reports").put({ id: "MA-1", n: 7 });
    await a.close();

    const b = await openFileStore(dir, { intervalMs: 0 });
    expect(b.getUser("web:u1")?.lang).toBe("en");
    expect(b.getSession("web:u1")?.flow).toBe("language");
    expect(b.collection<{ id: string; n: number }>("reports").get("MA-1")?.n).toBe(7);
    expect(b.userCount()).toBe(1);
    await b.close();
  });

  it("spreads users over shard files instead of one big file", async () => {
    const dir = tempDir();
    const s = await openFileStore(dir, { intervalMs: 0, shards: 16 });
    for (let i = 0; i < 200; i++) s.putUser(user(`web:${i}`));
    await s.flush();
    const shards = readdirSync(join(dir, "users"));
    expect(shards.length).toBeGreaterThan(10);
    await s.close();
  });

  it("writes files readable only by the owner", async () => {
    const dir = tempDir();
    const s = await openFileStore(dir, { intervalMs: 0 });
    s.putUser(user("web:p"));
    s.collection("audit").put({ id: "1" });
    await s.flush();
    for (const f of allFiles(dir)) expect(statSync(f).mode & 0o777, f).toBe(0o600);
    await s.close();
  });

  it("stops with a message naming a corrupt file, and leaves it untouched", async () => {
    const dir = tempDir();
    const s = await openFileStore(dir, { intervalMs: 0, shards: 4 });
    s.putUser(user("web:c"));
    await s.close();
    const file = join(dir, "users", "shard-002.json");
    writeFileSync(file, "{ not json");
    const err = await openFileStore(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataFileError);
    expect((err as Error).message).toContain(file);
    expect(readFileSync(file, "utf8")).toBe("{ not json");
  });

  it("rejects a second writer on the same directory", async () => {
    const dir = tempDir();
    const a = await openFileStore(dir, { intervalMs: 0 });
    await expect(openFileStore(dir)).rejects.toBeInstanceOf(StoreLockedError);
    const reader = await openFileStore(dir, { readOnly: true });
    expect(() => reader.putUser(user("web:r"))).toThrow(/read-only/);
    await a.close();
    const again = await openFileStore(dir);
    await again.close();
  });

  it("removes a deleted user's id from the files on disk", async () => {
    const dir = tempDir();
    const s = await openFileStore(dir, { intervalMs: 0 });
    s.putUser(user("web:6281234567890"));
    s.putSession("web:6281234567890", { updatedAt: "t" });
    await s.flush();
    expect(allFiles(dir).some((f) => readFileSync(f, "utf8").includes("6281234567890"))).toBe(true);
    s.deleteUser("web:6281234567890");
    await s.flush();
    expect(allFiles(dir).some((f) => readFileSync(f, "utf8").includes("6281234567890"))).toBe(false);
    await s.close();
  });

  it("saves buffered writes on its own timer", async () => {
    const dir = tempDir();
    const s = await openFileStore(dir, { intervalMs: 20, shards: 1 });
    s.putUser(user("web:timer"));
    const file = join(dir, "users", "shard-000.json");
    for (let i = 0; i < 100 && !readFileSafe(file).includes("web:timer"); i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(readFileSafe(file)).toContain("web:timer");
    await s.close();
  });
});

function readFileSafe(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

describe("the writer lock after a crash", () => {
  it("takes over a lock left by a dead process", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "store.lock"), "2147483646");
    const s = await openFileStore(dir, { intervalMs: 0 });
    expect(readFileSync(join(dir, "store.lock"), "utf8")).toContain(String(process.pid));
    await s.close();
  });

  it("takes over a lock holding our own PID from an earlier run (PID 1 after a container restart)", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "store.lock"), String(process.pid));
    const s = await openFileStore(dir, { intervalMs: 0 });
    await expect(openFileStore(dir)).rejects.toBeInstanceOf(StoreLockedError);
    await s.close();
  });
});

describe("data files of the wrong shape stop start-up, naming the file and field, unchanged", () => {
  const cases: [string, string, string, RegExp][] = [
    ["collections/reports.json", '{"docs":[]}', "docs", /docs/],
    ["users/shard-001.json", '{"users":null,"sessions":{}}', "users null", /users/],
    ["users/shard-001.json", '{"users":[],"sessions":{}}', "users []", /users/],
    ["users/shard-000.json", "null", "null shard", /whole file/],
    ["store.json", "null", "null store.json", /whole file/],
    ["collections/audit.json", '{"docs":{"a":{"at":"x"}}}', "doc without id", /docs\.a\.id/],
  ];
  for (const [rel, content, name, field] of cases) {
    it(name, async () => {
      const dir = tempDir();
      const s = await openFileStore(dir, { intervalMs: 0, shards: 2 });
      await s.close();
      const file = join(dir, rel);
      writeFileSync(file, content);
      const err = await openFileStore(dir, { shards: 2 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DataFileError);
      expect((err as Error).message).toContain(file);
      expect((err as Error).message).toMatch(field);
      expect(readFileSync(file, "utf8")).toBe(content);
    });
  }

  it("a changed shard count stops start-up (hapusdata would miss people)", async () => {
    const dir = tempDir();
    const s = await openFileStore(dir, { intervalMs: 0, shards: 4 });
    for (let i = 0; i < 40; i++) s.putUser(user(`web:u${i}`));
    await s.close();
    writeFileSync(join(dir, "store.json"), '{"version":1,"shards":2}');
    await expect(openFileStore(dir)).rejects.toThrow(/shards is 2 but .*shard-00[23]\.json exists/);
  });

  it("removes temp files an interrupted save left behind", async () => {
    const dir = tempDir();
    const s = await openFileStore(dir, { intervalMs: 0, shards: 2 });
    await s.close();
    writeFileSync(join(dir, "users", "shard-000.json.4242.tmp"), "{half");
    writeFileSync(join(dir, "collections", "reports.json.4242.tmp"), "{half");
    const again = await openFileStore(dir, { intervalMs: 0 });
    expect(readdirSync(join(dir, "users")).some((f) => f.endsWith(".tmp"))).toBe(false);
    expect(readdirSync(join(dir, "collections")).some((f) => f.endsWith(".tmp"))).toBe(false);
    await again.close();
  });
});
