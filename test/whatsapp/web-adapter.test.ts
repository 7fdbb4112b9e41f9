import { afterEach, describe, expect, it } from "vitest";
import { type Inbound, userKey } from "../../bot/model";
import { createMemoryStore } from "../../bot/store/open-store";
import { visible } from "../adapters/drivers";
import { BOT_ID } from "../fakes/whatsapp-web-client";
import { MENU_ENTRIES } from "../helpers/make-bot";
import { startWebHarness, type WebHarness } from "./web-harness";

let h: WebHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const PERSON = "6281234500001@c.us";
const texts = (chatId: string) =>
  h!.fakes
    .last()
    .sent.filter((s) => s.chatId === chatId)
    .map((s) => s.text);
/** The Inbound values the adapter hands to the core. */
function spyInbound(): Inbound[] {
  const seen: Inbound[] = [];
  const core = h!.test.bot.core;
  const handle = core.handle.bind(core);
  core.handle = (inbound) => {
    seen.push({ ...inbound });
    return handle(inbound);
  };
  return seen;
}
const t = (key: string, opts?: Record<string, unknown>) => h!.test.bot.i18n.getFixedT("id")(key, opts);

describe("whatsapp-web.js adapter: translation", () => {
  it("answers a message with the core's words and the choices as a numbered list", async () => {
    h = await startWebHarness();
    h.fakes.last().deliver(PERSON, "halo");
    await h.handled(1);
    const all = texts(PERSON).join("\n");
    expect(all).toContain(t("common:greeting"));
    for (const [i, entry] of MENU_ENTRIES.entries()) {
      expect(all).toContain(`${i + 1}. ${visible(t(`common:menu.${entry}`))}`);
    }
    expect(all).toContain(t("whatsapp:replyNumbers", { numbers: `1–${MENU_ENTRIES.length}` }));
  });

  it("takes a choice typed as its number or its label", async () => {
    h = await startWebHarness();
    const c = h.fakes.last();
    c.deliver(PERSON, "menu");
    await h.handled(1);
    c.deliver(PERSON, String(MENU_ENTRIES.indexOf("language") + 1));
    await h.handled(2);
    const ask = texts(PERSON).at(-1)!;
    expect(ask).toMatch(/1\. .*\n2\. /);
    expect(ask).toContain(t("whatsapp:replyNumbers", { numbers: `1 ${t("whatsapp:or")} 2` }));
    c.deliver(PERSON, "English");
    await h.handled(3);
    expect(h.test.store.getUser(userKey("whatsapp", PERSON))?.lang).toBe("en");
  });

  it("handles a message delivered twice once, also after a restart of the adapter", async () => {
    const store = createMemoryStore();
    h = await startWebHarness({ store });
    const c = h.fakes.last();
    const m = c.deliver(PERSON, "menu");
    c.emit("message", m);
    await h.handled(1);
    const replies = c.sent.length;
    c.emit("message", { ...m });
    await h.wa.stop();
    h = await startWebHarness({ store });
    h.fakes.last().emit("message", { ...m });
    h.fakes.last().deliver(PERSON, "bantuan");
    await h.handled(1);
    expect(replies).toBeGreaterThan(0);
    expect(h.fakes.last().sent.some((s) => s.text.includes(t("common:menuTitle")))).toBe(false);
  });

  it("ignores its own messages, status broadcasts, channels and offline backlog", async () => {
    h = await startWebHarness();
    const c = h.fakes.last();
    c.deliver(PERSON, "menu", { fromMe: true });
    c.deliver("status@broadcast", "menu", { isStatus: true, author: PERSON });
    c.deliver("120363000000000001@newsletter", "menu");
    c.deliver(PERSON, "menu", { timestamp: Math.floor(Date.now() / 1000) - 3600 });
    c.deliver("6281234500002@c.us", "menu");
    await h.handled(1);
    expect(c.sent.map((s) => s.chatId)).toEqual(expect.arrayContaining(["6281234500002@c.us"]));
    expect(new Set(c.sent.map((s) => s.chatId))).toEqual(new Set(["6281234500002@c.us"]));
  });

  it("in a group answers only when mentioned, pointing to a private chat", async () => {
    h = await startWebHarness();
    const c = h.fakes.last();
    const group = "120363000000000002@g.us";
    c.deliver(group, "menu", { author: PERSON });
    c.deliver(group, "@bot tolong", { author: PERSON, mentionedIds: [BOT_ID] });
    await h.handled(1);
    expect(texts(group)).toEqual([t("whatsapp:privateOnly", { link: "https://wa.me/6280000000001" })]);
    expect(h.test.store.userCount()).toBe(0);
  });

  it("turns a location into Inbound.location and media into the polite 'I read text' reply", async () => {
    h = await startWebHarness();
    const c = h.fakes.last();
    const seen = spyInbound();
    c.deliver(PERSON, "/9j/4AAQSkZJRg==", {
      type: "location",
      location: { latitude: -3.29, longitude: 102.86 },
    });
    await h.handled(1);
    expect(seen[0]).toMatchObject({ location: { lat: -3.29, lon: 102.86 } });
    expect(seen[0]?.text).toBeUndefined();
    expect(texts(PERSON).length).toBeGreaterThan(0);
    for (const type of ["image", "ptt", "sticker", "document"]) {
      c.deliver("6281234500003@c.us", "", { type, hasMedia: true });
    }
    c.deliver("6281234500004@c.us", "brp biaya ke jepang", { type: "image", hasMedia: true });
    await h.handled(6);
    expect(seen.find((i) => i.chatId === "6281234500004@c.us")).toMatchObject({
      text: "brp biaya ke jepang",
      media: "photo",
    });
    expect(texts("6281234500003@c.us").filter((x) => x.includes(t("common:media")))).toHaveLength(4);
  });

  it("treats @c.us and @lid as one person, looking the other form up once per new chat id", async () => {
    const lid = "123456789012345@lid";
    h = await startWebHarness({ pairs: new Map([[lid, PERSON]]) });
    const c = h.fakes.last();
    const seen = spyInbound();
    c.deliver(PERSON, "bahasa");
    await h.handled(1);
    c.deliver(PERSON, "English");
    await h.handled(2);
    c.deliver(lid, "menu");
    await h.handled(3);
    c.deliver(lid, "help");
    await h.handled(4);
    expect(seen.map((i) => i.chatId)).toEqual([PERSON, PERSON, PERSON, PERSON]);
    expect(texts(lid).join("\n")).toContain(visible(h.test.bot.i18n.getFixedT("en")("common:menuTitle")));
    expect(h.test.store.getUser(userKey("whatsapp", lid))).toBeUndefined();
    expect(h.test.store.getUser(userKey("whatsapp", PERSON))?.lang).toBe("en");
    expect(c.lookups).toEqual([PERSON]);
  });

  it("keeps an officer under the form OFFICER_WHATSAPP_IDS names", async () => {
    const lid = "99887766554433@lid";
    h = await startWebHarness({ env: { OFFICER_WHATSAPP_IDS: PERSON }, pairs: new Map([[lid, PERSON]]) });
    h.fakes.last().deliver(lid, "menu");
    await h.handled(1);
    expect(h.test.store.getUser(userKey("whatsapp", PERSON))).toBeDefined();
    expect(h.test.bot.services.isOfficer("whatsapp", PERSON)).toBe(true);
  });
});
