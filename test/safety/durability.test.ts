import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../bot/config";
import { createLogger } from "../../bot/logger";
import { PROJECT_ROOT } from "../../bot/paths";
import type { ReportRecord } from "../../bot/reports/types";
import { openFileStore } from "../../bot/store/open-store";
import { createStoreRepositories } from "../../bot/store/store-repositories";
import { createBot } from "../../bot/wiring";
import { CAPABILITIES } from "../../flows/capabilities";

/** Runs the fixture, SIGKILLs it the moment the confirmation line appears, returns that line. */
function runUntilConfirmed(dir: string): Promise<{ ref: string; text: string; signal: string | null }> {
  const tsx = join(PROJECT_ROOT, "node_modules", ".bin", "tsx");
  const child = spawn(tsx, [join(PROJECT_ROOT, "test", "safety", "fixtures", "report-then-hang.ts"), dir], {
    env: { ...process.env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    let confirmed: { ref: string; text: string } | undefined;
    child.stdout.on("data", (d) => {
      out += String(d);
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (line && !confirmed) {
        const parsed = JSON.parse(line);
        confirmed = { ref: parsed.confirmed.ref, text: parsed.text };
        child.kill("SIGKILL");
      }
    });
    child.stderr.on("data", (d) => {
      err += String(d);
    });
    child.on("exit", (_code, signal) => {
      if (confirmed) resolve({ ...confirmed, signal });
      else reject(new Error(`child exited before confirming: ${err.slice(-2000)}`));
    });
  });
}

describe("report durability", () => {
  it("a report confirmed to the person is on disk even when the process is killed right after", async () => {
    const dir = mkdtempSync(join(tmpdir(), "report-kill-"));
    const { ref, text, signal } = await runUntilConfirmed(dir);
    expect(signal).toBe("SIGKILL");
    expect(text).toContain(ref);
    const raw = readFileSync(join(dir, "collections", "reports.json"), "utf8");
    expect(raw).toContain(ref);
    const store = await openFileStore(dir, { readOnly: true });
    const report = store.collection<ReportRecord>("reports").get(ref);
    expect(report).toMatchObject({
      status: "baru",
      who: { companies: ["PT Kabur Duluan"], phones: ["6281244445555"] },
      reporterKey: "telegram:555001",
    });
    expect(store.collection("report-notices").get(ref)).toBeDefined();
    await store.close();
  }, 60_000);

  it("references stay unique with concurrent reports on the real file store", async () => {
    const dir = mkdtempSync(join(tmpdir(), "report-many-"));
    const store = await openFileStore(dir, { intervalMs: 3_600_000 });
    const bot = createBot({
      capabilities: CAPABILITIES,
      config: loadConfig({ DATA_DIR: dir }),
      repos: createStoreRepositories(store),
      log: createLogger("silent"),
    });
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, n) =>
        bot.services.reports.submit({ what: `r${n}`, anonymous: true, channel: "web", lang: "id" }),
      ),
    );
    await store.close();
    const refs = new Set(results.map((r) => r.report.id));
    expect(refs.size).toBe(200);
    const reopened = await openFileStore(dir, { readOnly: true });
    expect(reopened.collection("reports").size()).toBe(200);
    for (const ref of refs) expect(reopened.collection("reports").get(ref)).toBeDefined();
    await reopened.close();
  });
});
