/**
 * bench:core — 100,000 stored users, then 20,000 messages from 10,000 users through
 * handle() with lowdb persistence on. Prints msgs/s, p50/p99 latency, peak RSS, bytes on
 * disk and the time of one flush; then a fresh process checks every user's latest state.
 *   npm run bench:core [-- --json] [-- --users N --messages N --active N]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../bot/config";
import { createLogger } from "../bot/logger";
import { DEFAULT_SHARDS, openFileStore } from "../bot/store/open-store";
import { createStoreRepositories } from "../bot/store/store-repositories";
import { createBot } from "../bot/wiring";
import { CAPABILITIES } from "../flows/capabilities";
import { diskBytes, percentile, report, rssSampler, yieldToLoop } from "./bench-util";

const argv = process.argv.slice(2);
const num = (name: string, dflt: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const json = argv.includes("--json");

/** The script a user of the bench sends, cycling: menu, language, pick, help… */
const SCRIPT = ["menu", "bahasa", "1", "bantuan", "menu", "7", "2", "mulai"];
const REGIONS = ["16.73", "16.71", "32.73", "35.78"];

/** With BENCH_DEBUG=1, prints memory at each phase. */
function phase(name: string): void {
  if (!process.env.BENCH_DEBUG) return;
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  process.stderr.write(`${name}: rss=${Math.round(m.rss / 1e6)}MB heap=${Math.round(m.heapUsed / 1e6)}MB\n`);
}

async function verify(dir: string, users: number, active: number, lastSeen: string): Promise<number> {
  const store = await openFileStore(dir, { readOnly: true });
  let bad = 0;
  if (store.userCount() !== users) bad++;
  for (let u = 0; u < active; u++) {
    const key = `web:user-${u}`;
    const user = store.getUser(key);
    const session = store.getSession(key);
    if (user?.lastSeenAt !== lastSeen || session?.updatedAt !== lastSeen) bad++;
  }
  return bad;
}

async function main(): Promise<void> {
  if (argv[0] === "--verify") {
    const [, dir, users, active, lastSeen] = argv;
    const bad = await verify(dir!, Number(users), Number(active), lastSeen!);
    process.stdout.write(`${bad}\n`);
    return;
  }
  const users = num("users", 100_000);
  const messages = num("messages", 20_000);
  const active = num("active", 10_000);
  const dir = mkdtempSync(join(tmpdir(), "ma-bench-core-"));
  const rss = rssSampler();
  phase("start");

  const store = await openFileStore(dir, {
    shards: num("shards", DEFAULT_SHARDS),
    intervalMs: num("interval", 250),
  });
  const t0 = "2026-11-01T00:00:00.000Z";
  for (let u = 0; u < users; u++) {
    const key = `web:user-${u}`;
    store.putUser({
      key,
      channel: "web",
      chatId: `user-${u}`,
      lang: u % 5 === 0 ? "en" : "id",
      profile: { region: REGIONS[u % REGIONS.length], destination: "jepang", sector: "manufaktur" },
      consent: { subscriptions: t0 },
      createdAt: t0,
      lastSeenAt: t0,
    });
    store.putSession(key, { flow: "language", state: { asked: true }, updatedAt: t0 });
  }
  await store.flush();
  phase("preloaded");

  // Each active user sends messages/active messages; all of one round share one clock value,
  // so the last round's time is every active user's latest state.
  const rounds = Math.ceil(messages / active);
  let now = new Date("2026-11-28T08:00:00.000Z");
  const bot = createBot({
    capabilities: CAPABILITIES,
    config: loadConfig({ RATE_LIMIT_PER_MINUTE: "10000", DATA_DIR: dir }),
    repos: createStoreRepositories(store),
    log: createLogger("silent"),
    clock: () => now,
  });
  const latencies: number[] = [];
  const start = performance.now();
  let sent = 0;
  for (let r = 0; r < rounds && sent < messages; r++) {
    now = new Date(now.getTime() + 60_000);
    for (let u = 0; u < active && sent < messages; u++, sent++) {
      const a = performance.now();
      if (sent % 8 === 0) await yieldToLoop();
      await bot.core.handle({
        channel: "web",
        chatId: `user-${u}`,
        text: SCRIPT[(r + u) % SCRIPT.length],
        at: now,
      });
      latencies.push(performance.now() - a);
    }
  }
  const elapsed = (performance.now() - start) / 1000;
  phase("messages done");
  const lastSeen = now.toISOString();

  await store.flush();
  // one flush with every shard dirty
  for (let u = 0; u < 2000; u++) {
    const user = store.getUser(`web:user-${users - 1 - u}`);
    if (user) store.putUser(user);
  }
  const f0 = performance.now();
  await store.flush();
  const flushMs = performance.now() - f0;
  await store.close();
  rss.stop();

  const self = fileURLToPath(import.meta.url);
  const tsx = join(fileURLToPath(new URL("..", import.meta.url)), "node_modules", ".bin", "tsx");
  const check = spawnSync(
    tsx,
    [self, "--verify", dir, String(users), String(Math.min(active, messages)), lastSeen],
    {
      encoding: "utf8",
    },
  );
  const mismatched = Number(check.stdout.trim());
  latencies.sort((x, y) => x - y);
  const figures = {
    users,
    messages: sent,
    msgs_per_s: Math.round(sent / elapsed),
    p50_ms: Number(percentile(latencies, 50).toFixed(3)),
    p99_ms: Number(percentile(latencies, 99).toFixed(3)),
    peak_rss_mb: Math.round(rss.peakMb()),
    disk_mb: Number((diskBytes(dir) / 1024 / 1024).toFixed(1)),
    flush_ms: Number(flushMs.toFixed(1)),
    fresh_process_mismatches: Number.isNaN(mismatched) ? -1 : mismatched,
  };
  rmSync(dir, { recursive: true, force: true });
  report("bench:core (targets: ≥2000 msgs/s, p99 ≤ 50 ms, RSS ≤ 300 MB, 0 mismatches)", figures, json);
}

await main();
