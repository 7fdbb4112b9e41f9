/**
 * bench:crash — a child process handles messages with lowdb persistence on and is killed
 * with SIGKILL mid-run. Then the data directory is opened again: it must load, and
 * every message handled more than one second before the kill must be there.
 * The child is paced at --rate messages/s (default 2000, the bench:core target); `--rate max`
 * runs it unpaced, at saturation.
 *   npm run bench:crash [-- --json] [-- --run-ms 3000 --rate 2000|max]
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../bot/config";
import { createLogger } from "../bot/logger";
import { openFileStore } from "../bot/store/open-store";
import { createStoreRepositories } from "../bot/store/store-repositories";
import { createBot } from "../bot/wiring";
import { CAPABILITIES } from "../flows/capabilities";
import { report, yieldToLoop } from "./bench-util";

const argv = process.argv.slice(2);
const json = argv.includes("--json");
const flag = (name: string, dflt: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};

/** The child: one new person per message at `rate` messages/s, progress printed after each batch. */
async function child(dir: string, rate: number): Promise<void> {
  const store = await openFileStore(dir);
  const bot = createBot({
    capabilities: CAPABILITIES,
    config: loadConfig({ RATE_LIMIT_PER_MINUTE: "10000" }),
    repos: createStoreRepositories(store),
    log: createLogger("silent"),
  });
  process.stdout.write("ready\n");
  const start = Date.now();
  for (let i = 0; ; i++) {
    await bot.core.handle({ channel: "web", chatId: `seq-${i}`, text: "menu", at: new Date() });
    if (i % 20 === 19) {
      process.stdout.write(`${i} ${Date.now()}\n`);
      const due = start + ((i + 1) / rate) * 1000;
      if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
      else await yieldToLoop();
    }
  }
}

async function parent(): Promise<void> {
  const runMs = flag("run-ms", 3000);
  const rateArg = argv[argv.indexOf("--rate") + 1];
  const max = argv.includes("--rate") && rateArg === "max";
  const rate = max ? Number.POSITIVE_INFINITY : flag("rate", 2000);
  const dir = mkdtempSync(join(tmpdir(), "ma-bench-crash-"));
  // node --import tsx (not the tsx CLI, which runs the script in a grandchild) so SIGKILL hits it
  const proc = spawn(
    process.execPath,
    ["--import", "tsx", fileURLToPath(import.meta.url), "--child", dir, String(rate)],
    {
      stdio: ["ignore", "pipe", "inherit"],
      cwd: fileURLToPath(new URL("..", import.meta.url)),
    },
  );
  const handledAt = new Map<number, number>();
  let started = 0;
  let killedAt = 0;
  await new Promise<void>((resolve) => {
    const lines = createInterface({ input: proc.stdout! });
    lines.on("line", (line) => {
      if (line === "ready") {
        started = Date.now();
        setTimeout(() => {
          killedAt = Date.now();
          proc.kill("SIGKILL");
        }, runMs);
        return;
      }
      const [n, t] = line.split(" ").map(Number);
      if (!killedAt) handledAt.set(n!, t!);
    });
    proc.on("exit", () => resolve());
  });

  let loads = true;
  let lost = 0;
  let oldestLostMs = 0;
  let persisted = 0;
  const last = Math.max(...handledAt.keys());
  try {
    const store = await openFileStore(dir, { readOnly: true });
    persisted = store.userCount();
    for (const [n, t] of handledAt) {
      // every batch up to n was handled by time t
      for (let k = n - 19; k <= n; k++) {
        if (!store.getUser(`web:seq-${k}`)) {
          lost++;
          oldestLostMs = Math.max(oldestLostMs, killedAt - t);
        }
      }
    }
  } catch (err) {
    loads = false;
    process.stderr.write(`${(err as Error).message}\n`);
  }
  rmSync(dir, { recursive: true, force: true });
  report(
    "bench:crash (target: files load, nothing older than 1000 ms lost)",
    {
      rate: max ? "max" : rate,
      acknowledged: last + 1,
      lost,
      oldest_lost_ms: oldestLostMs,
      rate_msgs_per_s: max ? Math.round(((last + 1) / Math.max(1, killedAt - started)) * 1000) : rate,
      run_ms: killedAt - started,
      handled_before_kill: last + 1,
      persisted,
      files_load: loads,
      ok: loads && oldestLostMs <= 1000,
    },
    json,
  );
}

if (argv[0] === "--child") await child(argv[1]!, Number(argv[2]));
else await parent();
