import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { getDistricts, getProvinces, getRegencies } from "idn-area-data";
import { describe, expect, test } from "vitest";
import { areaDataDir, loadRegionList, parseSimpleCsv } from "../../bot/places/region-list";
import { regionLabel } from "../../bot/places/region-name";

describe("official region list (idn-area-data 4.0.1)", () => {
  const regions = loadRegionList();

  test("the pinned version is installed (not 3.x, whose data is from 2022)", () => {
    const pkg = JSON.parse(readFileSync(join(areaDataDir(), "..", "package.json"), "utf8"));
    expect(pkg.version).toBe("4.0.1");
    const ours = JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "package.json"), "utf8"));
    expect(ours.dependencies["idn-area-data"]).toBe("4.0.1");
  });

  test("the data's ODbL licence ships with the package", () => {
    expect(readFileSync(join(areaDataDir(), "LICENSE.md"), "utf8")).toMatch(/Open Database License/);
  });

  test("our loader reads exactly what the package's own API returns", async () => {
    const [p, r, d] = await Promise.all([getProvinces(), getRegencies(), getDistricts()]);
    const all = regions.all();
    expect(all.filter((x) => x.level === "province")).toHaveLength(p.length);
    expect(all.filter((x) => x.level === "regency")).toHaveLength(r.length);
    expect(all.filter((x) => x.level === "district")).toHaveLength(d.length);
    expect(p.length).toBe(38);
    expect(r.length).toBe(514);
    expect(d.length).toBe(7285);
    for (const x of [...r, ...d].filter((_, i) => i % 97 === 0))
      expect(regions.get(x.code)?.name).toBe(x.name);
  });

  test("codes are dotted; the pilot area is complete", () => {
    expect(regions.get("16.73")).toMatchObject({
      name: "Kota Lubuk Linggau",
      level: "regency",
      parent: "16",
    });
    expect(regions.children("16.73").map((r) => r.code)).toEqual([
      "16.73.01",
      "16.73.02",
      "16.73.03",
      "16.73.04",
      "16.73.05",
      "16.73.06",
      "16.73.07",
      "16.73.08",
    ]);
    expect(regions.children("16.05")).toHaveLength(14);
    expect(regions.children("16.13")).toHaveLength(7);
    expect(regions.lineage("16.05.01").map((r) => r.code)).toEqual(["16.05.01", "16.05", "16"]);
  });

  test("labels name a kecamatan with its kabupaten", () => {
    expect(regionLabel(regions, "16.05.01")).toBe("Kec. Tugumulyo, Kabupaten Musi Rawas");
    expect(regionLabel(regions, "16.73")).toBe("Kota Lubuk Linggau, Sumatera Selatan");
  });

  test("the CSV reader handles RFC 4180 quotes", () => {
    expect(parseSimpleCsv('code,name\n1,"A, ""B"""\r\n2,C\n')).toEqual([
      { code: "1", name: 'A, "B"' },
      { code: "2", name: "C" },
    ]);
    expect(() => parseSimpleCsv('code,name\n1,"open\n')).toThrow(/line 2/);
    expect(existsSync(join(areaDataDir(), "villages.csv"))).toBe(true);
  });
});
