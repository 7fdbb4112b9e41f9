import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { userKey } from "../../bot/model";
import { type Harness, startHarness } from "./harness";

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const ids = (m: { reply_markup?: { inline_keyboard?: { callback_data?: string }[][] } } | undefined) =>
  m?.reply_markup?.inline_keyboard?.flat().map((b) => b.callback_data) ?? [];

describe("telegram adapter over HTTP (long polling)", () => {
  it("starts: getMe, commands in id and en, no webhook, then getUpdates → handle → sendMessage", async () => {
    h = await startHarness();
    const { fake } = h;
    expect(fake.calls("getMe")).toHaveLength(1);
    expect(fake.calls("deleteWebhook")).toHaveLength(1);
    for (const lang of ["", "id", "en"]) {
      expect(fake.commands.get(lang)?.map((c) => c.command)).toEqual([
        "menu",
        "bantuan",
        "bahasa",
        "datasaya",
        "hapusdata",
        "berhenti",
      ]);
    }
    expect(fake.commands.get("en")?.[0]?.description).toBe("Main menu");
    expect(fake.commands.get("id")?.[0]?.description).toBe("Menu utama");

    await h.deliver(fake.text(101, "/menu"));
    const [reply] = fake.to(101);
    expect(reply?.parse_mode).toBe("HTML");
    expect(ids(reply)).toContain("menu:faq");
    expect(h.test.store.getUser(userKey("telegram", "101"))).toBeDefined();
    expect(fake.calls("getUpdates").length).toBeGreaterThan(1);
  });

  it("answers callback queries and hands the choice to the core", async () => {
    h = await startHarness();
    const { fake } = h;
    await h.deliver(fake.text(102, "menu"));
    const cb = await Promise.resolve(fake.callback(102, "menu:language"));
    await h.deliver(cb);
    expect(fake.calls("answerCallbackQuery").map((r) => r.payload.callback_query_id)).toContain(
      cb.callback_query?.id,
    );
    const last = fake.to(102).at(-1);
    expect(ids(last)).toEqual(expect.arrayContaining(["language:id", "language:en"]));
    await h.deliver(fake.callback(102, "language:en"));
    expect(h.test.store.getUser(userKey("telegram", "102"))?.lang).toBe("en");
    await h.deliver(fake.text(102, "menu"));
    expect(fake.to(102).at(-1)?.plain).toContain("What would you like to do?");
  });

  it("turns a shared location into Inbound.location", async () => {
    h = await startHarness();
    const { fake } = h;
    const seen: unknown[] = [];
    const handle = h.test.bot.core.handle;
    h.test.bot.core.handle = (inbound) => {
      seen.push(inbound);
      return handle(inbound);
    };
    await h.deliver(fake.message(103, { location: { latitude: -3.29, longitude: 102.86 } }));
    expect(seen[0]).toMatchObject({
      channel: "telegram",
      chatId: "103",
      location: { lat: -3.29, lon: 102.86 },
    });
    expect(fake.to(103).length).toBeGreaterThan(0);
  });

  it("reads forwarded text and captions as text, and answers media politely", async () => {
    h = await startHarness();
    const { fake } = h;
    const seen: { text?: string; media?: string }[] = [];
    const handle = h.test.bot.core.handle;
    h.test.bot.core.handle = (inbound) => {
      seen.push(inbound);
      return handle(inbound);
    };
    await h.deliver(
      fake.message(104, {
        text: "bantuan",
        forward_origin: { type: "hidden_user", sender_user_name: "Someone", date: 1 },
      }),
    );
    expect(seen[0]?.text).toBe("bantuan");
    expect(fake.to(104).at(-1)?.plain).toContain("Cara memakai Migrasi Aman");

    await h.deliver(
      fake.message(104, {
        photo: [{ file_id: "p", file_unique_id: "p", width: 1, height: 1 }],
        caption: "menu",
      }),
    );
    expect(seen[1]).toMatchObject({ text: "menu", media: "photo" });

    const media = h.test.bot.i18n.getFixedT("id")("common:media");
    for (const [i, fields] of [
      { voice: { file_id: "v", file_unique_id: "v", duration: 2 } },
      {
        sticker: {
          file_id: "s",
          file_unique_id: "s",
          type: "regular",
          width: 1,
          height: 1,
          is_animated: false,
          is_video: false,
        },
      },
      { document: { file_id: "d", file_unique_id: "d" } },
    ].entries()) {
      await h.deliver(fake.message(104, fields));
      expect(seen[2 + i]?.media).toBe(["voice", "sticker", "document"][i]);
      expect(seen[2 + i]?.text).toBeUndefined();
      expect(fake.to(104).at(-1)?.plain).toContain(media);
    }
  });

  it("records a /start deep-link payload as the user's source", async () => {
    h = await startHarness();
    await h.deliver(h.fake.text(105, "/start disnaker-llg"));
    expect(h.test.store.getUser(userKey("telegram", "105"))?.source).toBe("disnaker-llg");
    expect(ids(h.fake.to(105).at(-1))).toContain("menu:faq");
  });

  it("splits replies over 4,096 characters at paragraph breaks, bold intact and escaped", async () => {
    h = await startHarness();
    const para = (n: number) => `*Bagian ${n}* <${"x".repeat(8)}> & ${"kata ".repeat(300)}`.trim();
    const long = [1, 2, 3, 4].map(para).join("\n\n");
    const handle = h.test.bot.core.handle;
    h.test.bot.core.handle = async (inbound) => {
      const r = await handle(inbound);
      return { ...r, replies: [{ text: long, choices: [{ id: "menu:faq", label: "FAQ" }] }] };
    };
    await h.deliver(h.fake.text(106, "halo"));
    const parts = h.fake.to(106);
    expect(long.length).toBeGreaterThan(4096);
    expect(parts.length).toBe(2);
    for (const p of parts) {
      expect(p.plain.length).toBeLessThanOrEqual(4096);
      expect(p.plain.startsWith("Bagian")).toBe(true);
      expect(p.text).toContain("<b>Bagian");
      expect(p.text).toContain("&lt;xxxxxxxx&gt; &amp;");
    }
    expect(parts.map((p) => p.plain).join("\n\n")).toBe(long.replaceAll("*", ""));
    expect(ids(parts[0])).toEqual([]);
    expect(ids(parts[1])).toEqual(["menu:faq"]);
  });

  it("asks for a location with a reply keyboard holding a location button", async () => {
    h = await startHarness();
    const handle = h.test.bot.core.handle;
    h.test.bot.core.handle = async (inbound) => {
      const r = await handle(inbound);
      return { ...r, replies: [{ text: "Where are you?", askLocation: true }] };
    };
    await h.deliver(h.fake.text(107, "kantor"));
    const kb = h.fake.to(107)[0]?.reply_markup?.keyboard;
    expect(kb?.[0]?.[0]).toEqual({ text: "📍 Kirim lokasi saya", request_location: true });
  });

  it("in groups answers only commands, asking people to chat privately", async () => {
    h = await startHarness();
    const { fake } = h;
    let calls = 0;
    const handle = h.test.bot.core.handle;
    h.test.bot.core.handle = (inbound) => {
      calls++;
      return handle(inbound);
    };
    await h.deliver(fake.text(-200, "halo semua", { chatType: "group" }));
    expect(fake.to(-200)).toHaveLength(0);
    await h.deliver(fake.text(-200, "/bantuan@migrasi_aman_test_bot", { chatType: "group" }));
    const [msg] = fake.to(-200);
    expect(msg?.plain).toBe(h.test.bot.i18n.getFixedT("id")("telegram:privateOnly"));
    expect(msg?.reply_markup?.inline_keyboard?.[0]?.[0]?.url).toBe(
      "https://t.me/migrasi_aman_test_bot?start=group",
    );
    expect(calls).toBe(0);
    expect(h.test.store.userCount()).toBe(0);
  });

  it("marks a user inactive when they block the bot, active again when they return", async () => {
    h = await startHarness();
    const { fake } = h;
    await h.deliver(fake.text(108, "menu"));
    await h.deliver(fake.memberUpdate(108, "kicked"));
    expect(h.test.store.getUser(userKey("telegram", "108"))?.active).toBe(false);
    await h.deliver(fake.memberUpdate(108, "member"));
    expect(h.test.store.getUser(userKey("telegram", "108"))?.active).toBe(true);
  });

  it("keeps one chat's messages in order while chats run concurrently", async () => {
    h = await startHarness();
    const { fake } = h;
    const order: string[] = [];
    const handle = h.test.bot.core.handle;
    h.test.bot.core.handle = async (inbound) => {
      if (inbound.text === "first") await new Promise((r) => setTimeout(r, 30));
      order.push(`${inbound.chatId}:${inbound.text}`);
      return handle(inbound);
    };
    const a = fake.text(110, "first");
    const b = fake.text(110, "second");
    const c = fake.text(111, "other");
    await Promise.all([h.deliver(a), h.deliver(b), h.deliver(c)]);
    expect(order.indexOf("110:first")).toBeLessThan(order.indexOf("110:second"));
  });

  it("stops start-up with a clear message on 409 (another process polls the token)", async () => {
    const { startFakeTelegram } = await import("../fakes/telegram-api");
    const { startTelegram } = await import("../../adapters/telegram");
    const { loadConfig } = await import("../../bot/config");
    const { createLogger } = await import("../../bot/logger");
    const { makeBot } = await import("../helpers/make-bot");
    const { Hono } = await import("hono");
    const fake = await startFakeTelegram();
    fake.setConflict(true);
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot });
    const test = makeBot({ config });
    await expect(
      startTelegram({ bot: test.bot, app: new Hono(), config, log: createLogger("silent") }),
    ).rejects.toThrow(/409 Conflict: another process is already receiving updates/);
    expect(test.bot.services.senders.has("telegram")).toBe(false);
    await fake.close();
  });

  it("reports a 409 that arrives while polling", async () => {
    h = await startHarness();
    h.fake.setConflict(true);
    h.fake.text(112, "menu");
    await h.until(() => h!.fatal.length > 0, "the fatal 409");
    expect(h.fatal[0]?.message).toMatch(/409 Conflict/);
  });

  it("never logs message text or chat ids, even when a send fails", async () => {
    const lines: string[] = [];
    const log = pino({ level: "debug" }, { write: (line: string) => lines.push(line) });
    h = await startHarness({ extra: { log } });
    h.fake.failNext("sendMessage", { error_code: 400, description: "Bad Request: boom" });
    await h.deliver(h.fake.text(777123, "rahasia pribadi saya"));
    await h.deliver(h.fake.memberUpdate(777123, "kicked"));
    const all = lines.join("");
    expect(all).toContain("telegram update failed");
    expect(all).toContain("Bad Request: boom");
    expect(all).not.toContain("777123");
    expect(all).not.toContain(h.test.bot.i18n.getFixedT("id")("common:menuTitle").slice(0, 20));
  });
});
