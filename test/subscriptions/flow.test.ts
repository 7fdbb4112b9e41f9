import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../bot/config";
import { createI18n } from "../../bot/i18n";
import type { Channel } from "../../bot/model";
import { CONTENT_DIR } from "../../bot/paths";
import { openFileStore } from "../../bot/store/open-store";
import "../../bot/subscriptions/types";
import { commandList } from "../../adapters/telegram/commands";
import { allText, choiceIds, makeBot } from "../helpers/make-bot";

async function subscribe(t: ReturnType<typeof makeBot>, chat: string, channel: Channel = "web") {
  await t.say(chat, "daftar info", channel);
  await t.say(chat, { choice: "subscribe:agree" }, channel);
  await t.say(chat, "Lubuklinggau", channel);
  await t.say(chat, { choice: "subscribe:dest:taiwan" }, channel);
  await t.say(chat, { choice: "subscribe:dest:japan" }, channel);
  await t.say(chat, { choice: "subscribe:dest-done" }, channel);
  await t.say(chat, "1 6", channel);
  return t.say(chat, { choice: "subscribe:lang:id" }, channel);
}

describe("subscriptions", () => {
  it("asks for consent first, saying what is stored, why, for how long and how to stop", async () => {
    const t = makeBot();
    const r = await t.say("a", "langganan");
    const text = allText(r);
    expect(text).toMatch(/kami simpan/);
    expect(text).toMatch(/Untuk apa/);
    expect(text).toMatch(/Berapa lama/);
    expect(text).toMatch(/berhenti/);
    expect(choiceIds(r)).toEqual(expect.arrayContaining(["subscribe:agree", "subscribe:decline"]));
    expect(t.store.getUser("web:a")?.subscription).toBeUndefined();
    const no = await t.say("a", { choice: "subscribe:decline" });
    expect(no.meta.subscribe).toBe("declined");
    expect(t.store.getUser("web:a")?.consent.subscriptions).toBeUndefined();
  });

  it("the menu entry starts it", async () => {
    const t = makeBot();
    await t.say("m", "halo");
    const r = await t.say("m", { choice: "menu:subscribe" });
    expect(r.meta.subscribe).toBe("consent");
  });

  it("stores region, destinations, sectors and language as chosen, with the consent time", async () => {
    const t = makeBot();
    const r = await subscribe(t, "b");
    expect(r.meta.subscribe).toBe("saved");
    const u = t.store.getUser("web:b");
    expect(u?.subscription).toMatchObject({
      destinations: ["taiwan", "japan"],
      sectors: ["care", "hospitality"],
      lang: "id",
    });
    expect(u?.subscription?.region.name).toBeTruthy();
    expect(u?.consent.subscriptions).toBe(u?.subscription?.since);
    expect(allText(r)).toContain("Taiwan, Jepang");
  });

  it("toggling a destination twice removes it; typed numbers pick several", async () => {
    const t = makeBot();
    await t.say("c", "daftar info");
    await t.say("c", { choice: "subscribe:agree" });
    await t.say("c", { choice: "subscribe:skip-region" });
    await t.say("c", { choice: "subscribe:dest:malaysia" });
    const r = await t.say("c", { choice: "subscribe:dest:malaysia" });
    expect(r.replies[0]?.choices?.find((x) => x.id === "subscribe:dest:malaysia")?.label).not.toContain("✓");
    await t.say("c", "1, 5");
    await t.say("c", { choice: "subscribe:sector:fishing" });
    await t.say("c", { choice: "subscribe:sector-done" });
    await t.say("c", { choice: "subscribe:lang:en" });
    expect(t.store.getUser("web:c")?.subscription).toMatchObject({
      destinations: ["hong-kong", "south-korea"],
      sectors: ["fishing"],
      lang: "en",
    });
  });

  it("berhenti, stop and /berhenti work in every state and on every channel", async () => {
    const t = makeBot();
    for (const [i, word] of ["berhenti", "stop", "/berhenti", "STOP"].entries()) {
      for (const channel of ["web", "telegram", "whatsapp"] as const) {
        const chat = `s${i}`;
        await subscribe(t, chat, channel);
        // In the middle of another flow (a report) and of a new subscription.
        await t.say(chat, "lapor", channel);
        const r = await t.say(chat, word, channel);
        expect(r.meta.subscribe).toBe("stopped");
        expect(t.store.getUser(`${channel}:${chat}`)?.subscription).toBeUndefined();
        expect(t.store.getUser(`${channel}:${chat}`)?.consent.subscriptions).toBeUndefined();
      }
    }
    await t.say("w", "daftar info", "whatsapp");
    await t.say("w", { choice: "subscribe:agree" }, "whatsapp");
    const r = await t.say("w", "berhenti", "whatsapp");
    expect(r.meta.subscribe).toBe("none");
    expect(t.store.getUser("whatsapp:w")?.subscription).toBeUndefined();
  });

  it("berhenti is on disk before it is confirmed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sub-stop-"));
    const store = await openFileStore(dir, { intervalMs: 3_600_000, shards: 4 });
    const t = makeBot({ store });
    await subscribe(t, "d", "telegram");
    const before = await openFileStore(dir, { readOnly: true });
    expect(before.getUser("telegram:d")?.subscription?.destinations).toEqual(["taiwan", "japan"]);
    await before.close();
    await t.say("d", "berhenti", "telegram");
    const after = await openFileStore(dir, { readOnly: true });
    expect(after.getUser("telegram:d")?.subscription).toBeUndefined();
    expect(after.getUser("telegram:d")?.consent.subscriptions).toBeUndefined();
    await after.close();
    await store.close();
  });

  it("datasaya shows the subscription and hapusdata deletes it", async () => {
    const t = makeBot();
    await subscribe(t, "e");
    const shown = allText(await t.say("e", "datasaya"));
    expect(shown).toContain("Taiwan");
    expect(shown).toContain("Perawat lansia");
    expect(shown).toMatch(/sejak 2026-11-28/);
    await t.say("e", "hapusdata");
    await t.say("e", { choice: "privacy:yes" });
    expect(t.store.getUser("web:e")).toBeUndefined();
  });

  it("a subscriber sees what they have and can change it", async () => {
    const t = makeBot();
    await subscribe(t, "f");
    const r = await t.say("f", "langganan");
    expect(r.meta.subscribe).toBe("current");
    expect(choiceIds(r)).toEqual(expect.arrayContaining(["subscribe:change", "subscribe:stop"]));
    const c = await t.say("f", { choice: "subscribe:change" });
    expect(c.meta.subscribe).toBe("consent");
  });

  it("Telegram advertises /berhenti again", () => {
    const t = makeBot({ config: loadConfig({}) });
    const words = t.bot.channelCommands;
    expect(words).toContain("berhenti");
    const list = commandList(createI18n(join(CONTENT_DIR, "locales")), words, "id");
    expect(list.find((c) => c.command === "berhenti")?.description).toMatch(/Berhenti/);
  });
});
