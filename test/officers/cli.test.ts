import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createOfficerAccounts } from "../../bot/officers/accounts";
import { openFileRepositories } from "../../bot/store/store-repositories";
import { runCli } from "../helpers/run-cli";

describe("npm run cli -- officer", () => {
  it("adds an account with an argon2id password, prints tokens alone on the last line, disables, audits", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "officer-cli-"));
    const add = runCli(["officer", "add", "Siti"], { dataDir });
    expect(add.status, add.stderr).toBe(0);
    const password = add.stdout.trim().split("\n").at(-1)!;
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(runCli(["officer", "add", "siti"], { dataDir }).status).toBe(1);
    const own = runCli(["officer", "add", "budi", "--password-stdin"], {
      dataDir,
      input: "rahasia-budi-123\n",
    });
    expect(own.status, own.stderr).toBe(0);
    expect(own.stdout).not.toContain("rahasia");

    const tok = runCli(["officer", "token", "siti"], { dataDir });
    expect(tok.status, tok.stderr).toBe(0);
    const token = tok.stdout.trim().split("\n").at(-1)!;
    expect(token).toMatch(/^ma_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);

    const raw = readFileSync(join(dataDir, "collections", "officers.json"), "utf8");
    expect(raw).toContain("$argon2id$");
    expect(raw).not.toContain(password);
    expect(raw).not.toContain(token.split("_")[2]);

    let store = await openFileRepositories(dataDir, { readOnly: true });
    let accounts = createOfficerAccounts(store.officers);
    expect((await accounts.checkPassword("siti", password))?.id).toBe("siti");
    expect(await accounts.checkPassword("siti", "wrong-password")).toBeUndefined();
    expect((await accounts.checkPassword("budi", "rahasia-budi-123"))?.id).toBe("budi");
    expect((await accounts.checkToken(token))?.id).toBe("siti");
    await store.close();

    expect(runCli(["officer", "disable", "siti"], { dataDir }).status).toBe(0);
    expect(runCli(["officer", "token", "nobody"], { dataDir }).status).toBe(1);
    store = await openFileRepositories(dataDir, { readOnly: true });
    accounts = createOfficerAccounts(store.officers);
    expect(await accounts.checkToken(token)).toBeUndefined();
    expect(await accounts.checkPassword("siti", password)).toBeUndefined();
    const audit = (await store.audit.officerEntries()) as { action: string; where: string; target: string }[];
    expect(audit.map((a) => `${a.action} ${a.target} ${a.where}`)).toEqual([
      "officer-add siti cli",
      "officer-add budi cli",
      "officer-token siti cli",
      "officer-disable siti cli",
    ]);
    await store.close();
  }, 240_000);
});
