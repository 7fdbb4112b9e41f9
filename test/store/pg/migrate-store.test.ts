import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { openPgRepositories } from "../../../bot/store/pg-repositories";
import { openFileRepositories } from "../../../bot/store/store-repositories";
import { describePg, useTestDatabase } from "../../helpers/postgres";
import { runCli } from "../../helpers/run-cli";

const db = useTestDatabase("migrate_store");
const T0 = new Date("2026-12-01T10:00:00Z");

/** Every file of the folder with its content hash: the source must not change. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[p.slice(dir.length)] = createHash("sha256").update(readFileSync(p)).digest("hex");
    }
  };
  walk(dir);
  return out;
}

async function lowdbFolder(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "migrate-src-"));
  const r = await openFileRepositories(dir, { intervalMs: 0, shards: 4 });
  const at = T0.toISOString();
  for (let i = 0; i < 30; i++) {
    const key = `web:p${i}`;
    await r.people.save(
      { key, channel: "web", chatId: `p${i}`, profile: {}, consent: {}, createdAt: at, lastSeenAt: at },
      i % 2 ? { flow: "faq", state: { i }, updatedAt: at } : undefined,
    );
  }
  await r.reports.put({
    id: "MA-MIGRATE1",
    status: "baru",
    verified: false,
    createdAt: at,
    updatedAt: at,
    what: "minta uang",
    who: { companies: ["PT Maju"], phones: [], accounts: [] },
    anonymous: false,
    reporterKey: "web:p1",
    channel: "web",
    lang: "id",
    notes: [],
    replies: [],
  });
  await r.audit.report({ at, actor: "cli", action: "note", report: "MA-MIGRATE1" });
  await r.votes.add("costs", true);
  await r.votes.add("costs", false);
  await r.kv.put("offer-questionnaire", "web:p3", { answers: { q1: "yes" } });
  await r.seen.first("telegram-updates", "77", T0);
  await r.registry.replace({
    version: 1,
    sample: false,
    file: "x.csv",
    importedAt: at,
    records: [
      {
        name: "PT Maju",
        license: "SIP3MI-2020-0001",
        status: "licensed",
        address: "",
        province: "",
        validUntil: "",
        source: "test",
        checkedOn: "2026-12-01",
      },
    ],
  });
  await r.flush();
  await r.close();
  return dir;
}

describePg("migrate-store", () => {
  it("copies a lowdb folder into PostgreSQL, idempotently, leaving the folder as it was", async () => {
    const dir = await lowdbFolder();
    const before = snapshot(dir);
    const first = runCli(["migrate-store", "--from", dir, "--to", db.url, "--json"], { dataDir: dir });
    expect(first.status, first.stderr).toBe(0);
    expect(first.json[0]).toMatchObject({
      ok: true,
      copied: { people: 30, sessions: 15, reports: 1, audit: 1, "faq-votes": 1, registry: 1 },
    });
    expect(JSON.stringify(first.json[0])).not.toContain(new URL(db.url).password || "\u0000");
    const again = runCli(["migrate-store", "--from", dir, "--to", db.url], { dataDir: dir });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^Copied \d+ records from .* people 30, sessions 15/);
    expect(again.stdout).toContain("Nothing was deleted");
    expect(snapshot(dir)).toEqual(before);

    const pg = await openPgRepositories(db.url);
    try {
      expect(await pg.people.count()).toBe(30);
      expect((await pg.people.session("web:p1"))?.state).toEqual({ i: 1 });
      expect((await pg.reports.byReference("MA-MIGRATE1"))?.reporterKey).toBe("web:p1");
      expect((await pg.reports.naming(["co:maju"])).length).toBe(1);
      expect(await pg.audit.reportEntries("MA-MIGRATE1")).toHaveLength(1);
      expect(await pg.votes.get("costs")).toEqual({ id: "costs", up: 1, down: 1 });
      expect(await pg.kv.get("offer-questionnaire", "web:p3")).toMatchObject({ answers: { q1: "yes" } });
      expect(await pg.seen.first("telegram-updates", "77", T0)).toBe(false);
      expect((await pg.registry.current())?.file).toBe("x.csv");
    } finally {
      await pg.close();
    }
  });
});
