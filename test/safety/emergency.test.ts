import { describe, expect, it } from "vitest";
import type { HandleResult } from "../../bot/model";
import { allText, choiceIds, MENU_ENTRIES, makeBot, type TestBot } from "../helpers/make-bot";

const NUMBERS = ["110", "129", "08111-129-129", "0800-1000", "+62 21 2924 4800", "Safe Travel", "KBRI"];

function expectContacts(r: HandleResult): void {
  const text = allText(r);
  expect(r.meta.emergency).toBe(true);
  for (const n of NUMBERS) expect(text).toContain(n);
  // Each of the five contacts carries its source and checked date.
  expect(text.match(/Sumber: .+ · dicek \d{2}\/\d{4}/g)?.length ?? 0).toBe(5);
  // The contacts come first.
  expect(r.replies[0]?.text).toContain("110");
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
  {
    name: "report: asked for a contact",
    setup: async (b, c) => {
      await b.say(c, { choice: "report:start" });
      await b.say(c, "agen minta uang terus");
      await b.say(c, { choice: "report:skip" });
      await b.say(c, { choice: "report:skip" });
    },
  },
  { name: "report status: asked for a reference", setup: (b, c) => b.say(c, "cek laporan") },
  { name: "privacy: asked to confirm deletion", setup: (b, c) => b.say(c, "hapusdata") },
  { name: "after my-data", setup: (b, c) => b.say(c, "datasaya") },
  { name: "after the emergency answer", setup: (b, c) => b.say(c, "SOS") },
  { name: "after a discreet exit", setup: (b, c) => b.say(c, "keluar") },
  { name: "after free text nobody understood", setup: (b, c) => b.say(c, "qwerty asdf") },
  // Every main-menu entry, whichever flows other features have built by now.
  ...MENU_ENTRIES.map((entry) => ({
    name: `main menu entry ${entry}`,
    setup: async (b: TestBot, c: string) => {
      await b.say(c, "menu");
      await b.say(c, { choice: `menu:${entry}` });
    },
  })),
];

const MESSAGES = [
  "tolong saya",
  "paspor sy ditahan majikan",
  "help me, they locked us in",
  "sdh 4 bln gaji blm dibayar",
];

describe("emergency from every flow state", () => {
  for (const state of STATES) {
    for (const message of MESSAGES) {
      it(`${state.name}: "${message}"`, async () => {
        const b = makeBot();
        const chat = `c-${Math.random().toString(36).slice(2)}`;
        await state.setup(b, chat);
        const r = await b.say(chat, message);
        expectContacts(r);
      });
    }
  }

  it("offers to report after the contacts, and the offer starts a report", async () => {
    const b = makeBot();
    const r = await b.say("x", "saya dipukul majikan");
    expect(choiceIds(r)).toContain("report:start");
    const next = await b.say("x", "1");
    expect(next.meta.flow).toBe("report");
    expect(allText(next)).toMatch(/Ceritakan apa yang terjadi/);
  });

  it("answers in English for an English-speaking person", async () => {
    const b = makeBot();
    await b.say("en", { choice: "language:en" });
    const r = await b.say("en", "help me please");
    expect(r.meta.emergency).toBe(true);
    expect(allText(r)).toMatch(/If you are in danger/);
    expect(allText(r)).toMatch(/Source: .+ · checked \d{2}\/\d{4}/);
  });

  it("keeps the report being written: the danger text becomes the answer to the step", async () => {
    const b = makeBot();
    await b.say("r", { choice: "report:start" });
    const r = await b.say("r", "Kami disekap di penampungan di Batam, paspor diambil");
    expectContacts(r);
    expect(r.meta.flow).toBe("report");
    expect(allText(r)).toMatch(/Siapa yang terlibat/);
    expect(b.store.getSession("web:r")?.flow).toBe("report");
  });

  it("the menu entry shows the same contacts", async () => {
    const b = makeBot();
    await b.say("m", "menu");
    const r = await b.say("m", { choice: "menu:emergency" });
    expectContacts(r);
  });

  it("is not rate-limited", async () => {
    const b = makeBot({ env: { RATE_LIMIT_PER_MINUTE: "2" } });
    let limited = false;
    for (let i = 0; i < 10 && !limited; i++) limited = (await b.say("rl", "halo")).meta.limited === true;
    expect(limited).toBe(true);
    expectContacts(await b.say("rl", "tolong"));
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

describe("after the contacts", () => {
  it("a question about danger also goes on to the FAQ, with the report offer on the contacts", async () => {
    const { handoverFor } = await import("../../bot/safety/handover");
    expect(handoverFor("majikan boleh nahan paspor saya gak?")).toBe("faq");
    expect(handoverFor("kalau dipukul majikan harus bagaimana")).toBe("faq");
    expect(handoverFor("majikan boleh nahan paspor saya gak")).toBe("faq");
    expect(handoverFor("saya disekap agen di batam")).toBeUndefined();
    expect(handoverFor("tolong")).toBeUndefined();
    expect(
      handoverFor(
        "Dicari pekerja pabrik ke Malaysia. Selama kontrak paspor disimpan perusahaan. Gaji 8 juta, tiket ditanggung.",
      ),
    ).toBe("offer");
    expect(
      handoverFor(
        "Kami dibawa ke Malaysia untuk kerja pabrik, sekarang paspor disimpan perusahaan dan gaji tidak dibayar.",
      ),
    ).toBeUndefined();

    const b = makeBot();
    const r = await b.say("h", "apakah majikan boleh menahan paspor saya?");
    expectContacts(r);
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
