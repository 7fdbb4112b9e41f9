/**
 * bench:whatsapp — the WhatsApp Cloud API path end to end on 127.0.0.1:
 *  1. incoming: N signed webhook deliveries from many people, POSTed over HTTP to the real
 *     webhook (signature check, ack, queue), handled by the core (lowdb store on disk) and
 *     answered through the Sender to a fake Graph API; prints messages handled per second.
 *     Meta's 80 messages/s include inbound and outbound, so this phase runs the Sender at
 *     `--incoming-rate` (1000, Meta's upgraded tier) to measure the adapter, not the limit;
 *  2. sending: a Sender at the configured `--rate` (80) sends M messages to distinct people
 *     through a fake Graph API that answers 130429 above that rate; prints the achieved
 *     share of the rate, throttling answers received, messages lost and duplicated.
 *   npm run bench:whatsapp [-- --json] [-- --incoming N --people N --messages M --rate R --incoming-rate R]
 */
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { createWebApp } from "../adapters/web/app";
import { renderCloud } from "../adapters/whatsapp/cloud/cloud-render";
import { createCloudSender } from "../adapters/whatsapp/cloud/cloud-sender";
import { createGraphClient } from "../adapters/whatsapp/cloud/graph-client";
import { signBody } from "../adapters/whatsapp/cloud/signature";
import { startWhatsAppCloud } from "../adapters/whatsapp/cloud/start-whatsapp-cloud";
import { loadConfig } from "../bot/config";
import { createLogger } from "../bot/logger";
import { openFileStore } from "../bot/store/open-store";
import { createStoreRepositories } from "../bot/store/store-repositories";
import { createBot } from "../bot/wiring";
import { CAPABILITIES } from "../flows/capabilities";
import { startFakeGraph } from "../test/fakes/graph-api";
import { incoming as payload, textOf } from "../test/whatsapp/cloud-harness";
import { report } from "./bench-util";

const argv = process.argv.slice(2);
const num = (name: string, dflt: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const json = argv.includes("--json");
const log = (line: string) => process.stderr.write(`${line}\n`);

/** Messages that each get exactly one reply message from the core. */
const SCRIPT = ["bantuan", "help"];

async function main(): Promise<void> {
  const incoming = num("incoming", 2000);
  const people = num("people", 200);
  const messages = num("messages", 1600);
  const rate = num("rate", 80);
  const incomingRate = num("incoming-rate", 1000);
  const secret = "bench-app-secret";

  const dir = mkdtempSync(join(tmpdir(), "ma-bench-whatsapp-"));
  const graph = await startFakeGraph();
  const config = loadConfig({
    DATA_DIR: dir,
    LOG_LEVEL: "silent",
    RATE_LIMIT_PER_MINUTE: "10000",
    WHATSAPP_MODE: "cloud",
    WHATSAPP_CLOUD_TOKEN: graph.token,
    WHATSAPP_CLOUD_PHONE_ID: "106540352242922",
    WHATSAPP_CLOUD_APP_SECRET: secret,
    WHATSAPP_CLOUD_VERIFY_TOKEN: "bench",
    WHATSAPP_CLOUD_API_ROOT: graph.apiRoot,
    WHATSAPP_CLOUD_RATE: String(incomingRate),
  });
  const store = await openFileStore(dir);
  const logger = createLogger("silent");
  const bot = createBot({
    capabilities: CAPABILITIES,
    config,
    repos: createStoreRepositories(store),
    log: logger,
  });
  const app = createWebApp(bot);
  let handled = 0;
  let onHandled = () => {};
  const wa = await startWhatsAppCloud({
    bot,
    app,
    config,
    log: logger,
    onHandled: () => {
      handled++;
      onHandled();
    },
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const hook = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/whatsapp`;

  // 1. Incoming: signed deliveries → webhook → queue → core → Graph API.
  log(`incoming: ${incoming} webhook deliveries from ${people} people…`);
  const bodies = Array.from({ length: incoming }, (_, i) => {
    const phone = String(6281_000_000_000 + (i % people));
    const text = SCRIPT[Math.floor(i / people) % SCRIPT.length]!;
    return { phone, raw: JSON.stringify(payload(phone, textOf(text), { id: `wamid.BENCH${i}` })) };
  });
  const expected = new Map<string, number>();
  for (const b of bodies) expected.set(b.phone, (expected.get(b.phone) ?? 0) + 1);
  const allHandled = new Promise<void>((resolve) => {
    onHandled = () => {
      if (handled >= incoming) resolve();
    };
  });
  const sentBefore = graph.sent.length;
  const t0 = performance.now();
  let next = 0;
  let refused = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < bodies.length) {
        const b = bodies[next++]!;
        const res = await fetch(hook, {
          method: "POST",
          headers: { "content-type": "application/json", "x-hub-signature-256": signBody(b.raw, secret) },
          body: b.raw,
        });
        if (res.status !== 200) refused++;
        await res.arrayBuffer();
      }
    }),
  );
  await allHandled;
  await new Promise<void>((resolve) => {
    const check = () => (wa.sender.pending() === 0 ? resolve() : setTimeout(check, 20));
    check();
  });
  const incomingS = (performance.now() - t0) / 1000;
  const got = new Map<string, number>();
  for (const c of graph.sent.slice(sentBefore)) got.set(c.body.to!, (got.get(c.body.to!) ?? 0) + 1);
  let inLost = 0;
  let inDup = 0;
  for (const [phone, n] of expected) {
    const g = got.get(phone) ?? 0;
    inLost += Math.max(0, n - g);
    inDup += Math.max(0, g - n);
  }

  // 2. Sending: the Sender to distinct people through a rate-limited fake.
  log(
    `sending: ${messages} messages to distinct people, fake limit ${rate}/s (about ${Math.ceil(messages / rate)} s)…`,
  );
  await wa.stop();
  graph.limit(rate);
  const sender = createCloudSender({
    graph: createGraphClient({
      apiRoot: graph.apiRoot,
      version: config.WHATSAPP_CLOUD_API_VERSION,
      phoneId: config.WHATSAPP_CLOUD_PHONE_ID!,
      token: graph.token,
    }),
    render: (message) => renderCloud(message, bot.i18n.getFixedT("id")),
    recipient: (chatId) => ({ to: chatId }),
    perSecond: rate,
  });
  const sendBefore = graph.sent.length;
  const limitedBefore = graph.rateLimited;
  const outcomes = await Promise.all(
    Array.from({ length: messages }, (_, i) =>
      sender.send(String(6289_000_000_000 + i), { text: `Info pelatihan #${i}` }),
    ),
  );
  const sentNow = graph.sent.slice(sendBefore);
  const seen = new Map<string, number>();
  for (const c of sentNow) {
    const text = (c.body.text as { body: string }).body;
    seen.set(text, (seen.get(text) ?? 0) + 1);
  }
  const sendDup = [...seen.values()].reduce((s, n) => s + n - 1, 0);
  const sendLost = messages - seen.size;
  const first = sentNow[0]?.at ?? 0;
  const last = sentNow.at(-1)?.at ?? 0;
  const achieved = sentNow.length > 1 ? ((sentNow.length - 1) * 1000) / (last - first) : 0;

  await sender.stop();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await graph.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });

  report(
    "bench:whatsapp",
    {
      incoming,
      incoming_people: people,
      incoming_per_s: Math.round(incoming / incomingS),
      incoming_refused: refused,
      incoming_lost: inLost,
      incoming_duplicates: inDup,
      send_messages: messages,
      send_rate_per_s: rate,
      send_achieved_per_s: Number(achieved.toFixed(2)),
      send_rate_ratio: Number((achieved / rate).toFixed(3)),
      send_failed: outcomes.filter((o) => !o.ok).length,
      lost: inLost + sendLost,
      duplicates: inDup + sendDup,
      rate_limited: graph.rateLimited - limitedBefore,
    },
    json,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
});
