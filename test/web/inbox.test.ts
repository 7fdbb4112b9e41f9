import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Api } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { createChoiceCodec } from "../../adapters/telegram/choice-codec";
import { renderOutbound } from "../../adapters/telegram/render";
import { createTelegramSender } from "../../adapters/telegram/telegram-sender";
import { createWebApp } from "../../adapters/web/app";
import { startWebInboxExpiry } from "../../adapters/web/inbox";
import type { Channel } from "../../bot/model";
import { openFileStore } from "../../bot/store/open-store";
import type { Store } from "../../bot/store/types";
import { type FakeTelegram, startFakeTelegram } from "../fakes/telegram-api";
import { makeBot } from "../helpers/make-bot";
import { sampleSubscriber } from "../helpers/subscriber";

let fake: FakeTelegram | undefined;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  await fake?.close();
  fake = undefined;
});

async function fileStore(): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), "web-inbox-"));
  const store = await openFileStore(dir, { intervalMs: 0, shards: 2 });
  cleanups.push(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return store;
}

function subscribe(store: Store, channel: Channel, chatId: string) {
  store.putUser(sampleSubscriber(channel, chatId));
}

type Inbox = { messages: { id: string; text: string }[] };

async function poll(app: ReturnType<typeof createWebApp>, chat: string, ack: string[] = []): Promise<Inbox> {
  const res = await app.request("/api/inbox", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ chat, ack }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Inbox;
}

describe("web chat delivery: messages wait for the page and are marked sent when it has them", () => {
  it("a broadcast to web and Telegram subscribers reaches done once the web pages have collected it", async () => {
    const store = await fileStore();
    const t = makeBot({ store });
    const app = createWebApp(t.bot);
    fake = await startFakeTelegram();
    const codec = createChoiceCodec();
    const sender = createTelegramSender({
      api: new Api(fake.token, { apiRoot: fake.apiRoot }),
      render: (m) => renderOutbound(m, { codec, locationLabel: "Lokasi" }),
      backoffMs: 10,
    });
    cleanups.push(() => sender.stop());
    t.bot.services.senders.set("telegram", sender);
    for (const id of ["101", "102"]) subscribe(store, "telegram", id);
    for (const id of ["wA1", "wB2"]) subscribe(store, "web", id);

    const { record, recipients } = await t.bot.services.broadcasts.create({
      text: "Pelatihan bahasa Jepang di BLK",
      audience: {},
      by: "siti",
    });
    expect(recipients).toBe(4);
    const d = t.bot.services.dispatcher;
    await d.idle();
    while ((await d.runOnce()) > 0);
    expect(fake.to("101")).toHaveLength(1);
    expect(fake.to("102")).toHaveLength(1);
    // Telegram is done; the web pages have not asked yet.
    expect(await t.bot.services.broadcasts.progress(record.id)).toMatchObject({
      status: "sending",
      sent: 2,
      pending: 2,
    });

    // The first page polls: it gets its message (handed over, durably "sending"), not the other's.
    const a = await poll(app, "wA1");
    expect(a.messages).toHaveLength(1);
    expect(a.messages[0]?.text).toContain("Pelatihan bahasa Jepang");
    expect(a.messages[0]?.id).toBe(`broadcast:${record.id}|web:wA1`);
    expect((await t.bot.services.outbox.get(a.messages[0]!.id))?.status).toBe("sending");
    // Its confirmation marks it sent, and nothing else is waiting.
    expect((await poll(app, "wA1", [a.messages[0]!.id])).messages).toEqual([]);
    expect((await t.bot.services.outbox.get(a.messages[0]!.id))?.status).toBe("sent");
    // A confirmation for another chat's message changes nothing.
    const b = await poll(app, "wB2");
    expect(b.messages).toHaveLength(1);
    await poll(app, "wA1", [b.messages[0]!.id]);
    expect((await t.bot.services.outbox.get(b.messages[0]!.id))?.status).toBe("sending");
    await poll(app, "wB2", [b.messages[0]!.id]);

    expect(await t.bot.services.broadcasts.progress(record.id)).toEqual({
      status: "done",
      total: 4,
      sent: 4,
      failed: 0,
      pending: 0,
    });
    expect(fake.calls("sendMessage")).toHaveLength(2);
  });

  it("a message whose answer was lost is handed over again after the lease, with the same id", async () => {
    const store = await fileStore();
    const t = makeBot({ store });
    const app = createWebApp(t.bot);
    subscribe(store, "web", "wC3");
    const { record } = await t.bot.services.broadcasts.create({ text: "Info", audience: {}, by: "siti" });
    const first = await poll(app, "wC3");
    expect(first.messages).toHaveLength(1);
    // Never confirmed (the answer was lost on a bad signal): not handed over twice at once …
    expect((await poll(app, "wC3")).messages).toEqual([]);
    // … but again once the lease has ended and the dispatcher has put it back.
    t.clock.advance(3 * 60_000);
    await t.bot.services.dispatcher.runOnce();
    const again = await poll(app, "wC3");
    expect(again.messages.map((m) => m.id)).toEqual(first.messages.map((m) => m.id));
    await poll(app, "wC3", [again.messages[0]!.id]);
    expect((await t.bot.services.broadcasts.progress(record.id)).status).toBe("done");
  });

  it("a message nobody collects fails after the inbox's days, so the broadcast still finishes", async () => {
    const store = await fileStore();
    const t = makeBot({ store });
    subscribe(store, "web", "wD4");
    subscribe(store, "web", "wE5");
    const app = createWebApp(t.bot);
    const { record } = await t.bot.services.broadcasts.create({ text: "Info", audience: {}, by: "siti" });
    const e = await poll(app, "wE5");
    await poll(app, "wE5", [e.messages[0]!.id]);
    t.clock.advance(15 * 86_400_000);
    const stop = startWebInboxExpiry(t.bot.services, 14);
    cleanups.push(stop);
    await expect
      .poll(async () =>
        (await t.bot.services.outbox.byEffect(`broadcast:${record.id}`)).map((r) => r.status).sort(),
      )
      .toEqual(["failed", "sent"]);
    expect(await t.bot.services.broadcasts.progress(record.id)).toMatchObject({
      status: "done",
      sent: 1,
      failed: 1,
      pending: 0,
    });
    expect((await poll(app, "wD4")).messages).toEqual([]);
  });

  it("refuses a malformed poll", async () => {
    const t = makeBot();
    const app = createWebApp(t.bot);
    const res = await app.request("/api/inbox", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ chat: "../../etc" }),
    });
    expect(res.status).toBe(400);
  });
});
