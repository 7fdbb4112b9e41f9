import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createChoiceCodec } from "../../adapters/telegram/choice-codec";
import { escapeHtml, splitText, toTelegramHtml } from "../../adapters/telegram/format";
import { isCommand, messageToInbound, startPayload } from "../../adapters/telegram/inbound";
import { renderOutbound } from "../../adapters/telegram/render";
import { parseTelegramHtml } from "../fakes/telegram-api";

const squash = (s: string) => s.replace(/\s+/g, "");

describe("telegram formatting", () => {
  it("renders light *bold* as <b> and escapes everything else", () => {
    expect(toTelegramHtml("Cek *izin P3MI* <di> SIAPkerja & BP2MI")).toBe(
      "Cek <b>izin P3MI</b> &lt;di&gt; SIAPkerja &amp; BP2MI",
    );
    expect(toTelegramHtml("5 * 3 * 2 and *a*b*")).toBe("5 * 3 * 2 and <b>a</b>b*");
    expect(escapeHtml("<b>")).toBe("&lt;b&gt;");
  });

  it("always yields HTML that Telegram accepts, showing the text without the bold marks", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const parsed = parseTelegramHtml(toTelegramHtml(s));
        expect("error" in parsed).toBe(false);
        if ("plain" in parsed) expect(parsed.plain.replaceAll("*", "")).toBe(s.replaceAll("*", ""));
      }),
    );
  });

  it("splits at paragraph breaks first, never over the limit, losing nothing", () => {
    const text = `${"a".repeat(60)}\n\n${"b ".repeat(30)}\n${"c".repeat(70)}`;
    const parts = splitText(text, 100);
    expect(parts[0]).toBe("a".repeat(60));
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom("\n\n", "\n", " ", "😀")), {
          maxLength: 80,
        }),
        fc.integer({ min: 10, max: 200 }),
        (pieces, limit) => {
          const s = pieces.join("");
          const out = splitText(s, limit);
          for (const p of out) expect(p.length).toBeLessThanOrEqual(limit);
          expect(squash(out.join(""))).toBe(squash(s));
        },
      ),
    );
    expect(splitText("short")).toEqual(["short"]);
  });

  it("keeps long choice ids within callback_data's 64 bytes and maps them back", () => {
    const codec = createChoiceCodec();
    const long = `recruiter:${"PT Sangat Panjang Sekali Nama Perusahaannya ".repeat(3)}`;
    const data = codec.encode(long);
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(codec.decode(data)).toBe(long);
    expect(createChoiceCodec().decode(data, [{ id: "x:y" }, { id: long }])).toBe(long);
    expect(codec.encode("menu:faq")).toBe("menu:faq");
    const out = renderOutbound(
      { text: "Pilih", choices: [{ id: long, label: "PT" }] },
      { codec, locationLabel: "Loc" },
    );
    expect(out[0]?.reply_markup).toEqual({ inline_keyboard: [[{ text: "PT", callback_data: data }]] });
  });

  it("reads commands, deep links and message kinds", () => {
    expect(startPayload("/start disnaker-llg")).toBe("disnaker-llg");
    expect(startPayload("/start")).toBeUndefined();
    expect(startPayload("/start bad payload!")).toBeUndefined();
    const base = { message_id: 1, date: 0, chat: { id: 7, type: "private" as const, first_name: "A" } };
    expect(isCommand({ ...base, text: "/bantuan@bot" })).toBe(true);
    expect(isCommand({ ...base, text: "bantuan" })).toBe(false);
    expect(messageToInbound({ ...base, text: "   " }).text).toBeUndefined();
    expect(messageToInbound({ ...base, contact: { phone_number: "1", first_name: "x" } }).media).toBe(
      "other",
    );
    expect(
      messageToInbound({
        ...base,
        venue: { location: { latitude: 1, longitude: 2 }, title: "t", address: "a" },
      }),
    ).toMatchObject({ location: { lat: 1, lon: 2 } });
  });
});
