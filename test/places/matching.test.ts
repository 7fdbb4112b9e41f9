import { describe, expect, test } from "vitest";
import { loadVillages } from "../../bot/places/region-list";
import { createVillageMatcher } from "../../bot/places/village-matcher";
import { codeOf, realMatcher } from "./helpers";

describe("place matching", () => {
  test.each([
    ["lubuk linggau", "16.73"],
    ["lubuklinggau", "16.73"],
    ["lubuk lingau", "16.73"],
    ["Lubuk  Linggau!!", "16.73"],
    ["LLG", "16.73"],
    ["Mura", "16.05"],
    ["musi rawas", "16.05"],
    ["musi rawas utara", "16.13"],
    ["Muratara", "16.13"],
    ["Plg", "16.71"],
    ["palembng", "16.71"],
    ["OKI", "16.02"],
    ["OKU", "16.01"],
    ["oku timur", "16.08"],
    ["Muba", "16.06"],
    ["PALI", "16.12"],
    ["Prabu", "16.74"],
    ["kota prabumulih", "16.74"],
    ["sumsel", "16"],
    ["jogja", "34"],
    ["lahat", "16.04"],
  ])("%s → %s", (text, code) => {
    expect(codeOf(text)).toBe(code);
  });

  test.each([
    ["saya di lubuk linggau", "16.73"],
    ["sy di tugumulyo", "16.05.01"],
    ["rumah sy dkt sekayu", "16.06.01"],
    ["blk di musi rawas ada gk", "16.05"],
    ["LPK bahasa jepang di palembang", "16.71"],
    ["pelatihan bahasa korea di lubuk linggau ada?", "16.73"],
    ["saya tinggal di lubuk linggau timur 2", "16.73.05"],
    ["purwodadi, musi rawas", "16.05.13"],
  ])("inside a sentence: %s → %s", (text, code) => {
    expect(codeOf(text)).toBe(code);
  });

  test("Kota and Kabupaten of the same name are told apart, and offered when not said", () => {
    expect(codeOf("kota bekasi")).toBe("32.75");
    expect(codeOf("kab bekasi")).toBe("32.16");
    expect(codeOf("kabupaten bekasi")).toBe("32.16");
    const m = realMatcher().match("bekasi");
    expect(m.status).toBe("ambiguous");
    expect(m.candidates.map((c) => c.code)).toEqual(["32.16", "32.75"]);
  });

  test("a kecamatan name shared by several regencies is offered as choices", () => {
    const m = realMatcher().match("saya di purwodadi");
    expect(m.status).toBe("ambiguous");
    expect(m.candidates.length).toBeGreaterThan(1);
    expect(m.candidates.every((c) => c.level === "district")).toBe(true);
    expect(m.candidates.map((c) => c.parent)).toContain("16.05");
  });

  test.each([
    "kerja di jepang",
    "brp biaya jd tkw?",
    "dokumen apa aja buat kerja di korea",
    "disnaker terdekat dmn",
    "kota",
    "gaji lembur di taiwan",
    "berangkat pakai visa kunjungan, biaya medical 3 juta dibayar dulu, kontrak nanti di sana",
    "",
    "!!!",
  ])("no place in %j", (text) => {
    expect(codeOf(text)).toBe("none");
  });

  test("villages are matched after desa / kel, exactly", () => {
    const villages = createVillageMatcher(loadVillages());
    const m = villages.match("saya di kelurahan air kuti");
    expect(m.status).toBe("one");
    expect(m.region).toMatchObject({ code: "16.73.01.1001", level: "village", parent: "16.73.01" });
    expect(villages.match("air kuti").status).toBe("none");
  });
});
