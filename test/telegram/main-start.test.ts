import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../bot/paths";
import { type FakeTelegram, startFakeTelegram } from "../fakes/telegram-api";

let fake: FakeTelegram | undefined;
let dir: string | undefined;
afterEach(async () => {
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  fake = undefined;
  dir = undefined;
});

/** `npm start` (bot/main.ts) as a child process, with Telegram pointed at the fake. */
function startMain(f: FakeTelegram) {
  dir = mkdtempSync(join(tmpdir(), "ma-tg-main-"));
  // As `npm start` runs it (node --import tsx): the tsx wrapper process would relay SIGTERM itself.
  const loader = pathToFileURL(join(PROJECT_ROOT, "node_modules", "tsx", "dist", "loader.mjs")).href;
  const child = spawn(process.execPath, ["--import", loader, join(PROJECT_ROOT, "bot", "main.ts")], {
    cwd: dir,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: join(dir, "data"),
      LOG_LEVEL: "silent",
      TELEGRAM_BOT_TOKEN: f.token,
      TELEGRAM_API_ROOT: f.apiRoot,
      TELEGRAM_WEBHOOK_URL: "",
    },
  });
  let stderr = "";
  child.stderr.on("data", (d) => {
    stderr += String(d);
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, stderr: () => stderr };
}

describe("npm start with TELEGRAM_BOT_TOKEN", () => {
  it("answers on Telegram, then shuts down gracefully on SIGTERM", async () => {
    fake = await startFakeTelegram();
    const f = fake;
    const main = startMain(f);
    await f.waitFor(() => f.calls("getUpdates").length > 0, "the start-up check", 30_000);
    f.text(601, "menu");
    await f.waitFor(() => f.to(601).length > 0, "the reply", 30_000);
    main.child.kill("SIGTERM");
    expect(await main.exited).toBe(0);
  });

  it("stops start-up with a clear message when another process polls the token (409)", async () => {
    fake = await startFakeTelegram();
    fake.setConflict(true);
    const main = startMain(fake);
    expect(await main.exited).toBe(1);
    expect(main.stderr()).toMatch(/409 Conflict: another process is already receiving updates/);
    expect(main.stderr()).not.toMatch(/\n\s+at /);
  });
});
