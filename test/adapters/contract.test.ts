import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userKey } from "../../bot/model";
import { MENU_ENTRIES } from "../helpers/make-bot";
import { type AdapterDriver, DRIVERS, type SeenReply, visible } from "./drivers";

const all = (replies: SeenReply[]) => replies.map((r) => r.text).join("\n");
const ids = (replies: SeenReply[]) => replies.flatMap((r) => r.choices.map((c) => c.id));
const MENU_IDS = MENU_ENTRIES.map((e) => `menu:${e}`);

/**
 * The adapter contract: the same conversation, through each channel adapter from the
 * outside. Every adapter must carry the core's words unchanged (markup aside), offer its
 * choices, carry picks back, keep people apart, and never leave a message unanswered.
 */
describe.each(DRIVERS)("adapter contract: $name", ({ name, supports, start }) => {
  let d: AdapterDriver;
  let chat = 4000;
  const next = () => String(++chat);
  const t = (key: string, lang: "id" | "en" = "id", opts?: Record<string, unknown>) =>
    visible(d.i18n.getFixedT(lang)(key, opts));

  beforeAll(async () => {
    d = await start();
  });
  afterAll(async () => {
    await d.stop();
  });

  it("greets a new person and offers the main menu", async () => {
    const r = await d.send(next(), { text: "halo" });
    expect(all(r)).toContain(t("common:greeting"));
    expect(ids(r)).toEqual(expect.arrayContaining(MENU_IDS));
  });

  it("answers a command with the core's text and the menu's labels", async () => {
    const r = await d.send(next(), { text: "menu" });
    expect(all(r)).toContain(t("common:menuTitle"));
    const menu = r.flatMap((x) => x.choices).filter((c) => c.id.startsWith("menu:"));
    expect(menu.map((c) => c.label)).toEqual(MENU_ENTRIES.map((e) => t(`common:menu.${e}`)));
  });

  it("carries a picked choice back to the core, and the person's language sticks", async () => {
    const who = next();
    await d.send(who, { text: "menu" });
    const ask = await d.send(who, { choice: "menu:language" });
    expect(ids(ask)).toEqual(expect.arrayContaining(["language:id", "language:en"]));
    await d.send(who, { choice: "language:en" });
    expect(d.store.getUser(d.userKey?.(who) ?? userKey(name as "web" | "telegram", who))?.lang).toBe("en");
    const menu = await d.send(who, { text: "menu" });
    expect(all(menu)).toContain(t("common:menuTitle", "en"));
  });

  it("lets a person answer the last choices by typing their number", async () => {
    const who = next();
    await d.send(who, { text: "menu" });
    const r = await d.send(who, { text: String(MENU_ENTRIES.indexOf("language") + 1) });
    expect(ids(r)).toEqual(expect.arrayContaining(["language:id", "language:en"]));
  });

  it("keeps people apart", async () => {
    const a = next();
    const b = next();
    await d.send(a, { text: "menu" });
    await d.send(a, { choice: "language:en" });
    const rb = await d.send(b, { text: "menu" });
    expect(all(rb)).toContain(t("common:menuTitle", "id"));
  });

  it("never leaves text unanswered, even odd or hostile text", async () => {
    for (const text of ["asdfgh qwerty", "<b>hi</b> & <script>alert(1)</script>", "😀🙏", "*", "1 * 2 * 3"]) {
      const r = await d.send(next(), { text });
      expect(r.length).toBeGreaterThan(0);
      expect(all(r).trim().length).toBeGreaterThan(0);
    }
  });

  it("reads only the first MAX_TEXT_CHARS of a very long message and says so", async () => {
    const r = await d.send(next(), { text: `${"kata ".repeat(1200)}` });
    expect(all(r)).toContain(t("common:tooLong", "id", { max: 4000 }));
  });

  it("answers a shared location", async () => {
    const r = await d.send(next(), { location: { lat: -3.29, lon: 102.86 } });
    // The places capability answers with the nearest offices (not "I only read text"); a new chat also gets the menu.
    expect(all(r)).toContain(t("places:nearestHeading"));
    expect(all(r)).not.toContain(t("common:media"));
    expect(ids(r)).toEqual(expect.arrayContaining(MENU_IDS));
  });

  // Only channels that can carry media get this test (the web chat sends text only).
  if (supports.media) {
    it("answers photos, voice, stickers and documents politely: it reads text", async () => {
      for (const media of ["photo", "voice", "sticker", "document"] as const) {
        const r = await d.send(next(), { media });
        expect(all(r)).toContain(t("common:media"));
      }
    });
  }
});
