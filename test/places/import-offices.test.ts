import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { officesPath } from "../../bot/places/office-file";
import { OFFICE_COLUMNS, parseOfficesCsv } from "../../bot/places/parse-offices-csv";
import { loadRegionList } from "../../bot/places/region-list";
import { runCli } from "../helpers/run-cli";

const HEADER = OFFICE_COLUMNS.join(",");
const regions = loadRegionList();
const now = new Date("2026-12-02T10:00:00Z");

const GOOD = [
  "disnaker-llg,disnaker,Disnaker Kota Lubuklinggau,16.73,,,,,,,,,,Surat Disnaker 2026,2026-11-30,",
  'blk-x,blk,BLK X,16.05;16.13,"Jl. Satu, No 2",0733-1,08-15,-3.3,102.8,las;bubut,japan,manufacturing,,Papan nama,2026-11-01,',
].join("\n");

describe("offices CSV validation", () => {
  test("every row is checked; bad rows are listed with their line and reason", () => {
    const text = [
      HEADER,
      GOOD,
      "bad-type,bank,Bank,16.73,,,,,,,,,,src,2026-11-01,",
      "bad-code,blk,BLK Y,16.99,,,,,,,,,,src,2026-11-01,",
      "bad-geo,blk,BLK Z,16.05,,,,-300,102,,,,,src,2026-11-01,",
      "half-geo,blk,BLK Z,16.05,,,,-3,,,,,,src,2026-11-01,",
      "future,blk,BLK F,16.05,,,,,,,,,,src,2027-01-01,",
      "no-date,blk,BLK F,16.05,,,,,,,,,,src,2026-02-30,",
      "no-source,blk,BLK S,16.05,,,,,,,,,,,2026-11-01,",
      "disnaker-llg,disnaker,Twice,16.73,,,,,,,,,,src,2026-11-01,",
      "demo,lpk,LPK Contoh,16.73,,,,,,,,,,contoh,2026-11-01,ya",
    ].join("\n");
    const r = parseOfficesCsv(text, { regions, now });
    expect(r.fatal).toBeUndefined();
    expect(r.rowsRead).toBe(11);
    expect(r.offices.map((o) => o.id)).toEqual(["disnaker-llg", "blk-x", "demo"]);
    expect(r.offices[1]).toMatchObject({
      serves: ["16.05", "16.13"],
      address: "Jl. Satu, No 2",
      location: { lat: -3.3, lon: 102.8 },
      services: ["las", "bubut"],
    });
    expect(r.offices[2]!.sample).toBe(true);
    expect(r.rejected.map((x) => x.line)).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
    const reasons = r.rejected.map((x) => x.reason).join("\n");
    expect(reasons).toMatch(/type/);
    expect(reasons).toMatch(/"16.99" is not a code of the official region list/);
    expect(reasons).toMatch(/not a place on earth/);
    expect(reasons).toMatch(/lat and lon must be given together/);
    expect(reasons).toMatch(/2027-01-01/);
    expect(reasons).toMatch(/2026-02-30/);
    expect(reasons).toMatch(/source/);
    expect(reasons).toMatch(/appears twice/);
  });

  test("a file without the required columns or without a usable row is unusable", () => {
    expect(parseOfficesCsv("nama,alamat\nX,Y\n", { regions, now }).fatal).toMatch(/header/);
    expect(parseOfficesCsv(`${HEADER}\nx,bank,,,,,,,,,,,,,,\n`, { regions, now }).fatal).toMatch(
      /no usable row/,
    );
  });
});

describe("import-offices CLI", () => {
  test("imports, lists rejected rows, and the bot's find-office then uses the new directory", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "offices-"));
    const file = join(dataDir, "offices.csv");
    writeFileSync(file, `${HEADER}\n${GOOD}\nbad,bank,Bank,16.73,,,,,,,,,,src,2026-11-01,\n`);
    const r = runCli(["import-offices", file], { dataDir });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/rejected line 4: type/);
    expect(r.stdout).toMatch(/rows read: 3, imported: 2, rejected: 1/);
    const saved = JSON.parse(readFileSync(officesPath(dataDir), "utf8"));
    expect(saved.offices).toHaveLength(2);
    const found = runCli(["find-office", "--json", "tugumulyo"], { dataDir });
    expect(found.json[0]).toMatchObject({
      region: { code: "16.05.01", name: "Tugumulyo" },
      offices: [{ type: "blk", name: "BLK X", address: "Jl. Satu, No 2", phone: "0733-1" }],
    });
  });

  test("an unusable file exits 1 and changes nothing", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "offices-"));
    const bad = join(dataDir, "bad.csv");
    writeFileSync(bad, "nama,alamat\nX,Y\n");
    const r = runCli(["import-offices", "--json", bad], { dataDir });
    expect(r.status).toBe(1);
    expect(r.json[0]).toMatchObject({ ok: false });
    expect(r.stderr).toMatch(/office directory was not changed/);
    expect(existsSync(officesPath(dataDir))).toBe(false);
    expect(runCli(["import-offices", join(dataDir, "missing.csv")], { dataDir }).status).toBe(1);
  });
});
