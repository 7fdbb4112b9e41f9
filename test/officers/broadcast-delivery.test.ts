import { describe, expect, it } from "vitest";
import type { Outbound } from "../../bot/model";
import type { Sender, SendOutcome } from "../../bot/sender";
import type { Destination } from "../../bot/subscriptions/types";
import { allText, makeBot } from "../helpers/make-bot";

function seed(t: ReturnType<typeof makeBot>, ids: string[], destinations: Destination[] = ["taiwan"]) {
  for (const id of ids) {
    t.store.putUser({
      key: `telegram:${id}`,
      channel: "telegram",
      chatId: id,
      profile: {},
      consent: { subscriptions: "2026-11-01T00:00:00.000Z" },
      subscription: {
        region: { code: "16.73", name: "Kota Lubuk Linggau" },
        destinations,
        sectors: ["care"],
        lang: "id",
        since: "2026-11-01T00:00:00.000Z",
      },
      createdAt: "2026-11-01T00:00:00.000Z",
      lastSeenAt: "2026-11-01T00:00:00.000Z",
    });
  }
}

function fakeChannel(outcomes: Record<string, SendOutcome> = {}) {
  const sent: { chatId: string; message: Outbound; kind?: string }[] = [];
  const sender: Sender = {
    channel: "telegram",
    async send(chatId, message) {
      sent.push({ chatId, message });
      return outcomes[chatId] ?? { ok: true };
    },
  };
  return { sender, sent };
}

async function drain(t: ReturnType<typeof makeBot>) {
  const d = t.bot.services.dispatcher;
  await d.idle();
  while ((await d.runOnce()) > 0);
  await d.idle();
}

describe("broadcasts through the real outbox and dispatcher", () => {
  it("reaches every subscriber in the audience once; blocked ones are unsubscribed; progress reaches done", async () => {
    const t = makeBot();
    seed(t, ["1", "2", "3", "4"]);
    seed(t, ["9"], ["japan"]);
    const ch = fakeChannel({
      "3": { ok: false, permanent: true, blocked: true, reason: "blocked" },
      "4": { ok: false, permanent: true, reason: "bad" },
    });
    t.bot.services.senders.set("telegram", ch.sender);
    const { record, recipients } = await t.bot.services.broadcasts.create({
      text: "Info",
      audience: { destination: "taiwan" },
      by: "siti",
    });
    expect(recipients).toBe(4);
    await drain(t);
    expect(ch.sent.map((s) => s.chatId).sort()).toEqual(["1", "2", "3", "4"]);
    expect(await t.bot.services.broadcasts.progress(record.id)).toEqual({
      status: "done",
      total: 4,
      sent: 2,
      failed: 2,
      pending: 0,
    });
    expect(t.store.getUser("telegram:3")?.subscription).toBeUndefined();
    expect(t.store.getUser("telegram:4")?.subscription).toBeDefined();
    // A repeated fan-out (e.g. after a crash) adds nobody twice.
    await t.bot.services.broadcasts.tick();
    expect(await t.bot.services.dispatcher.runOnce()).toBe(0);
    expect(ch.sent).toHaveLength(4);
  });

  it("opt-out is honoured at once: berhenti after the fan-out drops that person's message", async () => {
    const t = makeBot();
    seed(t, ["1", "2"]);
    const ch = fakeChannel();
    const { record } = await t.bot.services.broadcasts.create({ text: "Info", audience: {}, by: "siti" });
    const r = await t.say("2", "berhenti", "telegram");
    expect(r.meta.subscribe).toBe("stopped");
    t.bot.services.senders.set("telegram", ch.sender);
    await drain(t);
    expect(ch.sent.map((s) => s.chatId)).toEqual(["1"]);
    expect((await t.bot.services.broadcasts.progress(record.id)).status).toBe("done");
  });

  it("replies to people go ahead of a broadcast's queue", async () => {
    const t = makeBot();
    seed(
      t,
      Array.from({ length: 40 }, (_, i) => `b${i}`),
    );
    await t.bot.services.broadcasts.create({ text: "Info", audience: {}, by: "siti" });
    await t.bot.services.outbox.enqueue(
      [
        {
          effect: "report-reply:MA-TEST1",
          kind: "report-reply",
          channel: "telegram",
          chatId: "reporter",
          message: { text: "balasan" },
        },
      ],
      t.clock(),
    );
    const ch = fakeChannel();
    t.bot.services.senders.set("telegram", ch.sender);
    await t.bot.services.dispatcher.runOnce();
    expect(ch.sent[0]?.chatId).toBe("reporter");
  });

  it("cancelling stops everything not yet sent", async () => {
    const t = makeBot();
    seed(
      t,
      Array.from({ length: 50 }, (_, i) => `c${i}`),
    );
    const ch = fakeChannel();
    const { record } = await t.bot.services.broadcasts.create({ text: "Info", audience: {}, by: "siti" });
    await t.bot.services.dispatcher.idle();
    t.bot.services.senders.set("telegram", ch.sender);
    await t.bot.services.dispatcher.runOnce();
    const before = ch.sent.length;
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(50);
    await t.bot.services.broadcasts.cancel(record.id, "siti");
    await drain(t);
    expect(ch.sent).toHaveLength(before);
    const p = await t.bot.services.broadcasts.progress(record.id);
    expect(p).toMatchObject({ status: "cancelled", sent: before, pending: 0 });
  });

  it("a message tells the person how to stop", async () => {
    const t = makeBot();
    seed(t, ["1"]);
    const ch = fakeChannel();
    t.bot.services.senders.set("telegram", ch.sender);
    await t.bot.services.broadcasts.create({
      text: "Pelatihan",
      training: { title: "Bahasa Jepang", quota: 20 },
      audience: {},
      by: "siti",
    });
    await drain(t);
    expect(allText({ replies: [ch.sent[0]!.message], meta: {} })).toMatch(
      /Bahasa Jepang[\s\S]*Kuota: 20[\s\S]*DAFTAR[\s\S]*berhenti/,
    );
  });
});

describe("DAFTAR", () => {
  it("registers interest in the announcement a person received, once; officers export it as CSV", async () => {
    const t = makeBot();
    seed(t, ["1", "2"]);
    const ch = fakeChannel();
    t.bot.services.senders.set("telegram", ch.sender);
    const { record } = await t.bot.services.broadcasts.create({
      text: "Pelatihan",
      training: { title: "Bahasa Jepang" },
      audience: {},
      by: "siti",
    });
    await drain(t);
    const r = await t.say("1", "DAFTAR", "telegram");
    expect(r.meta.daftar).toBe(record.id);
    expect(r.meta.registered).toBe(true);
    expect(allText(r)).toContain("Bahasa Jepang");
    const again = await t.say("1", "daftar", "telegram");
    expect(again.meta.registered).toBe(false);
    expect((await t.bot.services.broadcasts.interested(record.id)).map((x) => x.userKey)).toEqual([
      "telegram:1",
    ]);
    // Someone who received no announcement is not registered.
    const other = await t.say("77", "daftar", "telegram");
    expect(other.meta.daftar).toBeUndefined();
  });
});
