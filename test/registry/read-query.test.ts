import { describe, expect, it } from "vitest";
import { readQuery } from "../../bot/registry/read-query";

const names = (text: string) =>
  readQuery(text).segments.map((s) => `${s.marked ? "*" : ""}${s.words.join(" ")}`);

describe("reading a sentence around a company name", () => {
  it("takes the name after PT up to punctuation or a filler word", () => {
    expect(names("anak saya mau berangkat lewat PT Maju Terus, resmi gak?")).toEqual(["*pt maju terus"]);
    expect(names("apakah P.T. Maju Terus itu terdaftar")).toEqual(["*pt maju terus"]);
    expect(names("PT. Maju Terus cabang Medan")).toEqual(["*pt maju terus", "medan"]);
  });

  it("keeps words that may belong to a name", () => {
    expect(names("PT Sinar Aman Sentosa")).toEqual(["*pt sinar aman sentosa"]);
    // The first word after PT always belongs to the name, even a filler-looking one.
    expect(names("PT Apa Saja Jaya")[0]).toBe("*pt apa");
  });

  it("notes family phrasing and leaves it out of the name", () => {
    const q = readQuery("istri saya direkrut Maju Terus Abadi");
    expect(q.family).toBe(true);
    expect(q.segments.map((s) => s.words.join(" "))).toEqual(["maju terus abadi"]);
    expect(readQuery("my daughter wants to go with PT Maju").family).toBe(true);
  });

  it("recognises a person named with an honorific or as a sponsor", () => {
    expect(readQuery("sponsor bu Ani").person).toBe(true);
    expect(readQuery("pak Dedi Kurniawan dari kampung").person).toBe(true);
    expect(readQuery("calo itu").person).toBe(true);
    expect(readQuery("ibu saya mau kerja").person).toBe(false);
    expect(readQuery("kak, PT Maju Terus resmi?").person).toBe(false);
    expect(readQuery("PT Mas Jaya").person).toBe(false);
  });

  it("offers word windows that may hold a licence number", () => {
    const q = readQuery("izinnya SIP3MI 2020 0133 katanya");
    expect(q.licenseWindows).toContain("SIP3MI 2020 0133");
    expect(q.licenseLike).toBe(true);
    expect(readQuery("PT Maju Terus").licenseWindows).toEqual([]);
  });
});
