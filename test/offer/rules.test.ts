import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ContentError } from "../../bot/i18n";
import { loadLexicon } from "../../bot/nlp/lexicon";
import { createOfferService } from "../../bot/offer/offer-service";
import { FLAG_IDS } from "../../bot/offer/schema";
import { CONTENT_DIR } from "../../bot/paths";
import { readOffers, realOffer } from "./helpers";

const offer = realOffer();
const ids = (text: string) => offer.check(text).flags.map((f) => f.id);

describe("red-flag content", () => {
  it("has one rule per contract id, each with a basis and both languages", () => {
    expect([...offer.rules.keys()].sort()).toEqual([...FLAG_IDS].sort());
    for (const r of offer.rules.values()) {
      expect(r.basis.length).toBeGreaterThan(0);
      expect(r.patterns.id.length + r.patterns.en.length + r.combos.length).toBeGreaterThan(0);
    }
  });

  it("a broken rule file stops start-up naming the file", () => {
    const dir = mkdtempSync(join(tmpdir(), "redflags-"));
    cpSync(CONTENT_DIR, dir, { recursive: true });
    const file = join(dir, "redflags", "rules", "underage.yaml");
    writeFileSync(file, "id: underage\nweight: 500\n");
    const lexicon = loadLexicon(join(dir, "lexicon", "informal-id.yaml"));
    expect(() => createOfferService(dir, lexicon)).toThrow(ContentError);
    expect(() => createOfferService(dir, lexicon)).toThrow(/underage\.yaml.*weight/);
  });
});

describe("negation and official wording", () => {
  it.each([
    "Pendaftaran tidak dipungut biaya apa pun.",
    "Pelatihan bahasa gratis, biaya tiket ditanggung majikan.",
    "Waspada penipuan lowongan admin di Kamboja dengan tiket gratis dan gaji tinggi!",
    "Peserta wajib membawa paspor dan KTP asli saat verifikasi.",
    "Jangan pernah menyerahkan paspor kepada agen atau majikan.",
    "Tanpa biaya penempatan, sesuai aturan BP2MI.",
    "Biaya pendaftaran: Rp 0.",
    "Jangan mau diminta bayar uang jaminan oleh calo.",
    "Registration is free. No placement fee is charged to workers.",
    "Beware of recruiters who keep your passport.",
  ])("no flag: %s", (text) => {
    expect(offer.check(text).flags).toEqual([]);
    expect(offer.check(text).level).toBe("low");
  });

  it("'jangan ragu' is no prohibition", () => {
    expect(ids("Jangan ragu, segera transfer uang jaminan 5 juta")).toContain("upfront-fee");
  });

  it("a negated warning cue does not hide the offer", () => {
    expect(ids("Bukan penipuan! Bayar uang pendaftaran 3 juta dulu ya.")).toContain("upfront-fee");
  });
});

describe("combinations", () => {
  it("domestic work plus a moratorium country", () => {
    expect(ids("Dicari asisten rumah tangga, majikan di Kuwait")).toContain("moratorium-destination");
    expect(ids("Dicari asisten rumah tangga, majikan di Hong Kong")).not.toContain("moratorium-destination");
    expect(ids("Pabrik di Qatar butuh operator mesin")).not.toContain("moratorium-destination");
  });

  it("scam-compound needs a scam job, a scam place and a lure", () => {
    expect(ids("Operator di Laos, tiket pesawat ditanggung")).toContain("scam-compound");
    expect(ids("Typing job near the Thai border, high salary")).toContain("scam-compound");
    expect(ids("Operator di Laos")).not.toContain("scam-compound");
    expect(ids("Operator pabrik di Jepang, tiket ditanggung")).not.toContain("scam-compound");
  });

  it("any fee for a fee-exempt job is a flag, and weighs more", () => {
    const s = offer.check("Dicari nelayan untuk kapal ikan di Taiwan, ada biaya berkas");
    expect(s.flags.map((f) => f.id)).toContain("upfront-fee");
    expect(s.level).toBe("high");
    expect(ids("Dicari nelayan untuk kapal ikan di Taiwan, biaya berkas ditanggung perusahaan")).toEqual([]);
  });
});

describe("evidence", () => {
  it("is the exact span of the original text", () => {
    const text = "LOKER!!  Paspor   DITAHAN agen selama kontrak;  gaji dipotong 5 bln buat bayar hutang.";
    const s = offer.check(text);
    expect(s.flags.length).toBeGreaterThan(1);
    for (const f of s.flags) {
      for (const span of f.spans) expect(text.slice(span.start, span.end).length).toBeGreaterThan(0);
      expect(text).toContain(f.evidence.split(" … ")[0]);
    }
    const kept = s.flags.find((f) => f.id === "document-retention");
    expect(kept?.evidence).toBe(text.slice(kept!.spans[0]!.start, kept!.spans[0]!.end));
    expect(kept?.evidence.startsWith("Paspor   DITAHAN")).toBe(true);
  });
});

describe("labelled offers", () => {
  for (const set of [
    "offers.jsonl",
    "holdout.jsonl",
    "holdout2.jsonl",
    "holdout3.jsonl",
    "legit-long.jsonl",
    "careful-reader.jsonl",
  ]) {
    const items = readOffers(set);
    it(`${set}: every level and flag as labelled (${items.length} offers)`, () => {
      const misses: string[] = [];
      for (const it of items) {
        const s = offer.check(it.text);
        const got = s.flags.map((f) => f.id);
        if (!it.level.includes(s.level)) misses.push(`level ${s.level} ≠ ${it.level}: ${it.text}`);
        for (const f of it.flags) if (!got.includes(f as never)) misses.push(`missing ${f}: ${it.text}`);
      }
      expect(misses).toEqual([]);
    });
  }

  it("covers every flag and legitimate offers in both languages", () => {
    const items = [
      "offers.jsonl",
      "holdout.jsonl",
      "holdout2.jsonl",
      "holdout3.jsonl",
      "legit-long.jsonl",
    ].flatMap(readOffers);
    expect(items.length).toBeGreaterThanOrEqual(40);
    for (const id of FLAG_IDS) expect(items.some((i) => i.flags.includes(id))).toBe(true);
    expect(items.filter((i) => i.level.join() === "low").length).toBeGreaterThanOrEqual(15);
  });
});

describe("big and hostile input", () => {
  it("a 100 KB offer finishes and still finds its flags", () => {
    const chunk = "Lowongan pabrik di Taiwan, gaji NT$ 28.000, kontrak 3 tahun, syarat sehat. ";
    const text = `${chunk.repeat(Math.ceil(100_000 / chunk.length))}Paspor ditahan agen.`;
    expect(text.length).toBeGreaterThanOrEqual(100_000);
    expect(ids(text)).toContain("document-retention");
  });

  it.each([
    ["digits", "1".repeat(100_000)],
    ["dotted number", "1.".repeat(50_000)],
    ["one long word", "a".repeat(100_000)],
    ["repeated gap words", "biaya ".repeat(20_000)],
    ["punctuation", "!?.,".repeat(25_000)],
    ["negators", "tidak tanpa bukan ".repeat(6_000)],
  ])("adversarial %s", (_name, text) => {
    const s = offer.check(text);
    expect(["low", "medium", "high"]).toContain(s.level);
  });
});

describe("recognising a pasted offer", () => {
  it("claims long job adverts, leaves questions and chat to the other flows", () => {
    expect(
      offer.offerLikelihood(
        "Dibutuhkan operator pabrik di Taiwan, gaji NT$ 28.000, kontrak 3 tahun, syarat usia 18-35, daftar di Disnaker.",
      ),
    ).toBeGreaterThanOrEqual(0.8);
    expect(
      offer.offerLikelihood(
        "Kak ini lowongan beneran gak? Dibutuhkan admin di Kamboja gaji 15 juta tiket gratis tidak perlu pengalaman, daftar lewat inbox Facebook, kuota terbatas, berangkat minggu depan, hubungi kak Rina",
      ),
    ).toBeGreaterThanOrEqual(0.8);
    expect(
      offer.offerLikelihood("Bagaimana cara daftar kerja ke Korea lewat jalur resmi dan berapa biayanya?"),
    ).toBeLessThan(0.5);
    expect(
      offer.offerLikelihood(
        "Saya mau tanya, kalau kerja ke Jepang lewat LPK itu berapa lama prosesnya dan apakah perlu bayar biaya pelatihan sendiri",
      ),
    ).toBeLessThan(0.5);
    expect(offer.offerLikelihood("halo selamat pagi")).toBe(0);
  });
});

describe("negators inside a match", () => {
  it("a negator skipped by a gap cancels the match", () => {
    expect(ids("Your employer must not hold your passport.")).toEqual([]);
    expect(ids("Your employer will hold your passport.")).toContain("document-retention");
  });
});

describe("clause ends", () => {
  it("'$' ties a pattern to the end of a clause", () => {
    expect(ids("Kontrak kerja tidak ada, gaji harian.")).toContain("no-contract");
    expect(ids("Kontrak kerja tidak ada potongan gaji.")).toEqual([]);
  });
});

describe("illegal", () => {
  it("an offer of illegal work is a flag; calling a route illegal is a warning", () => {
    expect(ids("Kerja ilegal di Malaysia lewat jalur tikus, gaji besar")).toContain("irregular-route");
    expect(ids("Ingat, bekerja dengan visa turis itu ilegal.")).toEqual([]);
  });
});
