/**
 * bench:broadcast — a broadcast to 10,000 subscribers (lowdb files in a temp folder) through a
 * fake channel that enforces a rate (default 200/s) and fails 1 % of sends once temporarily and
 * 1 % permanently; then the same broadcast in a child process killed (SIGKILL) half-way and
 * started again; then peak RSS of a child fanning out and sending to 100,000 subscribers.
 * Every send the fake channel accepts is appended to a file, so the count survives the kill.
 *   npm run bench:broadcast [-- --json] [-- --recipients 10000] [-- --rate 200] [-- --rss-recipients 100000]
 * Keys: recipients, rate_ratio, lost, duplicates, crash_lost, crash_duplicates, in_flight, peak_rss_mb.
 */
import { spawn } from "node:child_process";
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../bot/config";
import { createLogger } from "../bot/logger";
import type { Sender } from "../bot/sender";
import { openFileStore } from "../bot/store/open-store";
import { createStoreRepositories } from "../bot/store/store-repositories";
import { createBot } from "../bot/wiring";
import { CAPABILITIES } from "../flows/capabilities";
import { report, rssSampler } from "./bench-util";

const argv = process.argv.slice(2);
const json = argv.includes("--json");
const flag = (name: string, dflt: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const N = flag("recipients", 10_000);
const RATE = flag("rate", 200);
const RSS_N = flag("rss-recipients", 100_000);

const kindOf = (chat: number) => (chat % 100 === 7 ? "temporary" : chat % 100 === 13 ? "permanent" : "ok");

/** The fake channel: at most `rate` sends a second; accepted sends appended to `log`. */
function fakeChannel(log: string, rate: number, times: { first?: number; last?: number; n: number }): Sender {
  const failedOnce = new Set<string>();
  let next = 0;
  return {
    channel: "telegram",
    async send(chatId) {
      const now = performance.now();
      next = Math.max(now, next) + 1000 / rate;
      const wait = next - 1000 / rate - now;
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const kind = kindOf(Number(chatId));
      if (kind === "permanent") return { ok: false, permanent: true, reason: "400 chat not found" };
      if (kind === "temporary" && !failedOnce.has(chatId)) {
        failedOnce.add(chatId);
        return { ok: false, permanent: false, reason: "429", retryAfterMs: 20 };
      }
      appendFileSync(log, `${chatId}\n`);
      const t = performance.now();
      times.first ??= t;
      times.last = t;
      times.n++;
      return { ok: true };
    },
  };
}

/** Opens `dir`, seeds subscribers and confirms the broadcast on first use, then sends until done. */
async function run(
  dir: string,
  log: string,
  n: number,
  rate: number,
): Promise<{ rate: number; rss: number }> {
  const sampler = rssSampler();
  const store = await openFileStore(dir, { shards: 16 });
  const bot = createBot({
    capabilities: CAPABILITIES,
    config: loadConfig({}),
    repos: createStoreRepositories(store),
    log: createLogger("silent"),
  });
  const svc = bot.services;
  const times = { n: 0 } as { first?: number; last?: number; n: number };
  if ((await svc.broadcasts.list()).length === 0) {
    for (let i = 0; i < n; i++) {
      store.putUser({
        key: `telegram:${i}`,
        channel: "telegram",
        chatId: String(i),
        profile: {},
        consent: { subscriptions: "2026-11-01T00:00:00.000Z" },
        subscription: {
          region: { code: "16.73", name: "Kota Lubuk Linggau" },
          destinations: ["japan"],
          sectors: ["care"],
          lang: "id",
          since: "2026-11-01T00:00:00.000Z",
        },
        createdAt: "2026-11-01T00:00:00.000Z",
        lastSeenAt: "2026-11-01T00:00:00.000Z",
      });
    }
    await store.flush();
    appendFileSync(log, "");
    await svc.broadcasts.create({ text: "Pelatihan bahasa Jepang", audience: {}, by: "bench" });
  } else await svc.broadcasts.tick();
  svc.senders.set("telegram", fakeChannel(log, rate, times));
  const id = (await svc.broadcasts.list())[0]!.id;
  process.stdout.write("ready\n");
  for (;;) {
    const handled = await svc.dispatcher.runOnce();
    const p = await svc.broadcasts.progress(id);
    if (p.pending === 0) break;
    if (handled === 0) await new Promise((r) => setTimeout(r, 10));
  }
  await svc.dispatcher.stop();
  await store.close();
  sampler.stop();
  const achieved =
    times.first !== undefined && times.last! > times.first
      ? ((times.n - 1) * 1000) / (times.last! - times.first)
      : 0;
  return { rate: achieved, rss: sampler.peakMb() };
}

function tally(log: string, n: number) {
  const m = new Map<string, number>();
  for (const line of readFileSync(log, "utf8").split("\n")) if (line) m.set(line, (m.get(line) ?? 0) + 1);
  let lost = 0;
  let duplicates = 0;
  for (let i = 0; i < n; i++) {
    const c = m.get(String(i)) ?? 0;
    if (kindOf(i) !== "permanent" && c === 0) lost++;
    if (c > 1) duplicates += c - 1;
  }
  return { lost, duplicates };
}

function startChild(dir: string, log: string, n: number, rate: number) {
  const script = fileURLToPath(import.meta.url);
  return spawn(process.execPath, ["--import", "tsx", script, "--child", dir, log, String(n), String(rate)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
}

async function main(): Promise<void> {
  const childAt = argv.indexOf("--child");
  if (childAt >= 0) {
    const r = await run(
      argv[childAt + 1]!,
      argv[childAt + 2]!,
      Number(argv[childAt + 3]),
      Number(argv[childAt + 4]),
    );
    process.stdout.write(`${JSON.stringify(r)}\n`);
    return;
  }
  const base = mkdtempSync(join(tmpdir(), "bench-broadcast-"));
  try {
    const plainLog = join(base, "plain.log");
    const plain = await run(join(base, "plain"), plainLog, N, RATE);
    const plainTally = tally(plainLog, N);

    const dir = join(base, "crash");
    const log = join(base, "crash.log");
    const first = startChild(dir, log, N, RATE);
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (existsSync(log) && readFileSync(log, "utf8").split("\n").length > N / 2) {
          clearInterval(timer);
          first.kill("SIGKILL");
          resolve();
        }
      }, 20);
    });
    await new Promise((r) => first.once("exit", r));
    const after = await openFileStore(dir, { shards: 16, readOnly: true });
    const inFlight = after
      .collection<{ id: string; status: string }>("outbox")
      .find((r) => r.status === "sending").length;
    await after.close();
    // The leases of rows in flight at the kill must run out (2 min by default) before they are sent again.
    const second = startChild(dir, log, N, RATE);
    const code = await new Promise<number | null>((r) => second.once("exit", r));
    if (code !== 0) throw new Error(`restarted child exited with ${code}`);
    const crash = tally(log, N);

    let rss = 0;
    if (RSS_N > 0) {
      const big = startChild(join(base, "big"), join(base, "big.log"), RSS_N, 100_000);
      let out = "";
      big.stdout.on("data", (d) => {
        out += String(d);
      });
      await new Promise((r) => big.once("exit", r));
      rss = JSON.parse(out.trim().split("\n").at(-1) ?? "{}").rss ?? 0;
    }

    report(
      "bench:broadcast",
      {
        recipients: N,
        rate_limit: RATE,
        achieved_rate: Math.round(plain.rate * 10) / 10,
        rate_ratio: Math.round((plain.rate / RATE) * 1000) / 1000,
        lost: plainTally.lost,
        duplicates: plainTally.duplicates,
        crash_lost: crash.lost,
        crash_duplicates: crash.duplicates,
        in_flight: inFlight,
        rss_recipients: RSS_N,
        peak_rss_mb: Math.round(rss),
      },
      json,
    );
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
});
