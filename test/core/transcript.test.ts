import { describe, expect, it } from "vitest";
import { createCore } from "../../bot/core";
import type { Flow } from "../../bot/flow";
import { allText, choiceIds, MENU_ENTRIES, makeBot } from "../helpers/make-bot";

const MENU_LABELS_ID = [
  "Tanya prosedur resmi",
  "Cek tawaran kerja",
  "Cek perusahaan perekrut",
  "Kantor & pelatihan terdekat",
  "Info pelatihan (berlangganan)",
  "Bantuan darurat",
  "Bahasa / Language",
];

describe("main menu and greeting", () => {
  it("greets a new person in Indonesian with the seven menu entries", async () => {
    const { say } = makeBot();
    const r = await say("a", "/start");
    expect(allText(r)).toContain("Halo!");
    const menu = r.replies.find((x) => x.choices?.length);
    expect(menu?.choices?.map((c) => c.label)).toEqual(MENU_LABELS_ID);
    expect(menu?.choices?.map((c) => c.id)).toEqual(MENU_ENTRIES.map((e) => `menu:${e}`));
    expect(r.meta.flow).toBe("menu");
  });

  it("answers the first message and still greets, instead of replacing the answer", async () => {
    const { say } = makeBot();
    const r = await say("b", "bahasa");
    expect(r.meta.flow).toBe("language");
    expect(choiceIds(r)).toContain("language:en");
    const second = await say("b", "2");
    expect(second.meta.lang).toBe("en");
    expect(allText(second)).toContain("OK, I will use English.");
  });

  it("accepts a menu choice by number, by label and by id", async () => {
    const { say } = makeBot();
    await say("c", "menu");
    const byNumber = await say("c", "7");
    expect(byNumber.meta.flow).toBe("language");
    await say("c", "menu");
    const byLabel = await say("c", "bahasa / language");
    expect(byLabel.meta.flow).toBe("language");
    const byId = await say("c", { choice: "menu:language" });
    expect(byId.meta.flow).toBe("language");
  });

  it("always answers unknown text with an apology and the menu", async () => {
    const { say } = makeBot();
    await say("d", "menu");
    const r = await say("d", "qwertyuiop asdf");
    expect(allText(r)).toContain("Maaf, saya belum paham");
    expect(choiceIds(r)).toContain("menu:faq");
  });

  it("says an option has expired for an unknown choice id", async () => {
    const { say } = makeBot();
    await say("e", "menu");
    const r = await say("e", { choice: "nosuchflow:x" });
    expect(allText(r)).toContain("sudah tidak berlaku");
    expect(choiceIds(r)).toContain("menu:faq");
  });
});

describe("global commands", () => {
  it("work in both languages and in every state", async () => {
    const { say } = makeBot();
    await say("f", "bahasa");
    const help = await say("f", "HELP");
    expect(help.meta.command).toBe("help");
    expect(allText(help)).toContain("bantuan");
    const lang = await say("f", "/language");
    expect(lang.meta.command).toBe("language");
    const menu = await say("f", "mulai");
    expect(menu.meta.command).toBe("menu");
  });

  it("remember the language per person", async () => {
    const { say } = makeBot();
    await say("g", "language");
    await say("g", { choice: "language:en" });
    const r = await say("g", "menu");
    expect(r.replies[0]?.choices?.[0]?.label).toBe("Ask about legal steps");
    const other = await say("h", "menu");
    expect(other.replies[0]?.choices?.[0]?.label).toBe("Tanya prosedur resmi");
  });

  it("accept free text answers to a choice, such as 'english'", async () => {
    const { say } = makeBot();
    await say("i", "bahasa");
    const r = await say("i", "English");
    expect(r.meta.lang).toBe("en");
  });
});

describe("bad input", () => {
  it("answers media politely", async () => {
    const { bot } = makeBot();
    const r = await bot.core.handle({ channel: "telegram", chatId: "m", media: "voice", at: new Date() });
    expect(allText(r)).toContain("hanya bisa membaca pesan teks");
  });

  it("caps very long text and says so", async () => {
    const { say } = makeBot();
    const r = await say("j", "a".repeat(50_000));
    expect(allText(r)).toContain("4000 huruf pertama");
  });

  it("slows a flood from one chat without touching other chats", async () => {
    const { bot, clock } = makeBot({ env: { RATE_LIMIT_PER_MINUTE: "30" } });
    const send = (chat: string) =>
      bot.core.handle({ channel: "web", chatId: chat, text: "menu", at: clock() });
    const results = [];
    for (let i = 0; i < 40; i++) results.push(await send("flood"));
    const limited = results.filter((r) => r.meta.limited);
    expect(limited.length).toBeGreaterThan(20);
    expect(allText(limited[0]!)).toContain("Tunggu sebentar");
    const other = await send("calm");
    expect(other.meta.limited).toBeUndefined();
    expect(other.meta.flow).toBe("menu");
  });

  it("a wall-clock step back does not block active chats (rate limits use a monotonic clock)", async () => {
    const { say, clock } = makeBot({ env: { RATE_LIMIT_PER_MINUTE: "30" } });
    expect((await say("jump", "menu")).meta.limited).toBeUndefined();
    clock.advance(-3_600_000);
    expect((await say("jump", "menu")).meta.limited).toBeUndefined();
    expect((await say("jump", "bantuan")).meta.limited).toBeUndefined();
  });

  it("turns a failing flow into a polite reply with the menu", async () => {
    const { bot } = makeBot();
    const broken: Flow = {
      id: "broken",
      start: () => {
        throw new Error("boom");
      },
      step: () => ({ replies: [] }),
      detect: () => 1,
    };
    const core = createCore({
      services: bot.services,
      i18n: bot.i18n,
      flows: [broken],
      commands: [],
      menu: bot.menu,
      roles: {},
    });
    const r = await core.handle({ channel: "web", chatId: "z", text: "anything", at: new Date() });
    expect(allText(r)).toContain("ada gangguan");
    expect(choiceIds(r)).toContain("menu:faq");
  });
});

describe("saved state", () => {
  it("keeps the active flow and offered choices in the store", async () => {
    const { say, store } = makeBot();
    await say("k", "bahasa");
    const session = store.getSession("web:k");
    expect(session?.flow).toBe("language");
    expect(session?.choices).toEqual([
      { id: "language:id", label: "Bahasa Indonesia" },
      { id: "language:en", label: "English" },
    ]);
    await say("k", "1");
    expect(store.getSession("web:k")?.flow).toBeUndefined();
    expect(store.getSession("web:k")?.choices).toBe("menu");
    expect((await say("k", "7")).meta.flow).toBe("language");
    expect(store.getUser("web:k")?.lang).toBe("id");
  });
});

describe("a first message that starts a flow", () => {
  it("greets before the answer, so a typed number answers the flow's own choices", async () => {
    const { say } = makeBot();
    const offer =
      "Lowongan kerja pabrik di Malaysia, gaji 6 juta per bulan, berangkat minggu depan. " +
      "Daftar segera, biaya pengurusan 4 juta dibayar di muka kepada agen kami.";
    const r = await say("first", offer);
    expect(r.meta.flow).toBe("offer");
    expect(r.replies[0]?.text).toContain("Halo!");
    expect(r.replies.at(-1)?.choices?.some((c) => c.id.startsWith("offer:"))).toBe(true);
    const next = await say("first", "1");
    expect(next.meta.flow).toBe("offer");
    expect(next.meta.risk).toBeDefined();
  });
});
