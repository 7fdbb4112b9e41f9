import { Api } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { createChoiceCodec } from "../../adapters/telegram/choice-codec";
import { renderOutbound } from "../../adapters/telegram/render";
import { createTelegramSender, type TelegramSenderOptions } from "../../adapters/telegram/telegram-sender";
import { type FakeTelegram, startFakeTelegram } from "../fakes/telegram-api";

let fake: FakeTelegram | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function senderFor(f: { token: string; apiRoot: string }, options: Partial<TelegramSenderOptions> = {}) {
  const codec = createChoiceCodec();
  return createTelegramSender({
    api: new Api(f.token, { apiRoot: f.apiRoot }),
    render: (m) => renderOutbound(m, { codec, locationLabel: "Location" }),
    backoffMs: 10,
    ...options,
  });
}

describe("telegram Sender", () => {
  it("obeys a 429's retry_after, then delivers once", async () => {
    fake = await startFakeTelegram();
    fake.failNext("sendMessage", {
      error_code: 429,
      description: "Too Many Requests: retry after 1",
      retry_after: 1,
    });
    const sender = senderFor(fake);
    expect(await sender.send("501", { text: "Halo *semua*" })).toEqual({ ok: true });
    const calls = fake.calls("sendMessage");
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(950);
    expect(fake.to("501").map((m) => m.text)).toEqual(["Halo <b>semua</b>"]);
    await sender.stop();
  });

  it("reports 403 blocked and 'chat not found' as permanent failures, without retrying", async () => {
    fake = await startFakeTelegram();
    fake.blocked.add("502");
    fake.unknownChats.add("503");
    const unreachable: string[] = [];
    const sender = senderFor(fake, { onUnreachable: (id) => unreachable.push(id) });
    const blocked = await sender.send("502", { text: "x" });
    expect(blocked).toMatchObject({ ok: false, permanent: true });
    expect(blocked.ok || blocked.reason).toMatch(/blocked/);
    const missing = await sender.send("503", { text: "x" });
    expect(missing).toMatchObject({ ok: false, permanent: true });
    expect(missing.ok || missing.reason).toMatch(/chat not found/);
    expect(fake.calls("sendMessage")).toHaveLength(2);
    expect(unreachable).toEqual(["502", "503"]);
    await sender.stop();
  });

  it("retries 5xx with backoff, and gives up on network errors after a few attempts (not permanent)", async () => {
    fake = await startFakeTelegram();
    fake.failNext("sendMessage", { error_code: 502, description: "Bad Gateway" }, 2);
    const sender = senderFor(fake, { perChatMs: 20 });
    expect(await sender.send("504", { text: "x" })).toEqual({ ok: true });
    expect(fake.calls("sendMessage").map((c) => c.status)).toEqual([502, 502, 200]);
    await sender.stop();

    const gone = await startFakeTelegram();
    const root = { token: gone.token, apiRoot: gone.apiRoot };
    await gone.close();
    const offline = senderFor(root, { maxAttempts: 3, perChatMs: 20 });
    const outcome = await offline.send("505", { text: "x" });
    expect(outcome).toMatchObject({ ok: false, permanent: false });
    expect(outcome.ok || outcome.reason).toMatch(/network/);
    await offline.stop();
  });

  it("stays under the overall limit and 1 message a second per chat: zero 429s", async () => {
    fake = await startFakeTelegram({ perSecond: 40, perChatMs: 1000 });
    const sender = senderFor(fake, { perSecond: 40 });
    const outcomes = await Promise.all([
      ...Array.from({ length: 60 }, (_, i) => sender.send(String(1000 + i), { text: `m${i}` })),
      ...Array.from({ length: 3 }, (_, i) => sender.send("999", { text: `same chat ${i}` })),
    ]);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(fake.rateLimited).toBe(0);
    expect(fake.sent).toHaveLength(63);
    expect(fake.to("999").map((m) => m.text)).toEqual(["same chat 0", "same chat 1", "same chat 2"]);
    await sender.stop();
  });

  it("sends a long message in order, in parts, each within Telegram's limit", async () => {
    fake = await startFakeTelegram();
    const sender = senderFor(fake, { perChatMs: 50 });
    const text = Array.from({ length: 3 }, (_, i) => `Paragraf ${i} ${"isi ".repeat(600)}`.trim()).join(
      "\n\n",
    );
    expect(await sender.send("506", { text, choices: [{ id: "menu:faq", label: "FAQ" }] })).toEqual({
      ok: true,
    });
    const parts = fake.to("506");
    expect(parts.map((p) => p.plain.slice(0, 10))).toEqual(["Paragraf 0", "Paragraf 1", "Paragraf 2"]);
    expect(parts.at(-1)?.reply_markup?.inline_keyboard?.[0]?.[0]?.callback_data).toBe("menu:faq");
    await sender.stop();
  });

  it("after stop(), waiting and new sends fail without being sent", async () => {
    fake = await startFakeTelegram();
    const sender = senderFor(fake, { perSecond: 0.2, pace: 1 });
    const first = sender.send("507", { text: "a" });
    const waiting = sender.send("508", { text: "b" });
    expect(await first).toEqual({ ok: true });
    await sender.stop();
    expect(await waiting).toMatchObject({ ok: false, permanent: false, reason: "stopped" });
    expect(await sender.send("509", { text: "c" })).toMatchObject({ ok: false, reason: "stopped" });
    expect(fake.to("508")).toHaveLength(0);
  });
});
