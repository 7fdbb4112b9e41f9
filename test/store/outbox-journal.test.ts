import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { NewOutboxRow, OutboxRow } from "../../bot/outbox/types";
import { openFileStore } from "../../bot/store/open-store";
import { createStoreOutbox } from "../../bot/store/outbox-store";
import { DataFileError } from "../../bot/store/secure-json-file";

const T0 = new Date("2026-12-01T10:00:00Z");
const rows = (n: number, from = 0): NewOutboxRow[] =>
  Array.from({ length: n }, (_, i) => ({
    effect: "broadcast:B1",
    kind: "broadcast",
    channel: "telegram",
    chatId: String(from + i),
    message: { text: `Pelatihan bahasa Jepang di BLK Lubuk Linggau, pesan ${from + i}` },
  }));

const open = (dir: string) => openFileStore(dir, { intervalMs: 0, shards: 1 });
const journal = (dir: string) => join(dir, "collections", "outbox.journal");
const snapshot = (dir: string) => join(dir, "collections", "outbox.json");
const size = (f: string) => statSync(f, { throwIfNoEntry: false })?.size ?? 0;

describe("the outbox journal (lowdb files): a write costs the rows it changes", () => {
  it("a claim appends its rows to the journal and leaves the snapshot alone", async () => {
    const dir = mkdtempSync(join(tmpdir(), "journal-"));
    const first = await open(dir);
    await createStoreOutbox(first).enqueue(rows(5000), T0);
    await first.close();
    const store = await open(dir);
    const outbox = createStoreOutbox(store);
    const perRow = size(snapshot(dir)) / 5000;
    const before = {
      journal: size(journal(dir)),
      snapshot: statSync(snapshot(dir), { throwIfNoEntry: false }),
    };
    const claimed = await outbox.claim("telegram", 10, T0, 60_000);
    expect(claimed).toHaveLength(10);
    const grown = size(journal(dir)) - before.journal;
    // Ten lines, each one row: far less than the 5,000 rows a whole-file write would cost.
    expect(grown).toBeGreaterThan(0);
    expect(grown).toBeLessThan(perRow * 10 * 1.5);
    expect(
      readFileSync(journal(dir), "utf8")
        .trimEnd()
        .split("\n")
        .slice(-10)
        .map((l) => JSON.parse(l).doc.status),
    ).toEqual(Array(10).fill("sending"));
    expect(statSync(snapshot(dir), { throwIfNoEntry: false })?.mtimeMs).toBe(before.snapshot?.mtimeMs);
    await store.close();
  });

  it("a process started again reads the snapshot and the journal: the same rows, and claims go on", async () => {
    const dir = mkdtempSync(join(tmpdir(), "journal-"));
    const a = await open(dir);
    const outbox = createStoreOutbox(a);
    await outbox.enqueue(rows(50), T0);
    const claimed = await outbox.claim("telegram", 20, T0, 60_000);
    for (const r of claimed.slice(0, 10)) await outbox.record(r.id, { status: "sent" }, T0);
    await a.flush();
    const expected = a.collection<OutboxRow>("outbox").all();
    // A crash: the process never closes; its lock is released so another can open the folder.
    await (a as unknown as { backend: { release(): Promise<void> } }).backend.release();
    const b = await open(dir);
    expect(b.collection<OutboxRow>("outbox").all()).toEqual(expected);
    const counts = await createStoreOutbox(b).counts();
    expect(counts).toMatchObject({ sent: 10, sending: 10, queued: 30 });
    expect(await createStoreOutbox(b).claim("telegram", 100, T0, 60_000)).toHaveLength(30);
    await b.close();
    // A clean stop folds the journal into the snapshot.
    expect(size(journal(dir))).toBe(0);
    const c = await open(dir);
    expect(await createStoreOutbox(c).counts()).toMatchObject({ sent: 10, sending: 40, queued: 0 });
    await c.close();
  });

  it("ignores a torn last line (a crash mid-append) and stops on a bad line before it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "journal-"));
    const a = await open(dir);
    await createStoreOutbox(a).enqueue(rows(3), T0);
    await a.flush();
    await (a as unknown as { backend: { release(): Promise<void> } }).backend.release();
    appendFileSync(journal(dir), '{"id":"broadcast:B1|telegram:9","doc":{"id":"broad');
    const b = await open(dir);
    expect(b.collection("outbox").size()).toBe(3);
    // The next append starts on a line of its own.
    await createStoreOutbox(b).enqueue(rows(1, 3), T0);
    await b.flush();
    await (b as unknown as { backend: { release(): Promise<void> } }).backend.release();
    const c = await open(dir);
    expect(c.collection("outbox").size()).toBe(4);
    await (c as unknown as { backend: { release(): Promise<void> } }).backend.release();
    const lines = readFileSync(journal(dir), "utf8").split("\n");
    lines[1] = "{not json";
    writeFileSync(journal(dir), lines.join("\n"));
    await expect(open(dir)).rejects.toBeInstanceOf(DataFileError);
  });

  it("folds a grown journal into the snapshot; a crash between the two steps loses nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "journal-"));
    const a = await open(dir);
    const outbox = createStoreOutbox(a);
    await outbox.enqueue(rows(3000), T0);
    let rounds = 0;
    let saved = "";
    // Claim and re-queue until the journal has been folded in at least once.
    while (size(journal(dir)) >= size(snapshot(dir)) || rounds === 0) {
      saved = readFileSync(journal(dir), "utf8");
      const claimed = await outbox.claim("telegram", 500, new Date(T0.getTime() + rounds), 60_000);
      for (const r of claimed)
        await outbox.record(r.id, { status: "queued", reason: "429", nextAttempt: T0 }, T0);
      await a.flush();
      rounds++;
      expect(rounds).toBeLessThan(40);
    }
    const expected = a.collection<OutboxRow>("outbox").all();
    await (a as unknown as { backend: { release(): Promise<void> } }).backend.release();
    // As if the crash came after the new snapshot and before the journal was emptied: the old
    // journal is replayed over a snapshot that already holds it.
    copyFileSync(journal(dir), `${journal(dir)}.after`);
    writeFileSync(journal(dir), saved + readFileSync(`${journal(dir)}.after`, "utf8"));
    const b = await open(dir);
    expect(b.collection<OutboxRow>("outbox").all()).toEqual(expected);
    await b.close();
  });
});
