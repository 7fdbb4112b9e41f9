import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { registryPath } from "../../bot/registry/registry-file";
import { runCli } from "../helpers/run-cli";

const dir = mkdtempSync(join(tmpdir(), "import-"));
const dataDir = join(dir, "data");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = "name,license,status,address,province,valid_until,source,checked_on";
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe("import-registry and verify-recruiter (CLI)", () => {
  it("imports, reports rejected rows by line, and the bot answers from the new registry", () => {
    const good = file(
      "good.csv",
      [
        HEADER,
        "PT Uji Satu,SIP3MI-2020-0001,licensed,,Jambi,2030-01-01,Disnaker Uji,2026-11-01",
        "PT Uji Dua,SIP3MI-2020-0002,bogus,,Jambi,2030-01-01,Disnaker Uji,2026-11-01",
        "PT Uji Tiga,SIP3MI-2020-0003,dicabut,,Jambi,,Disnaker Uji,2026-11-02",
      ].join("\n"),
    );
    const r = runCli(["import-registry", good], { dataDir });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/line 3: status "bogus"/);
    expect(r.stdout.trim().split("\n").at(-1)).toBe("rows read: 3, imported: 2, rejected: 1");

    const v = runCli(["verify-recruiter", "--jsonl"], {
      dataDir,
      input: `${JSON.stringify({ text: "pt uji satu" })}\n${JSON.stringify({ text: "sip3mi 2020 0003" })}\n`,
    });
    expect(v.status).toBe(0);
    expect(v.json[0]).toMatchObject({
      status: "licensed",
      match: {
        name: "PT Uji Satu",
        license: "SIP3MI-2020-0001",
        checkedOn: "2026-11-01",
        source: "Disnaker Uji",
      },
      candidates: [],
      sample: false,
    });
    expect(v.json[1]).toMatchObject({ status: "revoked", match: { name: "PT Uji Tiga" } });
  });

  it("leaves the registry unchanged and exits 1 for an unusable file", () => {
    const before = readFileSync(registryPath(dataDir), "utf8");
    const badHeader = file("bad-header.csv", "nama,izin\nPT X,1\n");
    const noRows = file("no-rows.csv", `${HEADER}\nPT X,SIP3MI-1,whatever,,,,src,2026-01-01\n`);
    for (const p of [badHeader, noRows, join(dir, "missing.csv")]) {
      const r = runCli(["import-registry", p], { dataDir });
      expect(r.status, p).toBe(1);
      expect(r.stderr).toMatch(/not changed/);
    }
    expect(readFileSync(registryPath(dataDir), "utf8")).toBe(before);
  });

  it("says 'data contoh' when no registry was imported", () => {
    const empty = join(dir, "empty-data");
    const v = runCli(["verify-recruiter", "--json", "PT Contoh Sampel Sejahtera"], { dataDir: empty });
    expect(v.json[0]).toMatchObject({ status: "licensed", sample: true });
    expect(String(v.json[0]!.advice)).toMatch(/data contoh/);
    expect(existsSync(registryPath(empty))).toBe(false);
  });
});
