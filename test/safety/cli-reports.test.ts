import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../bot/config";
import { createLogger } from "../../bot/logger";
import type { AuditRecord } from "../../bot/reports/types";
import { openFileStore } from "../../bot/store/open-store";
import { createStoreRepositories } from "../../bot/store/store-repositories";
import { createBot } from "../../bot/wiring";
import { CAPABILITIES } from "../../flows/capabilities";
import { runCli } from "../helpers/run-cli";

async function seed(dir: string): Promise<string[]> {
  const store = await openFileStore(dir);
  const bot = createBot({
    capabilities: CAPABILITIES,
    config: loadConfig({ DATA_DIR: dir }),
    repos: createStoreRepositories(store),
    log: createLogger("silent"),
  });
  const refs: string[] = [];
  for (const who of ["PT Gelap Terus, 0812-6060-7070", "nomor 081260607070", "PT Beda Sendiri"]) {
    const { report } = await bot.services.reports.submit({
      what: "Minta uang muka",
      who,
      anonymous: false,
      reporterKey: "web:reporter-1",
      channel: "web",
      lang: "id",
    });
    refs.push(report.id);
  }
  await store.close();
  return refs;
}

describe("npm run cli -- reports", () => {
  it("lists with notices and groups, shows, sets status, replies; JSON on stdout", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cli-reports-"));
    const [a, b, c] = await seed(dir);

    const list = runCli(["reports", "list", "--json"], { dataDir: dir });
    expect(list.status).toBe(0);
    const body = list.json[0] as {
      reports: { ref: string; linkedToChat: boolean; related: string[] }[];
      notices: { report: string }[];
      groups: { reports: string[] }[];
    };
    expect(body.reports.map((r) => r.ref).sort()).toEqual([a, b, c].sort());
    expect(body.notices.map((n) => n.report).sort()).toEqual([a, b, c].sort());
    expect(body.groups).toEqual([expect.objectContaining({ reports: [a, b].sort() })]);
    expect(list.stdout).not.toContain("reporter-1");

    const human = runCli(["reports", "list"], { dataDir: dir });
    expect(human.stdout).toMatch(/3 report\(s\); 3 notice\(s\) not yet handled/);

    const status = runCli(["reports", "status", a as string, "dirujuk", "--json"], { dataDir: dir });
    expect(status.json[0]).toMatchObject({ ok: true, ref: a, status: "dirujuk" });
    const bad = runCli(["reports", "status", a as string, "entah"], { dataDir: dir });
    expect(bad.status).toBe(2);

    const reply = runCli(
      ["reports", "reply", (b as string).toLowerCase(), "Mohon datang ke Disnaker.", "--json"],
      {
        dataDir: dir,
      },
    );
    expect(reply.json[0]).toMatchObject({ ok: true, ref: b, delivered: false });

    const filtered = runCli(["reports", "list", "--status", "dirujuk", "--json"], { dataDir: dir });
    expect((filtered.json[0] as { reports: { ref: string }[] }).reports.map((r) => r.ref)).toEqual([a]);
    const byPhone = runCli(["reports", "list", "--term", "0812 6060 7070", "--json"], { dataDir: dir });
    expect((byPhone.json[0] as { reports: { ref: string }[] }).reports.map((r) => r.ref).sort()).toEqual(
      [a, b].sort(),
    );

    const show = runCli(["reports", "show", b as string, "--json"], { dataDir: dir });
    expect(show.json[0]).toMatchObject({
      ref: b,
      replies: [{ text: "Mohon datang ke Disnaker." }],
      related: [a],
    });
    expect(runCli(["reports", "show", "MA-ZZZZZZZZ", "--json"], { dataDir: dir }).status).toBe(1);

    const store = await openFileStore(dir, { readOnly: true });
    const audit = store.collection<AuditRecord>("audit").all();
    expect(audit.map((x) => x.action).sort()).toEqual(["reply", "status"]);
    expect(audit.every((x) => x.actor.startsWith("cli:"))).toBe(true);
    await store.close();
  }, 300_000);
});
