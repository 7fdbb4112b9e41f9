import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ReportRecord } from "../../bot/reports/types";
import { openFileStore } from "../../bot/store/open-store";
import { allText, makeBot } from "../helpers/make-bot";

const CHAT = "4242424242";
const KEY = `telegram:${CHAT}`;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

function filesContaining(dir: string, needle: string): string[] {
  return filesUnder(dir).filter((f) => readFileSync(f, "utf8").includes(needle));
}

describe("privacy on the real file store", () => {
  it("datasaya shows what is stored; hapusdata deletes it after confirmation, leaving no chat id on disk", async () => {
    const dir = mkdtempSync(join(tmpdir(), "privacy-"));
    const store = await openFileStore(dir, { intervalMs: 3_600_000 });
    const b = makeBot({ store, env: { DATA_DIR: dir } });
    const say = (x: string | { choice: string }) => b.say(CHAT, x, "telegram");

    await say("menu");
    await say("laporkan");
    await say("Sponsor menyimpan ijazah saya dan minta tebusan");
    await say("Pak Dedi, 0812-1010-2020");
    await say({ choice: "report:skip" });
    await say({ choice: "report:other-contact" });
    await say("0899-1234-5678");
    const done = await say({ choice: "report:send" });
    const ref = (done.meta.report as { ref: string }).ref;
    // Data other features keep per person, in collections this feature does not own.
    store
      .collection<{ id: string; region: string; since: string }>("subscriptions")
      .put({ id: KEY, region: "16.73", since: "2026-11-01" });
    store
      .collection<{ id: string; channel: string; chatId: string; broadcast: string }>("deliveries")
      .put({ id: "d-1", channel: "telegram", chatId: CHAT, broadcast: "b1" });
    store
      .collection<{ id: string; recipients: string[]; text: string }>("broadcasts")
      .put({ id: "b1", recipients: [KEY, "telegram:777"], text: "Info pelatihan" });
    await b.say("777", "menu", "telegram");
    await store.flush();
    expect(filesContaining(dir, CHAT).length).toBeGreaterThanOrEqual(4);

    const shown = await say("datasaya");
    expect(allText(shown)).toContain(ref);
    expect(allText(shown)).toMatch(/subscriptions: 1/);
    expect(allText(shown)).toMatch(/deliveries: 1/);

    const asked = await say("hapusdata");
    expect(allText(asked)).toMatch(/Yakin/);
    // Anything but a yes deletes nothing.
    await say("eh tidak jadi");
    expect(store.getUser(KEY)).toBeDefined();
    await say("hapusdata");
    const deleted = await say("Ya, hapus");
    expect(deleted.meta.deleted).toBe(true);
    expect(allText(deleted)).toMatch(/sudah dihapus/);

    await store.flush();
    expect(filesContaining(dir, CHAT)).toEqual([]);
    expect(filesContaining(dir, "0899")).toEqual([]);
    // The report is kept as evidence, unlinked from the chat.
    const report = store.collection<ReportRecord>("reports").get(ref);
    expect(report?.what).toContain("ijazah");
    expect(report?.reporterKey).toBeUndefined();
    expect(report?.contact).toBeUndefined();
    // Other people's data is untouched.
    expect(store.getUser("telegram:777")).toBeDefined();
    expect(
      store.collection<{ id: string; recipients: string[] }>("broadcasts").get("b1")?.recipients,
    ).toEqual(["telegram:777"]);
    await store.close();

    // And it stays deleted after a restart.
    const reopened = await openFileStore(dir, { readOnly: true });
    expect(reopened.getUser(KEY)).toBeUndefined();
    expect(reopened.getSession(KEY)).toBeUndefined();
    expect(reopened.collection("subscriptions").get(KEY)).toBeUndefined();
    await reopened.close();
  });

  it("works in English with mydata / deletemydata, and 'No' keeps everything", async () => {
    const b = makeBot();
    await b.say("e", { choice: "language:en" });
    expect(allText(await b.say("e", "mydata"))).toMatch(/The data we keep about you/);
    expect(allText(await b.say("e", "deletemydata"))).toMatch(/really want to/);
    expect(allText(await b.say("e", "No, cancel"))).toMatch(/not deleted/);
    expect(b.store.getUser("web:e")).toBeDefined();
    await b.say("e", "delete my data");
    const r = await b.say("e", { choice: "privacy:yes" });
    expect(r.meta.deleted).toBe(true);
    expect(b.store.getUser("web:e")).toBeUndefined();
    expect(b.store.getSession("web:e")).toBeUndefined();
  });

  it("a stale 'yes' button without a pending confirmation asks again instead of deleting", async () => {
    const b = makeBot();
    await b.say("s", "menu");
    const r = await b.say("s", { choice: "privacy:yes" });
    expect(r.meta.deleted).toBeUndefined();
    expect(allText(r)).toMatch(/Yakin/);
    expect(b.store.getUser("web:s")).toBeDefined();
  });
});
