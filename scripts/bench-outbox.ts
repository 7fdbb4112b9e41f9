/**
 * bench:outbox — 10,000 outbox rows through a fake channel (1 % temporary failures that
 * succeed on retry, 1 % permanent ones), first in one run, then again in a child process
 * that is killed (SIGKILL) half-way and started again. Every send the fake channel accepts
 * is appended to a file, so the count survives the kill.
 *   npm run bench:outbox [-- --json] [-- --rows 10000]
 * Keys: rows, workers, sent, lost, duplicates, crash_lost, crash_duplicates, in_flight.
 */
import { spawn } from "node:child_process";
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createLogger } from "../bot/logger";
import type { Channel } from "../bot/model";
import { createDispatcher } from "../bot/outbox/dispatcher";
import type { Sender } from "../bot/sender";
import { openFileStore } from "../bot/store/open-store";
import { createStoreOutbox } from "../bot/store/outbox-store";
import { report } from "./bench-util";

const argv = process.argv.slice(2);
const json = argv.includes("--json");
const flag = (name: string, dflt: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const ROWS = flag("rows", 10_000);
const LEASE_MS = 1_000;
const BATCH = 100;

/** Chat i fails once temporarily (i % 100 == 7) or always permanently (i % 100 == 13). */
const kindOf = (chat: number) => (chat % 100 === 7 ? "temporary" : chat % 100 === 13 ? "permanent" : "ok");

/** The fake channel: accepted sends are appended to `log` (one chat id a line). */
function fakeChannel(log: string): Sender {
  const failedOnce = new Set<string>();
  return {
    channel: "telegram" as Channel,
    async send(chatId) {
      await new Promise((r) => setImmediate(r));
      const kind = kindOf(Number(chatId));
      if (kind === "permanent") return { ok: false, permanent: true, reason: "400 chat not found" };
      if (kind === "temporary" && !failedOnce.has(chatId)) {
        failedOnce.add(chatId);
        return { ok: false, permanent: false, reason: "429", retryAfterMs: 5 };
      }
      appendFileSync(log, `${chatId}\n`);
      return { ok: true };
    },
  };
}

/** Opens the outbox in `dir`, fills it on first use, and sends until nothing is left. */
async function run(dir: string, log: string): Promise<void> {
  const store = await openFileStore(dir, { shards: 1 });
  const outbox = createStoreOutbox(store);
  if ((await outbox.counts()).queued + (await outbox.counts()).sending === 0 && !existsSync(log)) {
    const rows = Array.from({ length: ROWS }, (_, i) => ({
      effect: "bench",
      kind: "bench",
      channel: "telegram" as Channel,
      chatId: String(i),
      message: { text: `message ${i}` },
    }));
    await outbox.enqueue(rows, new Date());
    appendFileSync(log, "");
  }
  const senders = new Map<Channel, Sender>([["telegram", fakeChannel(log)]]);
  const dispatcher = createDispatcher({
    outbox,
    senders,
    log: createLogger("silent"),
    clock: () => new Date(),
    batch: BATCH,
    leaseMs: LEASE_MS,
    backoffMs: 5,
  });
  process.stdout.write("ready\n");
  for (;;) {
    const handled = await dispatcher.runOnce();
    const c = await outbox.counts();
    if (c.queued === 0 && c.sending === 0) break;
    if (handled === 0) await new Promise((r) => setTimeout(r, 5));
  }
  await store.close();
}

function sendsPerChat(log: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const line of readFileSync(log, "utf8").split("\n")) if (line) m.set(line, (m.get(line) ?? 0) + 1);
  return m;
}

function tally(log: string): { sent: number; lost: number; duplicates: number } {
  const m = sendsPerChat(log);
  let lost = 0;
  let duplicates = 0;
  for (let i = 0; i < ROWS; i++) {
    const n = m.get(String(i)) ?? 0;
    if (kindOf(i) !== "permanent" && n === 0) lost++;
    if (n > 1) duplicates += n - 1;
  }
  return { sent: [...m.values()].reduce((a, b) => a + b, 0), lost, duplicates };
}

function startChild(dir: string, log: string) {
  const script = fileURLToPath(import.meta.url);
  return spawn(process.execPath, ["--import", "tsx", script, "--child", dir, log, "--rows", String(ROWS)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
}

async function main(): Promise<void> {
  const childAt = argv.indexOf("--child");
  if (childAt >= 0) return run(argv[childAt + 1] ?? "", argv[childAt + 2] ?? "");

  const base = mkdtempSync(join(tmpdir(), "bench-outbox-"));
  try {
    // 1. No crash.
    const plainLog = join(base, "plain.log");
    const started = Date.now();
    await run(join(base, "plain"), plainLog);
    const plainMs = Date.now() - started;
    const plain = tally(plainLog);

    // 2. SIGKILL half-way, then start again after the lease has run out.
    const dir = join(base, "crash");
    const log = join(base, "crash.log");
    const first = startChild(dir, log);
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (existsSync(log) && readFileSync(log, "utf8").split("\n").length > ROWS / 2) {
          clearInterval(timer);
          first.kill("SIGKILL");
          resolve();
        }
      }, 5);
    });
    await new Promise((r) => first.once("exit", r));
    const afterKill = await openFileStore(dir, { shards: 1, readOnly: true });
    const inFlight = (await createStoreOutbox(afterKill).counts()).sending;
    await afterKill.close();
    await new Promise((r) => setTimeout(r, LEASE_MS + 50));
    const second = startChild(dir, log);
    const code = await new Promise<number | null>((r) => second.once("exit", r));
    if (code !== 0) throw new Error(`restarted child exited with ${code}`);
    const crash = tally(log);

    report(
      "bench:outbox",
      {
        rows: ROWS,
        workers: 1,
        sent: plain.sent,
        lost: plain.lost,
        duplicates: plain.duplicates,
        crash_lost: crash.lost,
        crash_duplicates: crash.duplicates,
        in_flight: inFlight,
        plain_ms: plainMs,
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
