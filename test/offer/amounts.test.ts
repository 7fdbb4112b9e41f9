import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadLexicon } from "../../bot/nlp/lexicon";
import { parseNumber } from "../../bot/offer/amounts";
import { readWords } from "../../bot/offer/words";
import { CONTENT_DIR } from "../../bot/paths";
import { realOffer } from "./helpers";

const lexicon = loadLexicon(join(CONTENT_DIR, "lexicon", "informal-id.yaml"));

/** The amounts stated in a text, as [value, currency, exact words]. */
function amounts(text: string): [number, string, string][] {
  const words = readWords(text, lexicon);
  const out: [number, string, string][] = [];
  words.forEach((w, i) => {
    const a = w.amount;
    if (a && a.from === i) out.push([a.value, a.currency, text.slice(a.start, a.end)]);
  });
  return out;
}

describe("amount parser", () => {
  it.each([
    ["gaji Rp 25 jt per bulan", 25_000_000, "IDR", "Rp 25 jt"],
    ["biaya 25.000.000 dibayar dulu", 25_000_000, "IDR", "25.000.000"],
    ["gaji 15jt", 15_000_000, "IDR", "15jt"],
    ["salary $1200 a month", 1200, "USD", "1200"],
    ["gaji RM1.800", 1800, "MYR", "RM1.800"],
    ["gaji Rp. 4.500.000", 4_500_000, "IDR", "Rp. 4.500.000"],
    ["biaya 2,5 juta", 2_500_000, "IDR", "2,5 juta"],
    ["salary 2000 USD", 2000, "USD", "2000 USD"],
    ["gaji NT$ 28.000", 28_000, "TWD", "NT$ 28.000"],
    ["gaji 1.500 ringgit", 1500, "MYR", "1.500 ringgit"],
    ["uang 500rb", 500_000, "IDR", "500rb"],
    ["salary US$1,200", 1200, "USD", "US$1,200"],
  ])("%s", (text, value, currency, words) => {
    expect(amounts(text)).toEqual([[value, currency, words]]);
  });

  it("plain numbers are not money", () => {
    expect(amounts("umur 15 tahun, kontrak 2 tahun, 3 orang")).toEqual([]);
  });

  it("parses number formats", () => {
    expect(parseNumber("25.000.000")).toBe(25_000_000);
    expect(parseNumber("1,5")).toBe(1.5);
    expect(parseNumber("1.800")).toBe(1800);
    expect(parseNumber("1,200")).toBe(1200);
    expect(parseNumber("12.34.5")).toBeUndefined();
  });

  it("judges fees and pay from the words before them", () => {
    const offer = realOffer();
    // A fee for a job that is not fee-exempt is a flag; the same sum as pay is not.
    expect(offer.check("Kerja pabrik, bayar 5 juta ke kantor kami").flags.map((f) => f.id)).toContain(
      "upfront-fee",
    );
    expect(offer.check("Kerja pabrik, gaji 5 juta sebulan").flags).toEqual([]);
    // High pay turns an admin job in Cambodia into the scam-compound pattern; low pay alone does not.
    expect(offer.check("Admin di Kamboja, gaji $1.500").flags.map((f) => f.id)).toContain("scam-compound");
    expect(offer.check("Admin di Kamboja, gaji Rp 3 juta").flags.map((f) => f.id)).not.toContain(
      "scam-compound",
    );
  });
});

describe("tokenizer", () => {
  it("the cached tokenizer gives exactly the shared tokenizer's tokens", async () => {
    const { tokenize } = await import("../../bot/nlp/normalize");
    const { tokenizeCached } = await import("../../bot/offer/words");
    const { readOffers } = await import("./helpers");
    const texts = [
      ...readOffers("offers.jsonl").map((o) => o.text),
      "Gaji Rp. 4.500.000/bln!! GAJI gede bangettt, kerja-kerja ringan syarat2 mudah, don't tell ortu.",
    ];
    for (const text of texts) expect(tokenizeCached(text, lexicon)).toEqual(tokenize(text, lexicon));
  });
});

describe("judging pay", () => {
  const offer = realOffer();
  const ids = (t: string) => offer.check(t).flags.map((f) => f.id);
  it("market pay without experience asked is no flag; far above it is", () => {
    expect(ids("Operator pabrik di Taiwan, gaji NT$ 28.000, tidak perlu pengalaman")).toEqual([]);
    expect(ids("Operator pabrik di Taiwan, gaji 45 juta, tidak perlu pengalaman")).toContain(
      "unrealistic-pay",
    );
    expect(ids("Pembantu rumah tangga ke Hong Kong, gaji HKD 5.100")).toEqual([]);
    expect(ids("Pembantu rumah tangga ke Hong Kong, gaji Rp 40 juta sebulan")).toContain("unrealistic-pay");
  });
});
