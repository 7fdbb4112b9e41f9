import { describe, expect, it } from "vitest";
import { parseRegistryCsv } from "../../bot/registry/parse-csv";

const now = new Date("2026-11-28T00:00:00Z");
const HEADER = "name,license,status,address,province,valid_until,source,checked_on";

describe("registry CSV", () => {
  it("imports good rows and reports each bad one with its line and reason", () => {
    const csv = [
      HEADER,
      'PT Uji Satu,SIP3MI-2020-0001,licensed,"Jl. A, Kota",Jambi,2030-01-01,fixture,2026-11-01',
      "PT Uji Dua,sip3mi 2020 0002,dibekukan,,,,fixture,01/11/2026",
      "PT Uji Tiga,SIP3MI-2020-0003,closed,,,,fixture,2026-11-01",
      ",SIP3MI-2020-0004,licensed,,,,fixture,2026-11-01",
      "PT Uji Lima,SIP3MI-2020-0005,aktif,,,2030-02-30,fixture,2026-11-01",
      "PT Uji Enam,SIP3MI-2020-0006,dicabut,,,,fixture,2099-01-01",
      "PT Uji Tujuh,SIP3MI-2020-0001,licensed,,,,fixture,2026-11-01",
      "PT Uji Delapan,SIP3MI-2020-0008,licensed",
      "",
      "PT Uji Sembilan,SIP3MI-2020-0009,revoked,,,,fixture,2026-10-01",
    ].join("\n");
    const r = parseRegistryCsv(csv, { now });
    expect(r.fatal).toBeUndefined();
    expect(r.rowsRead).toBe(9);
    expect(r.records.map((x) => [x.name, x.license, x.status])).toEqual([
      ["PT Uji Satu", "SIP3MI-2020-0001", "licensed"],
      ["PT Uji Dua", "SIP3MI-2020-0002", "suspended"],
      ["PT Uji Sembilan", "SIP3MI-2020-0009", "revoked"],
    ]);
    expect(r.records[1]!.checkedOn).toBe("2026-11-01");
    expect(r.rejected.map((x) => x.line)).toEqual([4, 5, 6, 7, 8, 9]);
    const reason = (line: number) => r.rejected.find((x) => x.line === line)!.reason;
    expect(reason(4)).toMatch(/status "closed"/);
    expect(reason(5)).toMatch(/missing name/);
    expect(reason(6)).toMatch(/valid_until/);
    expect(reason(7)).toMatch(/future/);
    expect(reason(8)).toMatch(/already given on line 2/);
    expect(reason(9)).toMatch(/columns/);
  });

  it("accepts semicolon-separated files and a byte-order mark", () => {
    const csv = `\uFEFF${HEADER.replaceAll(",", ";")}\nPT Uji;SIP3MI-2021-0001;licensed;;;;fixture;2026-11-01\n`;
    const r = parseRegistryCsv(csv, { now });
    expect(r.records).toHaveLength(1);
    expect(r.rejected).toEqual([]);
  });

  it("calls a file unusable when the header is wrong or no row is valid", () => {
    expect(parseRegistryCsv("nama,izin\nPT A,1\n", { now }).fatal).toMatch(/header/);
    expect(parseRegistryCsv("", { now }).fatal).toMatch(/empty/);
    const none = parseRegistryCsv(`${HEADER}\nPT A,SIP3MI-1,unknown,,,,x,2026-01-01\n`, { now });
    expect(none.fatal).toMatch(/no valid rows/);
    expect(none.rejected).toHaveLength(1);
  });

  it("reports broken quoting with a line number instead of failing the whole file", () => {
    const csv = `${HEADER}\nPT A,SIP3MI-2020-0001,licensed,,,,x,2026-01-01\nPT "B"x,SIP3MI-2020-0002,licensed,,,,x,2026-01-01\n`;
    const r = parseRegistryCsv(csv, { now });
    expect(r.records).toHaveLength(1);
    expect(r.rejected[0]!.line).toBe(3);
  });
});
