import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createWebApp } from "../../adapters/web/app";
import { openFileStore } from "../../bot/store/open-store";
import { allText, makeBot } from "../helpers/make-bot";

/** Makes saving into `users/` fail as a full or broken disk would (root ignores chmod, so the folder becomes a file). */
function breakUsers(dir: string): void {
  rmSync(join(dir, "users"), { recursive: true, force: true });
  writeFileSync(join(dir, "users"), "not a folder");
}

function repairUsers(dir: string): void {
  rmSync(join(dir, "users"), { force: true });
  mkdirSync(join(dir, "users"), { mode: 0o700 });
}

describe("when saving fails (full disk, read-only folder)", () => {
  it("reports it: logged once, /healthz 503 with the reason, until a save succeeds", async () => {
    const dir = mkdtempSync(join(tmpdir(), "save-fail-"));
    const errors: string[] = [];
    const store = await openFileStore(dir, {
      intervalMs: 10,
      shards: 2,
      onSaveError: (err) => errors.push((err as NodeJS.ErrnoException).code ?? "?"),
    });
    const b = makeBot({ store });
    const app = createWebApp(b.bot);
    expect((await app.request("/healthz")).status).toBe(200);

    breakUsers(dir);
    await b.say("h1", "menu");
    for (let i = 0; i < 200 && store.health().ok; i++) await new Promise((r) => setTimeout(r, 10));
    const res = await app.request("/healthz");
    expect(res.status).toBe(503);
    expect(((await res.json()) as { reason: string }).reason).toMatch(/saving data failed/);
    expect(errors.length).toBe(1);

    repairUsers(dir);
    await store.flush();
    expect((await app.request("/healthz")).status).toBe(200);
    await store.close();
  });

  it("refuses a promise politely instead of confirming it: no reference without a saved report", async () => {
    const dir = mkdtempSync(join(tmpdir(), "save-fail-"));
    const store = await openFileStore(dir, { intervalMs: 0, shards: 2 });
    const b = makeBot({ store });
    await b.say("p", "laporkan");
    await b.say("p", "Sponsor minta uang 15 juta untuk berangkat ke Taiwan, lalu hilang.");
    await b.say("p", { choice: "report:skip" });
    await b.say("p", "Lubuk Linggau, Oktober 2026");
    await b.say("p", { choice: "report:via-chat" });
    breakUsers(dir);
    const done = await b.say("p", { choice: "report:send" });
    expect(done.meta.report).toBeUndefined();
    expect(allText(done)).toMatch(/Coba lagi sebentar lagi/);
    repairUsers(dir);
    await store.close();
  });
});
