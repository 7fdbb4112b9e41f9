import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type StartWhatsAppWebOptions,
  startWhatsAppWeb,
  type WhatsAppWebHandle,
} from "../../adapters/whatsapp/web/start-whatsapp-web";
import { loadConfig } from "../../bot/config";
import { createLogger } from "../../bot/logger";
import type { Store } from "../../bot/store/types";
import { type FakeStart, fakeFactory } from "../fakes/whatsapp-web-client";
import { makeBot, type TestBot } from "../helpers/make-bot";

export interface WebHarness {
  test: TestBot;
  wa: WhatsAppWebHandle;
  fakes: ReturnType<typeof fakeFactory>;
  dir: string;
  /** Resolves once the adapter handled this many messages in all. */
  handled(count: number): Promise<void>;
  /** Resolves when `check` holds (polled). */
  until(check: () => boolean, what: string, ms?: number): Promise<void>;
  stop(): Promise<void>;
}

export async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The real bot on an in-memory store, on WhatsApp through the real adapter and fake clients. */
export async function startWebHarness(
  options: {
    env?: Record<string, string>;
    starts?: FakeStart[];
    pairs?: Map<string, string>;
    store?: Store;
    dir?: string;
    extra?: Partial<StartWhatsAppWebOptions>;
  } = {},
): Promise<WebHarness> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), "ma-wa-web-"));
  const config = loadConfig({
    RATE_LIMIT_PER_MINUTE: "1000",
    DATA_DIR: dir,
    WHATSAPP_ENABLED: "1",
    ...options.env,
  });
  const test = makeBot({ config, store: options.store });
  const fakes = fakeFactory(options.starts, options.pairs);
  let count = 0;
  const wa = await startWhatsAppWeb({
    bot: test.bot,
    config,
    log: createLogger("silent"),
    factory: fakes.factory,
    showQr: () => {},
    onHandled: () => {
      count++;
    },
    sendIntervalMs: 1,
    ...options.extra,
  });
  await until(
    () =>
      wa.supervisor.state() === "ready" ||
      wa.supervisor.state() === "login" ||
      (options.starts?.[0] ?? "ready") !== "ready",
    "ready",
  );
  return {
    test,
    wa,
    fakes,
    dir,
    handled: (n) => until(() => count >= n, `${n} handled messages`),
    until,
    async stop() {
      await wa.stop();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
