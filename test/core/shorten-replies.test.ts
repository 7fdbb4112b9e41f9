import { describe, expect, it } from "vitest";
import { CUT_ABOVE, cutGist, GIST_CHARS, shortenReplies, splitBubbles } from "../../bot/shorten-replies";
import { makeBot } from "../helpers/make-bot";

const squash = (s: string) => s.replace(/\s+/g, " ").trim();
const t = ((key: string) => (key === "common:more" ? "Selengkapnya" : key)) as never;
const para = (n: number, word: string) => Array.from({ length: n }, (_, i) => `${word}${i}`).join(" ");

describe("answers fit a phone (bot/shorten-replies.ts)", () => {
  it("cuts at a paragraph end, loses nothing and never cuts a short bubble", () => {
    const text = [para(60, "a"), para(60, "b"), para(60, "c"), "Sumber: UU 18/2017 · dicek 11/2026"].join(
      "\n\n",
    );
    const { gist, rest } = cutGist(text);
    expect(gist.length).toBeLessThanOrEqual(GIST_CHARS);
    expect(gist.endsWith("b59")).toBe(true);
    expect(squash(`${gist} ${rest}`)).toBe(squash(text));
    const pieces = splitBubbles(`x${"y ".repeat(2000)}`);
    expect(pieces.every((p) => p.length <= GIST_CHARS)).toBe(true);
    expect(cutGist("short").rest).toBe("");
    const r = shortenReplies([{ text: "a".repeat(CUT_ABOVE) }], { t, inbound: {} }, { updatedAt: "" }, {});
    expect(r.replies[0]?.text.length).toBe(CUT_ABOVE);
    expect(r.more).toBeUndefined();
  });

  it("keeps a flow's own Selengkapnya: that choice shows the rest first", () => {
    const text = [para(100, "a"), para(100, "b")].join("\n\n");
    const own = [{ id: "faq:more:costs", label: "Selengkapnya" }];
    const cut = shortenReplies([{ text, choices: own }], { t, inbound: {} }, { updatedAt: "" }, {});
    expect(cut.replies[0]?.choices).toEqual(own);
    expect(cut.more?.[0]?.via).toBe("faq:more:costs");
    const next = shortenReplies(
      [{ text: "the flow's own details" }],
      { t, inbound: { choice: "faq:more:costs" } },
      { updatedAt: "", more: cut.more },
      {},
    );
    expect(next.replies.map((r) => r.text)).toEqual([cut.more?.[0]?.rest, "the flow's own details"]);
  });

  it("never cuts emergency contacts", () => {
    const r = shortenReplies(
      [{ text: "📞 ".repeat(600) }],
      { t, inbound: {} },
      { updatedAt: "" },
      { emergency: true },
    );
    expect(r.replies[0]?.text.length).toBe(1800);
  });

  it("a long answer shows its gist first; Selengkapnya (tapped or typed) gives the rest from the session", async () => {
    const b = makeBot();
    await b.say("p", "/start");
    const long = await b.say("p", { choice: "faq:more:costs" });
    const first = long.replies[0]!;
    expect(first.text.length).toBeLessThanOrEqual(GIST_CHARS);
    const offered = first.choices ?? [];
    expect(offered[0]).toEqual({ id: "more:0", label: "Selengkapnya" });
    const rest = await b.say("p", "1");
    expect(rest.meta.more).toBe(true);
    const restText = rest.replies.map((r) => r.text).join("\n\n");
    expect(restText.length).toBeGreaterThan(100);
    expect(first.text).not.toContain(restText.slice(0, 40));
    expect(rest.replies.every((r) => r.text.length <= GIST_CHARS)).toBe(true);
    // The answer's own choices come back after the rest, without a second "more".
    expect(rest.replies.at(-1)?.choices).toEqual(offered.slice(1));
    // The same in English, tapped.
    await b.say("e", "/start");
    await b.say("e", { choice: "language:en" });
    const en = await b.say("e", { choice: "faq:more:costs" });
    expect(en.replies[0]?.choices?.[0]).toEqual({ id: "more:0", label: "More" });
    const enRest = await b.say("e", { choice: "more:0" });
    expect(enRest.meta.more).toBe(true);
    // Once answered, an old "more" is gone: the usual expired-choice answer.
    const again = await b.say("e", { choice: "more:0" });
    expect(again.meta.more).toBeUndefined();
  });

  it("a person in a flow who asks for more stays in that flow", async () => {
    const b = makeBot();
    await b.say("f", "/start");
    await b.say("f", { choice: "menu:offer" });
    const before = b.store.getSession("web:f");
    expect(before?.flow).toBe("offer");
    b.store.putSession("web:f", {
      ...before!,
      more: [{ rest: "the rest" }],
      choices: [{ id: "more:0", label: "Selengkapnya" }],
    });
    const r = await b.say("f", "selengkapnya");
    expect(r.replies[0]?.text).toBe("the rest");
    expect(b.store.getSession("web:f")?.flow).toBe("offer");
    expect(b.store.getSession("web:f")?.state).toEqual(before?.state);
  });
});

describe("a gentle word for an empty or wordless message", () => {
  it("'😭😭😭' and an empty message get 'are you all right?' with a help line; 👍 still answers its choice", async () => {
    const b = makeBot();
    await b.say("g", "/start");
    for (const input of ["😭😭😭", ""]) {
      const r = await b.say("g", input);
      expect(r.meta.gentle).toBe(true);
      expect(r.replies[0]?.text).toContain("Anda baik-baik saja?");
      expect(r.replies[0]?.text).toMatch(/\*\d{3}\*/);
      expect(r.replies[0]?.choices?.map((c) => c.id)).toContain("menu:emergency");
    }
    const q = await b.say("g", "brp biaya jd tkw?");
    const up = q.replies.flatMap((r) => r.choices ?? []).find((c) => c.id.startsWith("faq:up:"));
    const vote = await b.say("g", up!.label);
    expect(vote.meta.gentle).toBeUndefined();
    const sticker = await b.bot.core.handle({
      channel: "web",
      chatId: "g",
      media: "sticker",
      at: new Date(),
    });
    expect(sticker.meta.gentle).toBeUndefined();
  });
});
