/**
 * npm run bench:web [-- --json] — the web chat on a cheap phone, in Debian's headless Chromium
 * at 360 × 740. first_visit_kb: every byte the server sends for a first visit (page, script,
 * manifest, icons, the service worker and what it keeps, compressed, headers included), counted
 * on the server's sockets. first_reply_ms_3g: from navigation to the greeting on screen on
 * Chromium's "Slow 3G" profile (2,000 ms latency, 50 kB/s each way); answer_ms_3g: from tapping
 * Send to the answer on screen on the same profile. Targets: ≤ 60 KB, ≤ 3,000 ms.
 */
import type { Socket } from "node:net";
import { serve } from "@hono/node-server";
import { createWebApp } from "../adapters/web/app";
import { loadConfig } from "../bot/config";
import { createLogger } from "../bot/logger";
import { createMemoryRepositories } from "../bot/store/store-repositories";
import { createBot } from "../bot/wiring";
import { CAPABILITIES } from "../flows/capabilities";
import { launchBrowser } from "../test/helpers/browser";
import { report } from "./bench-util";

const json = process.argv.includes("--json");
const PHONE = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true };
const SLOW_3G = {
  offline: false,
  latency: 400 * 5,
  downloadThroughput: (500 * 1000 * 0.8) / 8,
  uploadThroughput: (500 * 1000 * 0.8) / 8,
};

const bot = createBot({
  config: loadConfig({ RATE_LIMIT_PER_MINUTE: "10000" }),
  repos: createMemoryRepositories(),
  capabilities: CAPABILITIES,
  log: createLogger("silent"),
  clock: () => new Date(),
});
const sockets = new Set<Socket>();
let sent = 0;
const { url, close } = await new Promise<{ url: string; close: () => void }>((resolve) => {
  const server = serve({ fetch: createWebApp(bot).fetch, port: 0, hostname: "127.0.0.1" }, (info) =>
    resolve({ url: `http://127.0.0.1:${info.port}`, close: () => server.close() }),
  );
  server.on("connection", (s: Socket) => {
    sockets.add(s);
    s.on("close", () => {
      sent += s.bytesWritten;
      sockets.delete(s);
    });
  });
});
const written = () => sent + [...sockets].reduce((n, s) => n + s.bytesWritten, 0);

const browser = await launchBrowser();
try {
  // A first visit: the page, its greeting, and everything the service worker keeps.
  const visit = await browser.newContext(PHONE);
  const page = await visit.newPage();
  const before = written();
  await page.goto(url, { waitUntil: "networkidle" });
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.waitForLoadState("networkidle");
  const firstVisitKb = (written() - before) / 1024;
  await visit.close();

  // Slow 3G: the greeting, then the first answer.
  const slow = await browser.newContext(PHONE);
  const p = await slow.newPage();
  const cdp = await slow.newCDPSession(p);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", SLOW_3G);
  const t0 = Date.now();
  await p.goto(url, { waitUntil: "commit", timeout: 60_000 });
  await p.getByText("Halo! Saya").waitFor({ timeout: 60_000 });
  const firstReplyMs = Date.now() - t0;
  await p.waitForFunction(() => document.readyState === "complete", null, { timeout: 60_000 });
  await p.fill("#input", "brp biaya jd tkw?");
  const t1 = Date.now();
  await p.tap("#send");
  await p.locator(".msg.bot").nth(1).waitFor({ timeout: 60_000 });
  const answerMs = Date.now() - t1;
  await slow.close();

  report(
    "bench:web: first visit at 360 × 740; Chromium's Slow 3G (machine load affects the times)",
    {
      first_visit_kb: Math.round(firstVisitKb * 10) / 10,
      first_reply_ms_3g: firstReplyMs,
      answer_ms_3g: answerMs,
      target_kb: 60,
      target_ms: 3000,
    },
    json,
  );
} finally {
  await browser.close();
  close();
}
