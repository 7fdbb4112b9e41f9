import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { signBody } from "../../adapters/whatsapp/cloud/signature";
import { PROJECT_ROOT } from "../../bot/paths";
import { type FakeGraph, startFakeGraph } from "../fakes/graph-api";
import { APP_SECRET, incoming, PHONE_ID, textOf, VERIFY_TOKEN } from "./cloud-harness";
import { until } from "./web-harness";

let graph: FakeGraph | undefined;
let dir: string | undefined;
afterEach(async () => {
  await graph?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  graph = undefined;
  dir = undefined;
});

/**
 * `npm start` (`node --import tsx bot/main.ts`) as a child process in Cloud API mode, the
 * Graph API pointed at the fake. (The `tsx` CLI wrapper SIGKILLs its child when it does not
 * acknowledge a SIGTERM within 30 ms, which skips the graceful shutdown: npm start avoids it.)
 */
function startMain(env: Record<string, string>) {
  dir = mkdtempSync(join(tmpdir(), "ma-wa-main-"));
  const loader = pathToFileURL(join(PROJECT_ROOT, "node_modules", "tsx", "dist", "loader.mjs")).href;
  const base = {
    NODE_ENV: "production",
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "info",
    WHATSAPP_MODE: "cloud",
  };
  const child = spawn(process.execPath, ["--import", loader, join(PROJECT_ROOT, "bot", "main.ts")], {
    cwd: dir,
    env: { ...process.env, ...base, DATA_DIR: join(dir, "data"), ...env },
  });
  const out = { stdout: "", stderr: "" };
  child.stdout.on("data", (d) => (out.stdout += String(d)));
  child.stderr.on("data", (d) => (out.stderr += String(d)));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { child, exited, stdout: () => out.stdout, stderr: () => out.stderr };
}

describe("npm start with WHATSAPP_MODE=cloud", () => {
  it("serves the webhook end to end: handshake, a signed message, the reply through the Graph API", async () => {
    graph = await startFakeGraph();
    const g = graph;
    const main = startMain({
      WHATSAPP_CLOUD_TOKEN: g.token,
      WHATSAPP_CLOUD_PHONE_ID: PHONE_ID,
      WHATSAPP_CLOUD_APP_SECRET: APP_SECRET,
      WHATSAPP_CLOUD_VERIFY_TOKEN: VERIFY_TOKEN,
      WHATSAPP_CLOUD_API_ROOT: g.apiRoot,
    });
    await until(() => /localhost:\d+/.test(main.stdout()), "the server", 60_000);
    const base = `http://127.0.0.1:${/localhost:(\d+)/.exec(main.stdout())![1]}`;
    const hook = `${base}/webhooks/whatsapp`;
    const ok = await fetch(`${hook}?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=42`);
    expect(await ok.text()).toBe("42");
    const raw = JSON.stringify(incoming("6281234509999", textOf("menu")));
    const bad = await fetch(hook, {
      method: "POST",
      body: raw,
      headers: { "x-hub-signature-256": signBody(raw, "wrong") },
    });
    expect(bad.status).toBe(401);
    const res = await fetch(hook, {
      method: "POST",
      body: raw,
      headers: { "content-type": "application/json", "x-hub-signature-256": signBody(raw, APP_SECRET) },
    });
    expect(res.status).toBe(200);
    await until(() => g.to("6281234509999").length > 0, "the reply", 30_000);
    expect(g.sent[0]!.version).toBe("v26.0");
    main.child.kill("SIGTERM");
    expect(await main.exited).toBe(0);
    expect(main.stdout()).toContain('"reason":"SIGTERM","msg":"shutting down"');
  });

  it("stops start-up naming the missing Cloud API variables", async () => {
    const main = startMain({ WHATSAPP_CLOUD_TOKEN: "x" });
    expect(await main.exited).toBe(1);
    expect(main.stderr()).toMatch(
      /WHATSAPP_MODE=cloud needs WHATSAPP_CLOUD_PHONE_ID, WHATSAPP_CLOUD_APP_SECRET, WHATSAPP_CLOUD_VERIFY_TOKEN/,
    );
    expect(main.stderr()).not.toMatch(/\n\s+at /);
  });
});
