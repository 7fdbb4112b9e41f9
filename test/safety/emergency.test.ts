import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { HandleResult } from "../../bot/model";
import { CONTENT_DIR } from "../../bot/paths";
import { loadAbroad } from "../../bot/safety/abroad";
import { FIRST_REPLY_MAX } from "../../bot/safety/contacts-text";
import { loadHotlines } from "../../bot/safety/hotlines";
import { allText, choiceIds, MENU_ENTRIES, makeBot, type TestBot } from "../helpers/make-bot";

const hotlines = loadHotlines(join(CONTENT_DIR, "safety", "hotlines.yaml"));
const abroad = loadAbroad(join(CONTENT_DIR, "safety", "hotlines-abroad.yaml"));
/** Every number the bot may show, each with a source and a checked date in content/safety/. */
const SOURCED = new Set([
  ...hotlines.flatMap((h) =>
    h.lines.filter((l) => l.kind === "phone" || l.kind === "whatsapp").map((l) => l.value),
  ),
  ...abroad.countries.flatMap((c) => c.emergency.map((n) => n.value)),
]);

/** The bold numbers of a text ("*110*", "*+62 21 2924 4800*"). */
function numbersIn(text: string): string[] {
  return [...text.matchAll(/\*(\+?\d[\d\s-]*\d)\*/g)].map((m) => m[1] as string);
}

/** The short first reply: numbers now, a line saying more follows, no sources yet. */
function expectShortFirst(r: HandleResult, lang: "id" | "en" = "id"): string {
  expect(r.meta.emergency).toBe(true);
  const first = r.replies[0]?.text ?? "";
  expect(first.length).toBeLessThanOrEqual(FIRST_REPLY_MAX);
  expect(first).toMatch(lang === "id" ? /Bantuan lain ada di bawah/ : /More help below/);
  expect(numbersIn(first).length).toBeGreaterThanOrEqual(1);
  for (const n of numbersIn(first)) expect(SOURCED).toContain(n);
  return first;
}

/** Unknown place: 110 only as "in Indonesia", the ministry line for abroad. */
function expectUnknownPlace(first: string): void {
  expect(first).toMatch(/(Di Indonesia: polisi|In Indonesia: police) \*110\*/);
  expect(first).toContain("*+62 21 2924 4800*");
  expect(first).toContain("Safe Travel");
}

/** Ways to leave a person in each flow state before the danger message. */
const STATES: { name: string; setup: (b: TestBot, chat: string) => Promise<unknown> }[] = [
  { name: "brand-new chat (first message)", setup: async () => {} },
  { name: "after the main menu", setup: (b, c) => b.say(c, "menu") },
  { name: "language question", setup: (b, c) => b.say(c, "bahasa") },
  { name: "help", setup: (b, c) => b.say(c, "bantuan") },
  { name: "report: asked what happened", setup: (b, c) => b.say(c, { choice: "report:start" }) },
  {
    name: "report: asked who",
    setup: async (b, c) => {
      await b.say(c, { choice: "report:start" });
      await b.say(c, "agen minta uang terus");
    },
  },
  { name: "report status: asked for a reference", setup: (b, c) => b.say(c, "cek laporan") },
  { name: "privacy: asked to confirm deletion", setup: (b, c) => b.say(c, "hapusdata") },
  { name: "after the emergency answer", setup: (b, c) => b.say(c, "SOS") },
  { name: "after a discreet exit", setup: (b, c) => b.say(c, "keluar") },
  { name: "after free text nobody understood", setup: (b, c) => b.say(c, "qwerty asdf") },
  ...MENU_ENTRIES.map((entry) => ({
    name: `main menu entry ${entry}`,
    setup: async (b: TestBot, c: string) => {
      await b.say(c, "menu");
      await b.say(c, { choice: `menu:${entry}` });
    },
  })),
];

const MESSAGES: { text: string; lang: "id" | "en" }[] = [
  { text: "tolong saya", lang: "id" },
  { text: "paspor sy ditahan majikan", lang: "id" },
  { text: "help me, they locked us in", lang: "en" },
  { text: "sdh 4 bln gaji blm dibayar", lang: "id" },
];

describe("the first emergency reply is short, from every flow state", () => {
  for (const state of STATES) {
    for (const m of MESSAGES) {
      it(`${state.name}: "${m.text}"`, async () => {
        const b = makeBot();
        const chat = `c-${Math.random().toString(36).slice(2)}`;
        await state.setup(b, chat);
        const r = await b.say(chat, m.text);
        expectUnknownPlace(expectShortFirst(r, m.lang));
        // Sources come behind "Selengkapnya", not in the first reply.
        expect(r.replies[0]?.text).not.toMatch(/Sumber:|Source:/);
      });
    }
  }
});

describe("where the person is", () => {
  it("asks when the text does not say, with Indonesia / abroad choices", async () => {
    const b = makeBot();
    const r = await b.say("w1", "tolong saya");
    expect(r.meta.where).toBeNull();
    expect(choiceIds(r)).toEqual(
      expect.arrayContaining(["emergency:where:indonesia", "emergency:where:abroad"]),
    );
    expect(allText(r)).toMatch(/Anda sekarang di mana\?/);
    const home = await b.say("w1", { choice: "emergency:where:indonesia" });
    expect(home.meta.where).toBe("indonesia");
    expect(numbersIn(home.replies[0]?.text ?? "")).toEqual(["110", "0800-1000"]);
    const out = await b.say("w1", { choice: "emergency:where:abroad" });
    expect(out.meta.where).toBe("abroad");
    expect(allText(out)).toMatch(/Di negara mana\?/);
    expect(allText(out)).not.toMatch(/\b110\b/);
  });

  const READ: [string, string | null][] = [
    ["tolong saya di malaysia", "malaysia"],
    ["help me, I am in Dubai, they took my passport", "uae"],
    ["sy di taichung, majikan pukul saya", "taiwan"],
    ["paspor sy ditahan majikan di riyadh", "saudi-arabia"],
    ["kami disekap di penampungan di Batam", "indonesia"],
    ["tolong, saya disekap di luar negeri", "abroad"],
    // A destination or an origin is not where the person is.
    ["saya disekap agen, mau dibawa ke malaysia", null],
    ["tolong saya", null],
  ];
  for (const [text, where] of READ) {
    it(`reads "${text}" as ${where}`, async () => {
      const b = makeBot();
      const r = await b.say("w2", text);
      expect(r.meta.emergency).toBe(true);
      expect(r.meta.where).toBe(where);
    });
  }

  it("a follow-up that names the place is understood, in its own language: 'i am in dubai'", async () => {
    const b = makeBot();
    await b.say("w3", "tolong saya");
    const r = await b.say("w3", "i am in dubai");
    expect(r.meta.where).toBe("uae");
    const first = expectShortFirst(r, "en");
    expect(first).toMatch(/United Arab Emirates/);
    expect(b.store.getUser("web:w3")?.lang).toBe("en");
    const typed = await b.say("w4", "tolong");
    expect(typed.meta.where).toBeNull();
    expect((await b.say("w4", "sy di taichung")).meta.where).toBe("taiwan");
  });

  it("remembers the place for the next danger message in the conversation", async () => {
    const b = makeBot();
    await b.say("w5", "tolong saya disekap di malaysia");
    const again = await b.say("w5", "tolong");
    expect(again.meta.where).toBe("malaysia");
    expect(again.replies[0]?.text).toContain("*999*");
  });
});

describe("abroad", () => {
  it("Safe Travel and the embassy first, the country's own number, the ministry line; never 110", async () => {
    const b = makeBot();
    const r = await b.say("a1", "tolong saya disekap di malaysia");
    const first = expectShortFirst(r);
    const lines = first.split("\n");
    expect(lines[1]).toMatch(/Safe Travel.*KBRI\/KJRI.*Malaysia/);
    expect(first).toContain("Nomor darurat Malaysia: *999*");
    expect(first).toContain("*+62 21 2924 4800*");
    expect(allText(r)).not.toMatch(/\b110\b/);
    const saudi = await b.say("a2", "paspor sy ditahan majikan di jeddah");
    expect(saudi.replies[0]?.text).toContain("*911*");
    expect(allText(saudi)).not.toMatch(/\b110\b/);
  });

  it("a country whose numbers are not sourced gets Safe Travel and the ministry line, no invented number", async () => {
    const b = makeBot();
    const r = await b.say("a3", "help me, I am in Dubai, they took my passport");
    const first = expectShortFirst(r, "en");
    expect(numbersIn(first)).toEqual(["+62 21 2924 4800"]);
    expect(first).toMatch(/Safe Travel/);
    expect(first).toMatch(/cannot confirm the emergency number in the United Arab Emirates/);
  });

  for (const country of abroad.countries) {
    it(`${country.id}: every number shown, first reply and details, is sourced; 110 never appears`, async () => {
      const b = makeBot();
      for (const lang of ["id", "en"] as const) {
        const chat = `${country.id}-${lang}`;
        if (lang === "en") await b.say(chat, { choice: "language:en" });
        const r = await b.say(chat, { choice: `emergency:where:${country.id}` });
        expectShortFirst(r, lang);
        const more = await b.say(chat, { choice: `emergency:more:${country.id}` });
        for (const text of [allText(r), allText(more)]) {
          expect(text).not.toMatch(/\b110\b/);
          for (const n of numbersIn(text)) expect(SOURCED).toContain(n);
        }
        for (const n of country.emergency) expect(allText(more)).toContain(`*${n.value}*`);
        // Each number in the details carries its source and checked date.
        const sources = allText(more).match(/(Sumber|Source): .+ · (dicek|checked) \d{2}\/\d{4}/g) ?? [];
        expect(sources.length).toBeGreaterThanOrEqual(3 + country.emergency.length);
      }
    });
  }
});

describe("Selengkapnya and what comes next", () => {
  it("the details list every contact with its source and checked date, and the safety advice", async () => {
    const b = makeBot();
    await b.say("s1", "tolong");
    const r = await b.say("s1", { choice: "emergency:more:unknown" });
    const text = allText(r);
    for (const n of ["110", "129", "08111-129-129", "0800-1000", "+62 21 2924 4800", "Safe Travel", "KBRI"]) {
      expect(text).toContain(n);
    }
    expect(text.match(/Sumber: .+ · dicek \d{2}\/\d{4}/g)?.length ?? 0).toBe(hotlines.length);
    expect(text).toMatch(/jangan kabur sendirian kalau itu berbahaya/);
  });

  it("offers to report, and the offer starts a report", async () => {
    const b = makeBot();
    await b.say("x", "menu");
    const r = await b.say("x", "saya dipukul majikan di batam");
    expect(choiceIds(r)).toContain("report:start");
    const next = await b.say("x", { choice: "report:start" });
    expect(next.meta.flow).toBe("report");
    expect(allText(next)).toMatch(/Ceritakan apa yang terjadi/);
  });

  it("never pushes a confined person to escape alone", async () => {
    const b = makeBot();
    const r = await b.say("s2", "kami disekap di penampungan");
    expect(allText(r)).toMatch(/jangan kabur sendirian/);
    expect(allText(r)).toMatch(/minta keluarga melapor/);
  });

  it("keeps the report being written: the danger text becomes the answer to the step", async () => {
    const b = makeBot();
    await b.say("r", { choice: "report:start" });
    const r = await b.say("r", "Kami disekap di penampungan di Batam, paspor diambil");
    expectShortFirst(r);
    expect(r.meta.flow).toBe("report");
    expect(allText(r)).toMatch(/Siapa yang terlibat/);
    expect(b.store.getSession("web:r")?.flow).toBe("report");
  });

  it("the menu entry and the words darurat / SOS give the same answer", async () => {
    const b = makeBot();
    await b.say("m", "menu");
    expectUnknownPlace(expectShortFirst(await b.say("m", { choice: "menu:emergency" })));
    expectUnknownPlace(expectShortFirst(await b.say("m2", "darurat")));
  });

  it("a question about danger also goes on to the FAQ, with the report offer on the numbers", async () => {
    const b = makeBot();
    const r = await b.say("h", "apakah majikan boleh menahan paspor saya?");
    expectShortFirst(r);
    expect(r.meta.handover).toBe("faq");
    expect(r.replies[0]?.choices?.map((c) => c.id)).toContain("report:start");
  });

  it("a plain call for help gets the offer to report", async () => {
    const b = makeBot();
    const r = await b.say("h2", "saya disekap agen di batam");
    expect(r.meta.handover).toBeUndefined();
    expect(choiceIds(r)).toEqual(expect.arrayContaining(["report:start", "menu:home"]));
  });
});

describe("English in, English out", () => {
  it("answers an English emergency in English and keeps English for what follows", async () => {
    const b = makeBot();
    const r = await b.say("en1", "help me, they took my passport");
    expectShortFirst(r, "en");
    expect(allText(r)).toMatch(/Where are you now\?/);
    const report = await b.say("en1", { choice: "report:start" });
    expect(allText(report)).toMatch(/[A-Za-z]/);
    expect(allText(report)).not.toMatch(/Ceritakan/);
  });

  it("a person who chose English gets English for any danger message", async () => {
    const b = makeBot();
    await b.say("en2", { choice: "language:en" });
    const r = await b.say("en2", "SOS");
    expectShortFirst(r, "en");
  });
});

describe("floods", () => {
  it("danger is answered when rate-limited; a repeat is the same answer, with no flow run or write", async () => {
    const b = makeBot({ env: { RATE_LIMIT_PER_MINUTE: "2" } });
    let limited = false;
    for (let i = 0; i < 10 && !limited; i++) limited = (await b.say("rl", "halo")).meta.limited === true;
    expect(limited).toBe(true);
    const first = await b.say("rl", "tolong");
    expectShortFirst(first);
    const before = JSON.stringify(b.store.getSession("web:rl"));
    const seen = b.store.getUser("web:rl")?.lastSeenAt;
    const again = await b.say("rl", "tolong");
    expect(again.meta.repeated).toBe(true);
    expect(again.replies).toEqual(first.replies);
    expect(JSON.stringify(b.store.getSession("web:rl"))).toBe(before);
    expect(b.store.getUser("web:rl")?.lastSeenAt).toBe(seen);
  });

  it("a throttled adapter (rotating chat ids from one address): danger still answered, cheaply; the rest slowed", async () => {
    const b = makeBot();
    const send = (chat: string, text: string) =>
      b.bot.core.handle({ channel: "web", chatId: chat, text, at: new Date(), throttled: true });
    const first = await send("rot-0", "tolong");
    expectShortFirst(first);
    for (let i = 1; i < 50; i++) {
      const r = await send(`rot-${i}`, "tolong");
      expect(r.meta.repeated).toBe(true);
      expect(r.replies).toEqual(first.replies);
      expect(b.store.getUser(`web:rot-${i}`)).toBeUndefined();
    }
    expect((await send("rot-x", "halo")).meta.limited).toBe(true);
  });

  it("never slows keluar, exit or hapusdata", async () => {
    const b = makeBot({ env: { RATE_LIMIT_PER_MINUTE: "1" } });
    for (let i = 0; i < 10; i++) await b.say("f", "halo");
    expect((await b.say("f", "halo")).meta.limited).toBe(true);
    for (const word of ["keluar", "exit"]) expect((await b.say("f", word)).meta.exit).toBe(true);
    const del = await b.say("f", "hapusdata");
    expect(del.meta.limited).toBeUndefined();
    expect(del.meta.privacy).toBe("confirm");
    const yes = await b.say("f", { choice: "privacy:yes" });
    expect(yes.meta.deleted).toBe(true);
    const t = await b.bot.core.handle({
      channel: "web",
      chatId: "g",
      text: "keluar",
      at: new Date(),
      throttled: true,
    });
    expect(t.meta.exit).toBe(true);
  });
});

describe("ordinary messages stay ordinary", () => {
  it("'tolong jelaskan biaya' and 'help me understand the contract' are not emergencies", async () => {
    const b = makeBot();
    expect((await b.say("o", "tolong jelaskan biaya")).meta.emergency).toBeUndefined();
    expect((await b.say("o", "help me understand the contract")).meta.emergency).toBeUndefined();
    expect((await b.say("o", "help")).meta.command).toBe("help");
  });
});

describe("discreet exit", () => {
  for (const word of ["keluar", "exit", "KELUAR", "/exit"]) {
    it(`"${word}" ends the active flow with a neutral line`, async () => {
      const b = makeBot();
      await b.say("q", "menu");
      await b.say("q", { choice: "report:start" });
      expect(b.store.getSession("web:q")?.flow).toBe("report");
      const r = await b.say("q", word);
      expect(r.meta.exit).toBe(true);
      expect(r.replies).toHaveLength(1);
      expect(r.replies[0]?.choices).toBeUndefined();
      expect(allText(r)).not.toMatch(/lapor|bahaya|darurat|report|danger/i);
      const session = b.store.getSession("web:q");
      expect(session?.flow).toBeUndefined();
      expect(session?.state).toBeUndefined();
      expect(session?.choices).toBeUndefined();
    });
  }
});

describe("handover", () => {
  it("tells questions and pasted adverts from calls for help", async () => {
    const { handoverFor } = await import("../../bot/safety/handover");
    expect(handoverFor("majikan boleh nahan paspor saya gak?")).toBe("faq");
    expect(handoverFor("kalau dipukul majikan harus bagaimana")).toBe("faq");
    expect(handoverFor("saya disekap agen di batam")).toBeUndefined();
    expect(handoverFor("tolong")).toBeUndefined();
    expect(
      handoverFor(
        "Dicari pekerja pabrik ke Malaysia. Selama kontrak paspor disimpan perusahaan. Gaji 8 juta, tiket ditanggung.",
      ),
    ).toBe("offer");
  });
});
