import { describe, expect, it } from "vitest";
import { licenseKeys, normalizeLicense } from "../../bot/registry/normalize-license";
import { nameKey, normalizeName } from "../../bot/registry/normalize-name";
import { parseDate } from "../../bot/registry/parse-date";

describe("name normalisation", () => {
  it("folds case, punctuation, spacing and legal forms", () => {
    const want = "contoh karya sentosa";
    for (const v of [
      "PT Contoh Karya Sentosa",
      "P.T. Contoh Karya Sentosa",
      "pt. contoh-karya  sentosa",
      "Perseroan Terbatas Contoh Karya Sentosa",
      "Contoh Karya Sentosa, PT",
      "PT CONTOH KARYA SENTOSA Tbk",
      "CV Contoh Karya Sentosa",
      "C.V. Contoh Karya Sentosa",
    ]) {
      expect(nameKey(v), v).toBe(want);
    }
  });

  it("keeps every other word", () => {
    expect(normalizeName("PT Contoh Karya Sentosa Jaya")).toEqual(["contoh", "karya", "sentosa", "jaya"]);
    expect(normalizeName("PT Karya & Mitra")).toEqual(["karya", "dan", "mitra"]);
    expect(nameKey("PT")).toBe("");
  });
});

describe("licence normalisation", () => {
  it("gives one canonical form", () => {
    expect(normalizeLicense("sip3mi 2020 0133")).toBe("SIP3MI-2020-0133");
    expect(normalizeLicense("SIP3MI/2020/0133")).toBe("SIP3MI-2020-0133");
    expect(normalizeLicense(" sip3mi.2020.0133 ")).toBe("SIP3MI-2020-0133");
  });

  it("finds a licence whatever the separators or leading zeros", () => {
    const keys = new Set(licenseKeys("SIP3MI-2020-0133"));
    for (const v of ["sip3mi 2020 133", "SIP3MI20200133", "sip3mi-2020-0133"]) {
      expect(
        licenseKeys(v).some((k) => keys.has(k)),
        v,
      ).toBe(true);
    }
    expect(licenseKeys("SIP3MI-2020-0134").some((k) => keys.has(k))).toBe(false);
  });
});

describe("dates", () => {
  it("accepts ISO and day-first forms and rejects impossible dates", () => {
    expect(parseDate("2026-11-01")).toBe("2026-11-01");
    expect(parseDate("01/11/2026")).toBe("2026-11-01");
    expect(parseDate("1-11-2026")).toBe("2026-11-01");
    expect(parseDate("2026-02-30")).toBeUndefined();
    expect(parseDate("2026-13-01")).toBeUndefined();
    expect(parseDate("besok")).toBeUndefined();
    expect(parseDate("")).toBeUndefined();
  });
});
