import { describe, expect, test } from "vitest";
import type { HandleResult } from "../../bot/model";
import { allText, choiceIds, makeBot } from "../helpers/make-bot";

type Offices = {
  region: { code: string } | null;
  candidates: { code: string }[];
  offices: { name: string; sample?: true }[];
};
const placesOf = (r: { meta: Record<string, unknown> }) => r.meta.places as Offices;

/** The whole answer: a long one shows its gist first and the rest behind "Selengkapnya" (more:0). */
async function whole(b: ReturnType<typeof makeBot>, chat: string, r: HandleResult): Promise<string> {
  if (!choiceIds(r).includes("more:0")) return allText(r);
  return `${allText(r)}\n${allText(await b.say(chat, { choice: "more:0" }))}`;
}

describe("places flow", () => {
  test("'saya di lubuk linggau': the city's offices with what to do there, unverified addresses said so", async () => {
    const b = makeBot();
    const r = await b.say("a", "saya di lubuk linggau");
    expect(r.meta.flow).toBe("offices");
    expect(placesOf(r).region?.code).toBe("16.73");
    expect(choiceIds(r)).toContain("offices:save:16.73");
    const text = await whole(b, "a", r);
    expect(text).toMatch(/Dinas Tenaga Kerja Kota Lubuklinggau/);
    expect(text).toMatch(/daftar sebagai calon PMI/);
    expect(text).toMatch(/Alamat belum terverifikasi/);
    expect(text).toMatch(/BP3MI Sumatera Selatan/);
    expect(text).toMatch(/0800-1000/);
    expect(text).toMatch(/Sumber: .* · dicek 02\/12\/2026/);
    expect(text).toMatch(/CONTOH, bukan kantor sungguhan/);
  });

  test("'disnaker terdekat dmn' asks where, then answers the place typed", async () => {
    const b = makeBot();
    const r = await b.say("b", "disnaker terdekat dmn");
    expect(r.meta.flow).toBe("offices");
    expect(r.replies.at(-1)?.askLocation).toBe(true);
    const r2 = await b.say("b", "llg");
    expect(placesOf(r2).region?.code).toBe("16.73");
    expect(allText(r2)).toMatch(/Disnaker/);
  });

  test("'blk di musi rawas ada gk': none there, says so, and the BLKs elsewhere in the province", async () => {
    const b = makeBot();
    const r = await b.say("c", "blk di musi rawas ada gk");
    const text = await whole(b, "c", r);
    expect(placesOf(r).region?.code).toBe("16.05");
    expect(text).toMatch(/belum ada BLK untuk Kabupaten Musi Rawas/);
    expect(text).toMatch(/BLK Lahat/);
    expect(text).toMatch(/BLK Sekayu/);
  });

  test("'LPK bahasa jepang di palembang' leads with the Japanese-language LPK, labelled as a sample", async () => {
    const b = makeBot();
    const r = await b.say("d", "LPK bahasa jepang di palembang");
    expect(r.meta.flow).toBe("offices");
    expect(placesOf(r).offices[0]).toMatchObject({
      name: "LPK Contoh Bahasa Jepang Palembang",
      sample: true,
    });
    expect(await whole(b, "d", r)).toMatch(/data contoh/);
  });

  test("a region with no office: says so, names its kabupaten, gives the province office and the ministry", async () => {
    const b = makeBot();
    const r = await b.say("e", "saya di rupit");
    const text = await whole(b, "e", r);
    expect(placesOf(r).region?.code).toBe("16.13.01");
    expect(text).toMatch(/belum ada kantor untuk Rupit/);
    expect(text).toMatch(/Kabupaten Musi Rawas Utara/);
    expect(text).toMatch(/BP3MI Sumatera Selatan/);
    expect(text).toMatch(/0800-1000/);
  });

  test("the menu entry asks for the place; an ambiguous name is offered as choices with their regency", async () => {
    const b = makeBot();
    await b.say("f", "halo");
    const r = await b.say("f", { choice: "menu:offices" });
    expect(r.meta.flow).toBe("offices");
    expect(r.meta.comingSoon).toBeUndefined();
    expect(allText(r)).toMatch(/kabupaten\/kota atau kecamatan mana/);
    const amb = await b.say("f", "purwodadi");
    expect(placesOf(amb).candidates.length).toBeGreaterThan(1);
    const labels = amb.replies.at(-1)!.choices!.map((x) => x.label);
    expect(labels).toContain("Kec. Purwodadi, Kabupaten Musi Rawas");
    const picked = await b.say("f", "Kec. Purwodadi, Kabupaten Musi Rawas");
    expect(placesOf(picked).region?.code).toBe("16.05.13");
  });

  test("a shared location: nearest offices by straight-line distance, then the region is confirmed", async () => {
    const b = makeBot();
    const r = await b.bot.core.handle({
      channel: "telegram",
      chatId: "g",
      at: b.clock(),
      location: { lat: -3.29, lon: 102.87 },
    });
    expect(r.meta.flow).toBe("offices");
    const first = placesOf(r).offices[0]!;
    expect(first).toMatchObject({ name: "LPK Contoh Bahasa Korea Lubuk Linggau", sample: true });
    expect((first as { distanceKm?: number }).distanceKm).toBeLessThan(5);
    expect(allText(r)).toMatch(/tidak disimpan/);
    expect(choiceIds(r)).toContain("offices:region:16.73");
    const confirmed = await b.say("g", { choice: "offices:region:16.73" }, "telegram");
    expect(placesOf(confirmed).region?.code).toBe("16.73");
    expect(JSON.stringify(b.store.getUser("telegram:g"))).not.toMatch(/102\.87/);
  });

  test("a location that is not on earth is a question, not a crash", async () => {
    const b = makeBot();
    const r = await b.bot.core.handle({
      channel: "web",
      chatId: "nan",
      at: b.clock(),
      location: { lat: Number.NaN, lon: 500 },
    });
    expect(r.meta.flow).toBe("offices");
    expect(r.replies.at(-1)?.askLocation).toBe(true);
  });

  test("the region is saved to the profile only after consent", async () => {
    const b = makeBot();
    await b.say("h", "saya di lubuk linggau");
    expect(b.store.getUser("web:h")?.profile.region).toBeUndefined();
    const ask = await b.say("h", { choice: "offices:save:16.73" });
    expect(allText(ask)).toMatch(/Boleh kami simpan/);
    const no = await b.say("h", "tidak");
    expect(allText(no)).toMatch(/tidak disimpan/);
    expect(b.store.getUser("web:h")?.profile.region).toBeUndefined();
    await b.say("h", { choice: "offices:save:16.73" });
    await b.say("h", "ya");
    const user = b.store.getUser("web:h")!;
    expect(user.profile.region).toBe("16.73");
    expect(user.consent.region).toBeTruthy();
    const later = await b.say("h", "disnaker terdekat dmn");
    expect(placesOf(later).region?.code).toBe("16.73");
  });

  test("English", async () => {
    const b = makeBot();
    await b.say("i", { choice: "language:en" });
    const r = await b.say("i", "blk in musi rawas?");
    const text = await whole(b, "i", r);
    expect(text).toMatch(/Our list has no BLK for Kabupaten Musi Rawas/);
    expect(text).toMatch(/Address not verified/);
  });

  test("questions for other features are not taken", async () => {
    const b = makeBot();
    for (const q of [
      "brp biaya jd tkw?",
      "dokumen apa aja buat kerja di jepang",
      "PT Maju Jaya resmi gak?",
    ]) {
      const r = await b.say("j", q);
      expect(r.meta.flow, q).not.toBe("offices");
    }
  });
});

describe("training programmes", () => {
  async function withProgrammes() {
    const b = makeBot();
    const repo = b.bot.services.places.programmes;
    const base = {
      provider: "Disnaker Kota Lubuklinggau",
      place: "Lubuk Linggau",
      cost: "free",
      sectors: [],
      register: "datang ke Disnaker dengan KTP",
      source: "pengumuman Disnaker (uji)",
    };
    const korea = await repo.add(
      {
        ...base,
        title: "Bahasa Korea EPS-TOPIK",
        start: "2026-12-10",
        regions: ["16.73"],
        destinations: ["korea"],
      },
      b.clock(),
    );
    await repo.add(
      {
        ...base,
        title: "Bahasa Jepang N4",
        start: "2026-12-15",
        regions: ["16.73"],
        destinations: ["japan"],
      },
      b.clock(),
    );
    await repo.add(
      {
        ...base,
        title: "Las dasar (sudah lewat)",
        start: "2026-10-01",
        end: "2026-10-20",
        regions: ["16"],
        destinations: [],
      },
      b.clock(),
    );
    await repo.add(
      {
        ...base,
        title: "Bahasa Korea Palembang",
        start: "2026-12-10",
        regions: ["16.71"],
        destinations: ["korea"],
      },
      b.clock(),
    );
    return { b, korea };
  }

  test("upcoming programmes for the region and interest; past and other regions left out", async () => {
    const { b } = await withProgrammes();
    const r = await b.say("k", "pelatihan bahasa korea di lubuk linggau ada?");
    expect(r.meta.flow).toBe("offices");
    const text = allText(r);
    expect(text).toMatch(/Bahasa Korea EPS-TOPIK/);
    expect(text).not.toMatch(/Bahasa Jepang N4/);
    expect(text).not.toMatch(/sudah lewat/);
    expect(text).not.toMatch(/Bahasa Korea Palembang/);
    expect(text).toMatch(/Biaya: gratis/);
    expect(text).toMatch(/DAFTAR/);
    const all = await b.say("l", "saya di lubuk linggau timur 1");
    expect(allText(all)).toMatch(/Bahasa Jepang N4/);
  });

  test("DAFTAR records the interest once, says it is not the official registration, and hapusdata deletes it", async () => {
    const { b, korea } = await withProgrammes();
    await b.say("m", "pelatihan bahasa korea di lubuk linggau ada?");
    const r = await b.say("m", "DAFTAR");
    expect(allText(r)).toMatch(/sudah kami catat/);
    expect(allText(r)).toMatch(/belum pendaftaran resmi/);
    expect(await b.bot.services.places.programmes.interestCount(korea.id)).toBe(1);
    const again = await b.say("m", { choice: `offices:daftar:${korea.id}` });
    expect(allText(again)).toMatch(/sudah tercatat/);
    expect(await b.bot.services.places.programmes.interestCount(korea.id)).toBe(1);
    const mine = await b.say("m", "datasaya");
    expect(allText(mine)).toMatch(/programme-interest/);
    await b.say("m", "hapusdata");
    await b.say("m", { choice: "privacy:yes" });
    expect(await b.bot.services.places.programmes.interestCount(korea.id)).toBe(0);
  });
});
