import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { CONTENT_DIR } from "../../bot/paths";
import { createOfficeDirectory } from "../../bot/places/directory";
import { distanceKm } from "../../bot/places/distance";
import { loadOfficesContent } from "../../bot/places/office-file";
import { type Office, officeSchema } from "../../bot/places/office-types";
import { loadRegionList } from "../../bot/places/region-list";

const regions = loadRegionList();
const office = (o: Partial<Office> & Pick<Office, "id" | "type" | "serves">): Office =>
  officeSchema.parse({ name: o.id, source: "test", checked: "2026-12-01", ...o });

const offices = [
  office({ id: "disnaker-llg", type: "disnaker", serves: ["16.73"], location: { lat: -3.3, lon: 102.86 } }),
  office({ id: "bp3mi-sumsel", type: "bp3mi", serves: ["16"], location: { lat: -2.98, lon: 104.76 } }),
  office({ id: "blk-lahat", type: "blk", serves: ["16.04"] }),
  office({ id: "lpk-tugumulyo", type: "lpk", serves: ["16.05.01"], destinations: ["japan"] }),
  office({ id: "ministry", type: "ministry", serves: ["*"], phone: "0800-1000" }),
  office({ id: "far", type: "disnaker", serves: ["31.71"], location: { lat: -6.2, lon: 106.8 } }),
];
const dir = createOfficeDirectory(offices, regions);
const ids = (list: Office[]) => list.map((o) => o.id);

describe("office directory", () => {
  test("straight-line distance", () => {
    expect(distanceKm({ lat: 0, lon: 0 }, { lat: 0, lon: 1 })).toBeCloseTo(111.2, 0);
    expect(distanceKm({ lat: -3.3, lon: 102.86 }, { lat: -3.3, lon: 102.86 })).toBe(0);
  });

  test("nearest offices with coordinates, closest first, within reach", () => {
    const near = dir.nearest({ lat: -3.29, lon: 102.9 });
    expect(near.map((n) => n.office.id)).toEqual(["disnaker-llg", "bp3mi-sumsel"]);
    expect(near[0]!.distanceKm).toBeLessThan(6);
    expect(near[1]!.distanceKm).toBeGreaterThan(150);
    expect(dir.nearest({ lat: -3.29, lon: 102.9 }, { limit: 1 })).toHaveLength(1);
    expect(dir.nearest({ lat: 50, lon: 10 })).toEqual([]);
  });

  test("a region's own offices first, then the province's, and the national contact", () => {
    const r = dir.forRegion("16.73.02")!;
    expect(ids(r.local)).toEqual(["disnaker-llg", "bp3mi-sumsel"]);
    expect(ids(r.national)).toEqual(["ministry"]);
    expect(r.noLocalOffice).toBe(false);
  });

  test("a region with no office: says so, gives the province-level office and the ministry", () => {
    const r = dir.forRegion("16.13")!;
    expect(r.noLocalOffice).toBe(true);
    expect(ids(r.local)).toEqual(["bp3mi-sumsel"]);
    expect(ids(r.national)).toEqual(["ministry"]);
    const outside = dir.forRegion("61.01")!;
    expect(outside.local).toEqual([]);
    expect(ids(outside.national)).toEqual(["ministry"]);
  });

  test("a kind of office asked for and missing: the same kind elsewhere in the province", () => {
    const r = dir.forRegion("16.05", { types: ["blk"] })!;
    expect(ids(r.elsewhere)).toEqual(["blk-lahat"]);
    const here = dir.forRegion("16.05.01", { types: ["lpk"], destinations: ["japan"] })!;
    expect(ids(here.local)).toEqual(["lpk-tugumulyo"]);
    expect(here.elsewhere).toEqual([]);
  });

  test("unknown codes give nothing rather than a guess", () => {
    expect(dir.forRegion("99.99")).toBeUndefined();
  });
});

describe("content/places/offices.yaml", () => {
  const { offices: shipped } = loadOfficesContent(join(CONTENT_DIR, "places", "offices.yaml"), regions);

  test("only sourced facts: no office without a source and date; no unsourced address on real offices", () => {
    for (const o of shipped) {
      expect(o.source.length).toBeGreaterThan(10);
      expect(o.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (!o.sample) {
        expect(o.address, o.id).toBeUndefined();
        expect(o.location, o.id).toBeUndefined();
        if (o.type !== "ministry") expect(o.howToFind?.id, o.id).toBeTruthy();
      }
    }
  });

  test("samples say so in their name and source", () => {
    const samples = shipped.filter((o) => o.sample);
    expect(samples.length).toBeGreaterThan(0);
    for (const o of samples) {
      expect(o.name).toMatch(/contoh/i);
      expect(o.source).toMatch(/contoh/i);
    }
  });

  test("the offices FACTS.md section 7 names are there, and the ministry's national line", () => {
    const names = shipped.map((o) => o.id);
    expect(names).toEqual(
      expect.arrayContaining([
        "disnaker-kota-lubuklinggau",
        "bp3mi-sumatera-selatan",
        "blk-lahat",
        "blk-sekayu",
      ]),
    );
    expect(shipped.find((o) => o.serves.includes("*"))?.phone).toMatch(/0800-1000/);
  });
});
