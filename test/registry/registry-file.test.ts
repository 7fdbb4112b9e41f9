import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../../bot/logger";
import { CONTENT_DIR } from "../../bot/paths";
import { readRegistryFile, registryPath, writeRegistryFile } from "../../bot/registry/registry-file";
import { createRegistryService } from "../../bot/registry/registry-service";
import type { RegistryData, RegistryRecord } from "../../bot/registry/types";
import { createFileRegistry } from "../../bot/store/registry-store";
import { DataFileError } from "../../bot/store/secure-json-file";

const record = (name: string, license: string, status: RegistryRecord["status"]): RegistryRecord => ({
  name,
  license,
  status,
  address: "",
  province: "",
  validUntil: "",
  source: "Disnaker Uji",
  checkedOn: "2026-11-20",
});

const data = (records: RegistryRecord[]): RegistryData => ({
  version: 1,
  sample: false,
  file: "uji.csv",
  importedAt: "2026-11-28T00:00:00.000Z",
  records,
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "registry-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const service = () =>
  createRegistryService({
    repo: createFileRegistry(dir),
    sampleFile: join(CONTENT_DIR, "registry", "sample.csv"),
    log: createLogger("silent"),
    clock: () => new Date("2026-11-28T08:00:00Z"),
  });

describe("registry file", () => {
  it("is written with mode 600 and read back", async () => {
    await writeRegistryFile(dir, data([record("PT Uji Satu", "SIP3MI-2020-0001", "licensed")]));
    expect(statSync(registryPath(dir)).mode & 0o777).toBe(0o600);
    expect(readRegistryFile(registryPath(dir))?.records[0]?.name).toBe("PT Uji Satu");
  });

  it("refuses a corrupt file with a DataFileError naming it", async () => {
    writeFileSync(registryPath(dir), "{not json");
    expect(() => readRegistryFile(registryPath(dir))).toThrow(DataFileError);
    await expect(service().load()).rejects.toThrow(/registry\.json/);
  });
});

/** The service as start-up leaves it: the imported registry read. */
async function loaded() {
  const s = service();
  await s.load();
  return s;
}

describe("registry service", () => {
  it("answers from the shipped sample, labelled as sample, until a registry is imported", async () => {
    const s = await loaded();
    expect((await s.info()).sample).toBe(true);
    const found = await s.check("PT Contoh Sampel Sejahtera");
    expect(found.lookup.status).toBe("licensed");
    expect(found.info.sample).toBe(true);
  });

  it("notices a newer registry file and reloads it", async () => {
    const s = await loaded();
    expect((await s.check("PT Uji Satu")).lookup.status).toBe("not-found");
    await writeRegistryFile(dir, data([record("PT Uji Satu", "SIP3MI-2020-0001", "licensed")]));
    const a = await s.check("PT Uji Satu");
    expect(a.lookup.status).toBe("licensed");
    expect(a.info).toMatchObject({ sample: false, source: "Disnaker Uji", updatedAt: "2026-11-20" });
    await writeRegistryFile(dir, data([record("PT Uji Satu", "SIP3MI-2020-0001", "revoked")]));
    expect((await s.check("PT Uji Satu")).lookup.status).toBe("revoked");
  });

  it("keeps the previous registry when a new file cannot be read", async () => {
    await writeRegistryFile(dir, data([record("PT Uji Satu", "SIP3MI-2020-0001", "licensed")]));
    const s = await loaded();
    writeFileSync(registryPath(dir), "garbage, not json");
    expect((await s.check("PT Uji Satu")).lookup.status).toBe("licensed");
    expect(readFileSync(registryPath(dir), "utf8")).toBe("garbage, not json");
  });
});
