/**
 * bench:telegram — the Telegram adapter end to end against the fake Bot API server on
 * 127.0.0.1, through the real grammY over HTTP:
 *  1. incoming: N updates from many chats, long-polled, handled by the core (lowdb store
 *     on disk) and answered with sendMessage; prints updates handled per second;
 *  2. sending: the Sender sends M messages to distinct chats through a fake that enforces
 *     a rate limit (30/s by default, like Telegram); prints the achieved share of the limit,
 *     429s received, messages lost and duplicated.
 *   npm run bench:telegram [-- --json] [-- --incoming N --chats N --messages M --rate R]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
import { startTelegram } from "../adapters/telegram";
import { loadConfig } from "../bot/config";
import { createLogger } from "../bot/logger";
import { openFileStore } from "../bot/store/open-store";
import { createStoreRepositories } from "../bot/store/store-repositories";
import { createBot } from "../bot/wiring";
import { CAPABILITIES } from "../flows/capabilities";
import { startFakeTelegram } from "../test/fakes/telegram-api";
import { report } from "./bench-util";

const argv = process.argv.slice(2);
const num = (name: string, dflt: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const json = argv.includes("--json");
const log = (line: string) => process.stderr.write(`${line}\n`);

/** Messages that each get exactly one reply from the core. */
const SCRIPT = ["menu", "bantuan", "mulai", "help"];

async function main(): Promise<void> {
  const incoming = num("incoming", 3000);
  const chats = num("chats", 300);
  const messages = num("messages", 3000);
  const rate = num("rate", 30);

  const dir = mkdtempSync(join(tmpdir(), "ma-bench-telegram-"));
  const fake = await startFakeTelegram();
  const config = loadConfig({
    DATA_DIR: dir,
    LOG_LEVEL: "silent",
    RATE_LIMIT_PER_MINUTE: "10000",
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
  });
  const store = await openFileStore(dir);
  const logger = createLogger("silent");
  const bot = createBot({
    capabilities: CAPABILITIES,
    config,
    repos: createStoreRepositories(store),
    log: logger,
  });
  let handled = 0;
  let onHandled = () => {};
  const telegram = await startTelegram({
    bot,
    app: new Hono(),
    config,
    log: logger,
    onHandled: () => {
      handled++;
      onHandled();
    },
    onFatal: (err) => {
      log(`fatal: ${err.message}`);
      process.exit(1);
    },
    sender: { perSecond: rate },
  });

  // 1. Incoming: updates → getUpdates → core → sendMessage.
  log(`incoming: ${incoming} updates from ${chats} chats…`);
  const expected = new Map<string, number>();
  const sentBefore = fake.sent.length;
  const allHandled = new Promise<void>((resolve) => {
    onHandled = () => {
      if (handled >= incoming) resolve();
    };
  });
  const t0 = performance.now();
  for (let i = 0; i < incoming; i++) {
    const chat = String(10_000 + (i % chats));
    expected.set(chat, (expected.get(chat) ?? 0) + 1);
    fake.text(chat, SCRIPT[Math.floor(i / chats) % SCRIPT.length]!);
  }
  await allHandled;
  const incomingS = (performance.now() - t0) / 1000;
  const got = new Map<string, number>();
  for (const m of fake.sent.slice(sentBefore)) got.set(m.chat_id, (got.get(m.chat_id) ?? 0) + 1);
  let inLost = 0;
  let inDup = 0;
  for (const [chat, n] of expected) {
    const g = got.get(chat) ?? 0;
    inLost += Math.max(0, n - g);
    inDup += Math.max(0, g - n);
  }

  // 2. Sending: the Sender to distinct chats through a rate-limited fake.
  log(
    `sending: ${messages} messages to distinct chats, fake limit ${rate}/s (about ${Math.ceil(messages / rate)} s)…`,
  );
  fake.setRateLimit(rate);
  const sender = bot.services.senders.get("telegram")!;
  const sendBefore = fake.sent.length;
  const limitedBefore = fake.rateLimited;
  const outcomes = await Promise.all(
    Array.from({ length: messages }, (_, i) =>
      sender.send(String(100_000 + i), { text: `Info pelatihan #${i}` }),
    ),
  );
  const sentNow = fake.sent.slice(sendBefore);
  const seen = new Map<string, number>();
  for (const m of sentNow) seen.set(m.text, (seen.get(m.text) ?? 0) + 1);
  const sendDup = [...seen.values()].reduce((s, n) => s + n - 1, 0);
  const sendLost = messages - seen.size;
  const first = sentNow[0]?.at ?? 0;
  const last = sentNow.at(-1)?.at ?? 0;
  const achieved = sentNow.length > 1 ? ((sentNow.length - 1) * 1000) / (last - first) : 0;
  const failed = outcomes.filter((o) => !o.ok).length;

  await telegram.stop();
  await fake.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });

  report(
    "bench:telegram",
    {
      incoming,
      incoming_chats: chats,
      incoming_per_s: Math.round(incoming / incomingS),
      incoming_lost: inLost,
      incoming_duplicates: inDup,
      send_messages: messages,
      send_limit_per_s: rate,
      send_achieved_per_s: Number(achieved.toFixed(2)),
      send_rate_ratio: Number((achieved / rate).toFixed(3)),
      send_failed: failed,
      lost: inLost + sendLost,
      duplicates: inDup + sendDup,
      rate_limited: fake.rateLimited - limitedBefore,
    },
    json,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
});
